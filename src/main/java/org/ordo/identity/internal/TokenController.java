package org.ordo.identity.internal;

import java.net.URI;
import java.util.UUID;
import org.ordo.identity.Actor;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API tokens: a user manages their own, an ADMIN everyone's. */
@RestController
class TokenController {

    private final ApiTokenService tokens;

    TokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/users/{username}/tokens")
    @PreAuthorize("hasRole('ADMIN') or #username == authentication.name")
    public ResponseEntity<ApiTokenService.IssuedToken> issue(
            @PathVariable String username, @RequestBody ApiTokenService.NewToken request) {
        ApiTokenService.IssuedToken issued = tokens.issue(username, request);
        return ResponseEntity.created(URI.create("/api/tokens/" + issued.id())).body(issued);
    }

    /** The answer to revoking all of a user's tokens. */
    record RevokedTokens(String username, int revoked) {}

    @PostMapping("/api/users/{username}/tokens/revoke-all")
    @PreAuthorize("hasRole('ADMIN')")
    public RevokedTokens revokeAll(@PathVariable String username) {
        return new RevokedTokens(username, tokens.revokeAll(username));
    }

    @GetMapping("/api/users/{username}/tokens")
    @PreAuthorize("hasRole('ADMIN') or #username == authentication.name")
    public PageResult<ApiTokenService.TokenView> list(
            @PathVariable String username,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return tokens.list(username, Paging.of(page, size));
    }

    @GetMapping("/api/tokens/{id}")
    public ApiTokenService.TokenView get(@PathVariable UUID id) {
        return tokens.get(id, Actor.current());
    }

    @DeleteMapping("/api/tokens/{id}")
    public ResponseEntity<Void> revoke(@PathVariable UUID id) {
        tokens.revoke(id, Actor.current());
        return ResponseEntity.noContent().build();
    }
}
