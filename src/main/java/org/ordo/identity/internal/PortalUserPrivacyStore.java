package org.ordo.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.identity.AuditTrail;
import org.ordo.identity.PortalUserPrivacy;
import org.ordo.platform.ChangeNotices;
import org.ordo.platform.PersonalRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The personal data of portal users in app_user, app_user_role and api_token. */
@Component
class PortalUserPrivacyStore implements PortalUserPrivacy {

    private static final String USER_COLUMNS =
            "u.username, u.display_name, u.customer_id, u.locale, u.enabled, u.created_at, u.updated_at";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ChangeNotices changes;

    PortalUserPrivacyStore(JdbcClient jdbc, AuditTrail audit, ChangeNotices changes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.changes = changes;
    }

    @Override
    public PortalUserData personalData(UUID customerId) {
        List<Map<String, Object>> users = PersonalRows.read(
                jdbc,
                "SELECT " + USER_COLUMNS + " FROM app_user u WHERE u.customer_id = ? ORDER BY u.username",
                customerId);
        users.forEach(user -> user.put("roles", roles((String) user.get("username"))));
        List<Map<String, Object>> tokens = PersonalRows.read(
                jdbc,
                "SELECT t.id, t.username, t.name, t.created_at, t.expires_at, t.last_used_at, t.revoked FROM api_token t"
                        + " JOIN app_user u ON u.username = t.username WHERE u.customer_id = ? ORDER BY t.created_at",
                customerId);
        return new PortalUserData(users, tokens);
    }

    private List<String> roles(String username) {
        return jdbc.sql("SELECT role FROM app_user_role WHERE username = ? ORDER BY role")
                .param(username)
                .query(String.class)
                .list();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(UUID customerId, String reason) {
        List<String> usernames = jdbc.sql(
                        "SELECT username FROM app_user WHERE customer_id = ? ORDER BY username FOR UPDATE")
                .param(customerId)
                .query(String.class)
                .list();
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        for (String username : usernames) {
            // every node forgets the user's verified credentials, so the disabled user is out at once
            changes.announce(VerifiedCredentials.CACHE, username);
            jdbc.sql("UPDATE app_user SET " + PersonalRows.erasing("display_name")
                            + ", enabled = FALSE, version = version + 1, updated_at = ? WHERE username = ?")
                    .params(now, username)
                    .update();
            jdbc.sql("UPDATE api_token SET name = ?, revoked = TRUE WHERE username = ?")
                    .params(PersonalRows.ERASED, username)
                    .update();
            audit.record(UserService.AUDIT_ENTITY, username, ERASED_ACTION, null, Map.of("reason", reason));
        }
    }
}
