package org.ordo.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.identity.Role;
import org.ordo.identity.TokenAdmin;
import org.ordo.platform.ChangeNotices;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens (table api_token): {@code ordo_} + 32 random bytes in URL-safe base64. Only the SHA-256 of a token
 * is stored, so the token is shown once, when it is issued. A token acts as its user, with the user's current
 * roles, and stops working when it is revoked, when it expires or when its user is disabled.
 */
@Component
class ApiTokenService implements TokenAdmin {

    static final String PREFIX = "ordo_";
    private static final int RANDOM_BYTES = 32;
    /** last_used_at is a hint for humans; writing it on every request would make every read a write. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VIEW_COLUMNS = "id, username, name, created_at, expires_at, last_used_at, revoked";

    /** The body of {@code POST /api/users/{username}/tokens}. */
    record NewToken(String name, Instant expiresAt) {}

    /** The answer to issuing a token: the only time {@code token} is shown. */
    record IssuedToken(UUID id, String name, String token, Instant createdAt, Instant expiresAt) {}

    /** A token as listed: never the secret. */
    record TokenView(
            UUID id,
            String username,
            String name,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            boolean revoked) {

        Map<String, Object> state() {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("tokenId", id);
            state.put("name", name);
            state.put("expiresAt", expiresAt);
            state.put("revoked", revoked);
            return state;
        }
    }

    private final JdbcClient jdbc;
    private final UserStore accounts;
    private final AuditTrail audit;
    private final VerifiedCredentials verified;
    private final ChangeNotices changes;

    ApiTokenService(
            JdbcClient jdbc,
            UserStore accounts,
            AuditTrail audit,
            VerifiedCredentials verified,
            ChangeNotices changes) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.verified = verified;
        this.changes = changes;
    }

    @Transactional
    public IssuedToken issue(String username, NewToken request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<FieldViolation> problems = new ArrayList<>();
        String name = request.name();
        if (name == null || name.isBlank()) {
            problems.add(new FieldViolation("name", "is required"));
        } else if (name.length() > 100) {
            problems.add(new FieldViolation("name", "must be at most 100 characters"));
        }
        Instant expiresAt =
                request.expiresAt() == null ? null : request.expiresAt().truncatedTo(ChronoUnit.MICROS);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            problems.add(new FieldViolation("expiresAt", "must be in the future"));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        // the user's row lock keeps the user's audit chain linear
        accounts.lock(username).orElseThrow(() -> OrdoException.notFound("User", username));
        String token = newToken();
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO api_token (id, username, name, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        username,
                        name,
                        sha256(token),
                        Timestamp.from(now),
                        expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        TokenView issued = new TokenView(id, username, name, now, expiresAt, null, false);
        audit.record(UserService.AUDIT_ENTITY, username, "TOKEN_ISSUED", null, issued.state());
        return new IssuedToken(id, name, token, now, expiresAt);
    }

    public PageResult<TokenView> list(String username, Paging paging) {
        if (!accounts.exists(username)) {
            throw OrdoException.notFound("User", username);
        }
        List<TokenView> items = jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM api_token WHERE username = ? "
                        + "ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(username, paging.size(), paging.offset())
                .query(ApiTokenService::map)
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM api_token WHERE username = ?")
                .param(username)
                .query(Long.class)
                .single();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** One token, if the actor may see it: its owner or an ADMIN. */
    public TokenView get(UUID id, Actor actor) {
        TokenView token = find(id).orElseThrow(() -> OrdoException.notFound("Token", id));
        requireOwnerOrAdmin(token, actor);
        return token;
    }

    /** Revokes a token for good; revoking it again changes nothing. */
    @Transactional
    public void revoke(UUID id, Actor actor) {
        TokenView token = find(id).orElseThrow(() -> OrdoException.notFound("Token", id));
        requireOwnerOrAdmin(token, actor);
        accounts.lock(token.username());
        int changed = jdbc.sql("UPDATE api_token SET revoked = TRUE WHERE id = ? AND revoked = FALSE")
                .param(id)
                .update();
        if (changed == 1) {
            changes.announce(VerifiedCredentials.CACHE, token.username());
            TokenView revoked = new TokenView(
                    token.id(),
                    token.username(),
                    token.name(),
                    token.createdAt(),
                    token.expiresAt(),
                    token.lastUsedAt(),
                    true);
            audit.record(UserService.AUDIT_ENTITY, token.username(), "TOKEN_REVOKED", token.state(), revoked.state());
        }
    }

    /**
     * Revokes every token of a user that is not revoked yet, in one audited step (after a leak, or when a person leaves);
     * the number revoked. Expired tokens count too, so none of them can be brought back by a later change.
     */
    @Transactional
    public int revokeAll(String username) {
        accounts.lock(username).orElseThrow(() -> OrdoException.notFound("User", username));
        // under the user's row lock no token of theirs is issued or revoked meanwhile (no RETURNING on H2)
        List<UUID> revoked = jdbc.sql("SELECT id FROM api_token WHERE username = ? AND revoked = FALSE")
                .param(username)
                .query(UUID.class)
                .list();
        jdbc.sql("UPDATE api_token SET revoked = TRUE WHERE username = ? AND revoked = FALSE")
                .param(username)
                .update();
        if (!revoked.isEmpty()) {
            changes.announce(VerifiedCredentials.CACHE, username);
            audit.record(
                    UserService.AUDIT_ENTITY,
                    username,
                    "TOKENS_REVOKED",
                    Map.of("activeTokens", revoked.size()),
                    Map.of(
                            "activeTokens",
                            0,
                            "revokedTokenIds",
                            revoked.stream().map(UUID::toString).sorted().toList()));
        }
        return revoked.size();
    }

    /**
     * The user a presented token acts for, or empty when the token is unknown, revoked, expired or its user is
     * disabled. No read for a token this node verified recently while {@link VerifiedCredentials} is trusted, else
     * one indexed read; a write only when last_used_at is older than {@link #LAST_USED_PRECISION}.
     */
    Optional<OrdoUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Instant now = Instant.now();
        Optional<VerifiedCredentials.Verified> remembered = verified.trustedToken(hash);
        if (remembered.isPresent()) {
            VerifiedCredentials.Verified known = remembered.get();
            if (known.tokenExpiresAt() != null && !known.tokenExpiresAt().isAfter(now)) {
                return Optional.empty();
            }
            if (touch(known.tokenId(), known.lastUsedAt(), now)) {
                verified.tokenUsed(hash, known, now);
            }
            return Optional.of(known.user());
        }
        long stamp = verified.tokenStamp();
        Optional<FoundToken> found = find(hash);
        if (found.isEmpty()
                || found.get().revoked()
                || !found.get().user().enabled()
                || (found.get().expiresAt() != null && !found.get().expiresAt().isAfter(now))) {
            return Optional.empty();
        }
        FoundToken f = found.get();
        Instant lastUsed = touch(f.id(), f.lastUsedAt(), now) ? now : f.lastUsedAt();
        verified.rememberToken(stamp, hash, f.user(), f.id(), f.expiresAt(), lastUsed);
        return Optional.of(f.user());
    }

    private record FoundToken(UUID id, Instant expiresAt, Instant lastUsedAt, boolean revoked, OrdoUser user) {}

    private Optional<FoundToken> find(String hash) {
        return jdbc.sql("SELECT t.id, t.expires_at, t.last_used_at, t.revoked, u.username, u.password_hash, "
                        + "u.customer_id, u.enabled, u.version, " + UserStore.ROLES
                        + " FROM api_token t JOIN app_user u ON u.username = t.username WHERE t.token_hash = ?")
                .param(hash)
                .query((rs, n) -> new FoundToken(
                        rs.getObject("id", UUID.class),
                        instant(rs, "expires_at"),
                        instant(rs, "last_used_at"),
                        rs.getBoolean("revoked"),
                        new OrdoUser(
                                rs.getString("username"),
                                rs.getString("password_hash"),
                                UserStore.roles(rs),
                                rs.getObject("customer_id", UUID.class),
                                rs.getBoolean("enabled"),
                                rs.getLong("version"))))
                .optional();
    }

    /** Writes last_used_at when it is older than its precision; true if it was due. */
    private boolean touch(UUID id, Instant lastUsedAt, Instant now) {
        Instant stale = now.minus(LAST_USED_PRECISION);
        if (lastUsedAt != null && !lastUsedAt.isBefore(stale)) {
            return false;
        }
        // conditional, so that nodes racing on the same token write it once
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(Timestamp.from(now), id, Timestamp.from(stale))
                .update();
        return true;
    }

    @Override
    public PageResult<TokenInfo> tokens(String username, Paging paging) {
        boolean all = username == null || username.isBlank();
        String where = all ? "" : " WHERE username = ?";
        List<Object> params = all ? new ArrayList<>() : new ArrayList<>(List.of(username.trim()));
        long total = jdbc.sql("SELECT COUNT(*) FROM api_token" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.add(paging.size());
        params.add(paging.offset());
        List<TokenInfo> items = jdbc
                .sql("SELECT " + VIEW_COLUMNS + " FROM api_token" + where
                        + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(params)
                .query(ApiTokenService::map)
                .list()
                .stream()
                .map(t -> new TokenInfo(
                        t.id(), t.username(), t.name(), t.createdAt(), t.expiresAt(), t.lastUsedAt(), t.revoked()))
                .toList();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    @Override
    @Transactional
    public TokenAdmin.IssuedToken issue(String username, String name, Instant expiresAt) {
        IssuedToken issued = issue(username, new NewToken(name, expiresAt));
        return new TokenAdmin.IssuedToken(
                issued.id(), username, issued.name(), issued.token(), issued.createdAt(), issued.expiresAt());
    }

    @Override
    @Transactional
    public void revoke(UUID id) {
        revoke(id, Actor.current());
    }

    private Optional<TokenView> find(UUID id) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM api_token WHERE id = ?")
                .param(id)
                .query(ApiTokenService::map)
                .optional();
    }

    private static void requireOwnerOrAdmin(TokenView token, Actor actor) {
        if (!actor.hasRole(Role.ADMIN) && !token.username().equals(actor.username())) {
            throw OrdoException.forbidden("Only its owner or an ADMIN may manage this token.", List.of());
        }
    }

    static String newToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TokenView map(ResultSet rs, int row) throws SQLException {
        return new TokenView(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "expires_at"),
                instant(rs, "last_used_at"),
                rs.getBoolean("revoked"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
