package org.ordo.identity;

import java.time.Instant;
import java.util.UUID;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;

/**
 * API tokens of every user, for administrators: the same rules and audit as {@code /api/users/{username}/tokens} and
 * {@code DELETE /api/tokens/{id}}. Only a token's hash is stored, so its secret is known once, when it is issued.
 */
public interface TokenAdmin {

    /** Tokens of {@code username} (null or blank for every user), newest first; never their secrets. */
    PageResult<TokenInfo> tokens(String username, Paging paging);

    /**
     * Issues a token acting as {@code username}; {@code expiresAt} null for one that does not expire.
     *
     * @throws org.ordo.shared.OrdoException invalid {@code name} or {@code expiresAt} (400), unknown user (404)
     */
    IssuedToken issue(String username, String name, Instant expiresAt);

    /** Revokes a token for good; revoking it again changes nothing. */
    void revoke(UUID id);

    /** A token as listed. {@code expiresAt} and {@code lastUsedAt} may be null. */
    record TokenInfo(
            UUID id,
            String username,
            String name,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            boolean revoked) {

        public boolean expired(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }

    /** A freshly issued token: the only time its {@code secret} exists outside the caller's hands. */
    record IssuedToken(UUID id, String username, String name, String secret, Instant createdAt, Instant expiresAt) {}
}
