package org.ordo.identity.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.ordo.identity.Actor;
import org.ordo.identity.Role;
import org.ordo.platform.ETags;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users: managed by ADMINs; every authenticated user may read themselves and change their own password. */
@RestController
class UserController {

    /** The body of {@code POST /api/users/me/password}. */
    record PasswordChange(String currentPassword, String newPassword) {}

    private final UserStore accounts;
    private final UserService management;

    UserController(UserStore accounts, UserService management) {
        this.accounts = accounts;
        this.management = management;
    }

    @PostMapping("/api/users")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<StoredUser.View> create(@RequestBody UserService.NewUser request) {
        StoredUser user = management.create(request);
        return ResponseEntity.created(URI.create("/api/users/" + user.username()))
                .eTag(ETags.of(user.version()))
                .body(user.view());
    }

    @GetMapping("/api/users")
    @PreAuthorize("hasRole('ADMIN')")
    public PageResult<StoredUser.View> list(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String role) {
        List<FieldViolation> problems = new ArrayList<>();
        Paging paging = null;
        try {
            paging = Paging.of(page, size);
        } catch (OrdoException e) {
            problems.addAll(e.violations());
        }
        Role wanted = null;
        if (role != null && !role.isBlank()) {
            try {
                wanted = Role.valueOf(role);
            } catch (IllegalArgumentException e) {
                problems.add(CommonRule.ONE_OF.at("role", List.of(Role.values())));
            }
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return accounts.list(paging, wanted).map(StoredUser::view);
    }

    @GetMapping("/api/users/me")
    public ResponseEntity<StoredUser.View> me() {
        return one(Actor.current().username());
    }

    @PostMapping("/api/users/me/password")
    public ResponseEntity<Void> changeOwnPassword(@RequestBody PasswordChange request) {
        management.changeOwnPassword(Actor.current().username(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/users/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<StoredUser.View> get(@PathVariable String username) {
        return one(username);
    }

    @PatchMapping("/api/users/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<StoredUser.View> update(
            @PathVariable String username,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody UserChanges changes) {
        StoredUser user = management.update(username, ifMatch, changes);
        return ResponseEntity.ok().eTag(ETags.of(user.version())).body(user.view());
    }

    private ResponseEntity<StoredUser.View> one(String username) {
        StoredUser user = accounts.load(username).orElseThrow(() -> OrdoException.notFound("User", username));
        return ResponseEntity.ok().eTag(ETags.of(user.version())).body(user.view());
    }
}
