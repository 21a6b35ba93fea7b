package org.ordo.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.identity.Role;
import org.ordo.identity.UserAdmin;
import org.ordo.platform.ETags;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and changing users, with the rules every user must satisfy: valid username, long enough password,
 * known roles, CUSTOMER users linked to a customer and to nothing else, and always one enabled ADMIN left.
 * Every change is in the audit trail under {@code USER/<username>}.
 */
@Component
class UserService implements UserAdmin {

    static final String AUDIT_ENTITY = "USER";
    static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,100}");
    static final int MIN_PASSWORD_LENGTH = 12;
    /** "aaaaaaaaaaaa" and the like are no password: so many different characters at least. */
    static final int MIN_DISTINCT_CHARACTERS = 5;
    /** BCrypt reads at most 72 bytes; a longer password would silently be cut, so it is refused. */
    static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}([-_][A-Za-z0-9]{2,4})?");
    private static final Set<Role> STAFF = EnumSet.complementOf(EnumSet.of(Role.CUSTOMER));

    /** The body of {@code POST /api/users}. */
    record NewUser(
            String username, String password, String displayName, List<String> roles, UUID customerId, String locale) {}

    private final UserStore accounts;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;

    UserService(UserStore accounts, PasswordEncoder encoder, AuditTrail audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Transactional
    public StoredUser create(NewUser request) {
        List<FieldViolation> problems = new ArrayList<>();
        String username = request.username();
        if (username == null || username.isBlank()) {
            problems.add(new FieldViolation("username", "is required"));
        } else if (!USERNAME.matcher(username).matches()) {
            problems.add(new FieldViolation("username", "must be 3 to 100 characters of a-z, 0-9, '.', '_' and '-'"));
        }
        checkPassword("password", request.password(), request.username(), problems);
        checkDisplayName(request.displayName(), problems);
        Set<Role> roles = parseRoles(request.roles(), problems);
        if (roles != null) {
            checkRoleCombination(roles, request.customerId(), problems);
        }
        String locale = request.locale() == null ? "en" : request.locale();
        checkLocale(locale, problems);
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        if (accounts.exists(username)) {
            throw usernameTaken(username);
        }
        try {
            accounts.create(
                    username,
                    encoder.encode(request.password()),
                    request.displayName(),
                    roles,
                    request.customerId(),
                    locale);
        } catch (DuplicateKeyException createdMeanwhile) {
            throw usernameTaken(username);
        }
        StoredUser created = accounts.load(username).orElseThrow();
        audit.record(AUDIT_ENTITY, username, "CREATED", null, created.state());
        return created;
    }

    @Override
    public boolean exists(String username) {
        return accounts.exists(username);
    }

    @Override
    @Transactional
    public void create(String username, String password, String displayName, Set<Role> roles, UUID customerId) {
        create(new NewUser(
                username,
                password,
                displayName,
                roles.stream().map(Role::name).sorted().toList(),
                customerId,
                null));
    }

    /** The first administrator; lets {@link DuplicateKeyException} through when another node created it first. */
    @Transactional
    public void createBootstrapAdmin(String password) {
        accounts.create("admin", encoder.encode(password), "Administrator", Set.of(Role.ADMIN), null);
        audit.record(
                AUDIT_ENTITY,
                "admin",
                "CREATED",
                null,
                accounts.load("admin").orElseThrow().state());
    }

    @Transactional
    public StoredUser update(String username, String ifMatch, UserChanges changes) {
        if (changes.has("roles") || changes.has("enabled")) {
            // taken before the user's own row lock, always in the same order: see lockEnabledAdmins
            accounts.lockEnabledAdmins();
        }
        StoredUser current = accounts.lock(username).orElseThrow(() -> OrdoException.notFound("User", username));
        ETags.requireMatch(ifMatch, current.version(), "User " + username);
        StoredUser next = changed(username, current, changes);
        boolean passwordChanged = changes.has("password");
        if (!passwordChanged && next.state().equals(current.state())) {
            return current;
        }
        if (current.isEnabledAdmin() && !next.isEnabledAdmin()) {
            requireAnotherAdmin(username);
        }
        accounts.update(next, passwordChanged ? encoder.encode(changes.password()) : null);
        Map<String, Object> after = next.state();
        if (passwordChanged) {
            after.put("passwordChanged", true);
        }
        audit.record(AUDIT_ENTITY, username, "UPDATED", current.state(), after);
        return accounts.load(username).orElseThrow();
    }

    /** The user with the changes applied (the password hash as it was), each changed field checked; every problem at once. */
    private StoredUser changed(String username, StoredUser current, UserChanges changes) {
        List<FieldViolation> problems = new ArrayList<>();
        String displayName = current.displayName();
        if (changes.has("displayName")) {
            displayName = changes.getDisplayName();
            checkDisplayName(displayName, problems);
        }
        Set<Role> roles = current.roles();
        if (changes.has("roles")) {
            roles = parseRoles(changes.getRoles(), problems);
        }
        boolean enabled = current.enabled();
        if (changes.has("enabled")) {
            if (changes.getEnabled() == null) {
                problems.add(new FieldViolation("enabled", "must be true or false"));
            } else {
                enabled = changes.getEnabled();
            }
        }
        UUID customerId = changes.has("customerId") ? changes.getCustomerId() : current.customerId();
        String locale = current.locale();
        if (changes.has("locale")) {
            locale = changes.getLocale();
            checkLocale(locale, problems);
        }
        String timeZone = current.timeZone();
        if (changes.has("timeZone")) {
            timeZone = timeZone(changes.getTimeZone(), problems);
        }
        if (changes.has("password")) {
            checkPassword("password", changes.password(), current.username(), problems);
        }
        if (roles != null && (changes.has("roles") || changes.has("customerId"))) {
            checkRoleCombination(roles, customerId, problems);
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return new StoredUser(
                username,
                current.passwordHash(),
                displayName,
                roles,
                customerId,
                locale,
                timeZone,
                enabled,
                current.version(),
                current.createdAt(),
                current.updatedAt());
    }

    @Override
    public PageResult<UserView> users(String q, Paging paging) {
        return accounts.search(q, paging).map(UserService::view);
    }

    @Override
    public Optional<UserView> user(String username) {
        return accounts.load(username).map(UserService::view);
    }

    @Override
    @Transactional
    public UserView update(String username, long expectedVersion, UserUpdate update) {
        Actor actor = Actor.current();
        if (actor.username().equals(username)) {
            List<FieldViolation> refused = new ArrayList<>();
            if (update.roles() == null || !update.roles().contains(Role.ADMIN)) {
                refused.add(new FieldViolation("roles", "you cannot take the ADMIN role from yourself"));
            }
            if (!update.enabled()) {
                refused.add(new FieldViolation("enabled", "you cannot disable yourself"));
            }
            if (!refused.isEmpty()
                    && accounts.load(username).map(StoredUser::isEnabledAdmin).orElse(false)) {
                throw new OrdoException(
                        OrdoException.Kind.CONFLICT,
                        "self-lockout",
                        "You cannot lock yourself out: another administrator has to take your ADMIN role or disable you.",
                        refused,
                        Map.of());
            }
        }
        UserChanges changes = new UserChanges();
        changes.setDisplayName(
                update.displayName() == null || update.displayName().isBlank()
                        ? null
                        : update.displayName().trim());
        changes.setRoles(
                update.roles() == null
                        ? null
                        : update.roles().stream().map(Role::name).sorted().toList());
        changes.setCustomerId(update.customerId());
        changes.setEnabled(update.enabled());
        return view(update(username, ETags.of(expectedVersion), changes));
    }

    @Override
    @Transactional
    public void resetPassword(String username, String newPassword) {
        UserChanges changes = new UserChanges();
        changes.setPassword(newPassword);
        update(username, null, changes);
    }

    @Override
    @Transactional
    public void changeTimeZone(String username, String timeZone) {
        UserChanges changes = new UserChanges();
        changes.setTimeZone(timeZone);
        update(username, null, changes);
    }

    private static UserView view(StoredUser u) {
        return new UserView(
                u.username(),
                u.displayName(),
                u.roles().stream().sorted().toList(),
                u.customerId(),
                u.locale(),
                u.timeZone(),
                u.enabled(),
                u.version(),
                u.createdAt(),
                u.updatedAt());
    }

    /** A user changing their own password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        List<FieldViolation> problems = new ArrayList<>();
        if (currentPassword == null || currentPassword.isEmpty()) {
            problems.add(new FieldViolation("currentPassword", "is required"));
        }
        checkPassword("newPassword", newPassword, username, problems);
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        StoredUser user = accounts.lock(username).orElseThrow(() -> OrdoException.notFound("User", username));
        if (!PasswordAuthentication.fitsBcrypt(currentPassword)
                || !encoder.matches(currentPassword, user.passwordHash())) {
            throw OrdoException.invalid("currentPassword", "is not your current password");
        }
        if (currentPassword.equals(newPassword)) {
            throw OrdoException.invalid("newPassword", "must differ from the current password");
        }
        accounts.update(user, encoder.encode(newPassword));
        Map<String, Object> after = user.state();
        after.put("passwordChanged", true);
        audit.record(AUDIT_ENTITY, username, "PASSWORD_CHANGED", user.state(), after);
    }

    private void requireAnotherAdmin(String username) {
        List<String> admins = accounts.lockEnabledAdmins();
        if (admins.stream().noneMatch(other -> !other.equals(username))) {
            throw OrdoException.conflict(
                    "last-admin",
                    "User " + username + " is the last enabled ADMIN; make another user an enabled ADMIN first.");
        }
    }

    private static OrdoException usernameTaken(String username) {
        return new OrdoException(
                OrdoException.Kind.CONFLICT,
                "username-taken",
                "A user named " + username + " already exists.",
                List.of(new FieldViolation("username", "is already taken")),
                Map.of());
    }

    /** Long enough, not too long for BCrypt, not one character repeated, and not the username. */
    static void checkPassword(String field, String password, String username, List<FieldViolation> problems) {
        if (password == null || password.isEmpty()) {
            problems.add(new FieldViolation(field, "is required"));
        } else if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            problems.add(new FieldViolation(field, "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            problems.add(new FieldViolation(field, "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8"));
        } else if (password.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            problems.add(new FieldViolation(
                    field, "must have at least " + MIN_DISTINCT_CHARACTERS + " different characters"));
        } else if (username != null && password.trim().equalsIgnoreCase(username.trim())) {
            problems.add(new FieldViolation(field, "must not be the username"));
        }
    }

    private static void checkDisplayName(String displayName, List<FieldViolation> problems) {
        if (displayName != null && displayName.length() > 200) {
            problems.add(new FieldViolation("displayName", "must be at most 200 characters"));
        }
    }

    private static void checkLocale(String locale, List<FieldViolation> problems) {
        if (locale == null || !LOCALE.matcher(locale).matches()) {
            problems.add(new FieldViolation("locale", "must be a language tag such as en or de-CH"));
        }
    }

    /** A zone id as stored: blank is null (the company's zone), an unknown id is a problem. */
    private static String timeZone(String zoneId, List<FieldViolation> problems) {
        if (zoneId == null || zoneId.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zoneId.trim()).getId();
        } catch (DateTimeException unknown) {
            problems.add(new FieldViolation("timeZone", "must be a time zone such as Europe/Berlin or Asia/Shanghai"));
            return zoneId;
        }
    }

    /** The roles named in a request, or null (with the problems added) when they are missing or unknown. */
    private static Set<Role> parseRoles(List<String> names, List<FieldViolation> problems) {
        if (names == null || names.isEmpty()) {
            problems.add(new FieldViolation("roles", "must name at least one role"));
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        boolean valid = true;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            try {
                roles.add(Role.valueOf(Objects.requireNonNull(name)));
            } catch (IllegalArgumentException | NullPointerException unknown) {
                problems.add(CommonRule.ONE_OF.at("roles[" + i + "]", List.of(Role.values())));
                valid = false;
            }
        }
        return valid ? roles : null;
    }

    private static void checkRoleCombination(Set<Role> roles, UUID customerId, List<FieldViolation> problems) {
        if (roles.contains(Role.CUSTOMER)) {
            if (roles.stream().anyMatch(STAFF::contains)) {
                problems.add(new FieldViolation("roles", "CUSTOMER cannot be combined with staff roles"));
            }
            if (customerId == null) {
                problems.add(new FieldViolation("customerId", "is required for role CUSTOMER"));
            }
        } else if (customerId != null) {
            problems.add(new FieldViolation("customerId", "is only for users with role CUSTOMER"));
        }
    }
}
