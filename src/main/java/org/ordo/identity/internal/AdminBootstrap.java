package org.ordo.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Creates the user {@code admin} on first start, with the password from {@code ORDO_ADMIN_PASSWORD}, or a random
 * one that is logged once. Safe when several nodes start at once: only one insert wins.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserStore users;
    private final UserService management;
    private final String configuredPassword;

    AdminBootstrap(
            UserStore users, UserService management, @Value("${ordo.admin-password:}") String configuredPassword) {
        this.users = users;
        this.management = management;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.exists("admin")) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        try {
            management.createBootstrapAdmin(password);
        } catch (DuplicateKeyException anotherNodeWasFaster) {
            return;
        }
        if (generated) {
            log.warn(
                    "Created user 'admin' with the generated password: {}  (set ORDO_ADMIN_PASSWORD to choose it; shown only once)",
                    password);
        } else {
            log.info("Created user 'admin' with the password from ORDO_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
