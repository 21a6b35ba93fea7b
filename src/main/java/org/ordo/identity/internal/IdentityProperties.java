package org.ordo.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the identity module ({@code ordo.identity.*}).
 *
 * @param passwordCache how long, and for how many credentials, a successful check of a Basic password or an API token
 *                      is remembered per node (a TTL of 0 turns the cache off; changes empty it at once, see
 *                      VerifiedCredentials)
 * @param throttle      how many failed logins (page, Basic or API token) one client address may make within a window
 *                      before it is refused with 429 until the window ends
 */
@ConfigurationProperties("ordo.identity")
public record IdentityProperties(
        @DefaultValue PasswordCache passwordCache,
        @DefaultValue Throttle throttle) {

    public record PasswordCache(
            @DefaultValue("5m") Duration ttl,
            @DefaultValue("10000") int maxEntries) {}

    public record Throttle(
            @DefaultValue("20") int maxFailures,
            @DefaultValue("10m") Duration window) {}
}
