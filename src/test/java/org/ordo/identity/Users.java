package org.ordo.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.testing.Api;

/** Test users, uniquely named because every test shares one database. */
final class Users {

    static final String PASSWORD = "a long enough password";

    private Users() {}

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** Creates a user with {@link #PASSWORD} and the given roles; returns its username. */
    static String create(Api admin, String prefix, Role... roles) {
        String username = uniqueName(prefix);
        admin.post(
                        "/api/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                PASSWORD,
                                "displayName",
                                "Test " + prefix,
                                "roles",
                                List.of(roles).stream().map(Role::name).toList()))
                .expect(201);
        return username;
    }
}
