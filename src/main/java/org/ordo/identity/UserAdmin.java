package org.ordo.identity;

import java.util.Set;
import java.util.UUID;

/**
 * Creating users from Java, for data import and demos: the same rules (username, password length, role
 * combinations) and audit as {@code POST /api/users}, without HTTP.
 */
public interface UserAdmin {

    boolean exists(String username);

    /**
     * Creates an enabled user. {@code customerId} is required for, and only allowed with, role CUSTOMER.
     *
     * @throws org.ordo.shared.OrdoException invalid fields (400) or a taken username (409)
     */
    void create(String username, String password, String displayName, Set<Role> roles, UUID customerId);
}
