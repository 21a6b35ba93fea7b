package org.ordo.testing;

import java.util.Arrays;
import org.ordo.identity.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs module calls in a test as a user with roles, as a request of that user would ({@code Actor.current()}). */
public final class Acting {

    private Acting() {}

    public static void as(String username, Role... roles) {
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        username,
                        null,
                        Arrays.stream(roles)
                                .map(r -> new SimpleGrantedAuthority(r.authority()))
                                .toList()));
    }

    public static void stop() {
        SecurityContextHolder.clearContext();
    }
}
