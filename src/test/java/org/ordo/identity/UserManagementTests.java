package org.ordo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.identity.Problems.fields;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

@OrdoTest
class UserManagementTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
    }

    @Test
    void adminCreatesUserWithoutEverShowingItsPasswordHash() {
        String username = Users.uniqueName("new");
        var created = admin.post(
                        "/api/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                Users.PASSWORD,
                                "displayName",
                                "New User",
                                "roles",
                                List.of("SALES", "SUPPORT"),
                                "locale",
                                "de-CH"))
                .expect(201);
        assertThat(created.header("Location")).isEqualTo("/api/users/" + username);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        JsonNode body = created.json();
        assertThat(body.get("username").asString()).isEqualTo(username);
        assertThat(body.get("roles").size()).isEqualTo(2);
        assertThat(body.get("locale").asString()).isEqualTo("de-CH");
        assertThat(body.get("enabled").asBoolean()).isTrue();
        assertThat(created.text()).doesNotContain("$2a$").doesNotContainIgnoringCase("passwordHash");

        var fetched = admin.get("/api/users/" + username).expect(200);
        assertThat(fetched.json().get("displayName").asString()).isEqualTo("New User");
        assertThat(fetched.header("ETag")).isEqualTo("\"0\"");
        Api.at(port).basic(username, Users.PASSWORD).get("/api/users/me").expect(200);
    }

    @Test
    void listIsPagedWithoutPasswordHashes() {
        Users.create(admin, "list", Role.ACCOUNTING);
        Users.create(admin, "list", Role.ACCOUNTING);
        var page = admin.get("/api/users?page=0&size=1&role=ACCOUNTING").expect(200);
        JsonNode body = page.json();
        assertThat(body.get("items").size()).isEqualTo(1);
        assertThat(body.get("size").asInt()).isEqualTo(1);
        assertThat(body.get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.text()).doesNotContain("$2a$");
        assertThat(fields(admin.get("/api/users?size=501&role=BOSS").expect(400).json()))
                .containsExactlyInAnyOrder("size", "role");
    }

    @Test
    void duplicateUsernameIsConflict() {
        String username = Users.create(admin, "dup", Role.SALES);
        var conflict = admin.post(
                        "/api/users",
                        Map.of("username", username, "password", Users.PASSWORD, "roles", List.of("SALES")))
                .expect(409);
        assertThat(fields(conflict.json())).containsExactly("username");
    }

    @Test
    void aPasswordOfOneRepeatedCharacterOrEqualToTheUsernameIsRefused() {
        String username = "weak" + UUID.randomUUID().toString().substring(0, 8);
        for (String weak : List.of("aaaaaaaaaaaa", "abababababab", username.toUpperCase())) {
            var problem = admin.post(
                            "/api/users", Map.of("username", username, "password", weak, "roles", List.of("SALES")))
                    .expect(400)
                    .json();
            assertThat(fields(problem)).as(weak).containsExactly("password");
        }
        admin.get("/api/users/" + username).expect(404);
    }

    @Test
    void invalidFieldsAreNamed() {
        var problem = admin.post(
                        "/api/users",
                        Map.of(
                                "username",
                                "Bad Name!",
                                "password",
                                "short",
                                "roles",
                                List.of("SALES", "BOSS"),
                                "locale",
                                "not a locale"))
                .expect(400)
                .json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(fields(problem)).containsExactlyInAnyOrder("username", "password", "roles[1]", "locale");

        var missing = admin.post("/api/users", Map.of()).expect(400).json();
        assertThat(fields(missing)).containsExactlyInAnyOrder("username", "password", "roles");

        var tooLong = admin.post(
                        "/api/users",
                        Map.of(
                                "username",
                                Users.uniqueName("long"),
                                "password",
                                "é".repeat(40),
                                "roles",
                                List.of("SALES")))
                .expect(400)
                .json();
        assertThat(fields(tooLong)).containsExactly("password");

        var badUuid = admin.post(
                        "/api/users",
                        Map.of(
                                "username",
                                Users.uniqueName("uuid"),
                                "password",
                                Users.PASSWORD,
                                "roles",
                                List.of("CUSTOMER"),
                                "customerId",
                                "nope"))
                .expect(400)
                .json();
        assertThat(fields(badUuid)).containsExactly("customerId");

        var unknown = admin.post(
                        "/api/users",
                        Map.of(
                                "username",
                                Users.uniqueName("unk"),
                                "password",
                                Users.PASSWORD,
                                "roles",
                                List.of("SALES"),
                                "isRoot",
                                true))
                .expect(400)
                .json();
        assertThat(fields(unknown)).containsExactly("isRoot");
    }

    @Test
    void customerRoleNeedsACustomerAndNoStaffRole() {
        var withoutCustomer = admin.post(
                        "/api/users",
                        Map.of(
                                "username",
                                Users.uniqueName("cust"),
                                "password",
                                Users.PASSWORD,
                                "roles",
                                List.of("CUSTOMER")))
                .expect(400)
                .json();
        assertThat(fields(withoutCustomer)).containsExactly("customerId");

        var mixed = admin.post(
                        "/api/users",
                        Map.of(
                                "username",
                                Users.uniqueName("cust"),
                                "password",
                                Users.PASSWORD,
                                "roles",
                                List.of("CUSTOMER", "SALES"),
                                "customerId",
                                UUID.randomUUID().toString()))
                .expect(400)
                .json();
        assertThat(fields(mixed)).containsExactly("roles");

        var staffWithCustomer = admin.post(
                        "/api/users",
                        Map.of(
                                "username",
                                Users.uniqueName("cust"),
                                "password",
                                Users.PASSWORD,
                                "roles",
                                List.of("SALES"),
                                "customerId",
                                UUID.randomUUID().toString()))
                .expect(400)
                .json();
        assertThat(fields(staffWithCustomer)).containsExactly("customerId");

        UUID customer = UUID.randomUUID();
        String username = Users.uniqueName("cust");
        var created = admin.post(
                        "/api/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                Users.PASSWORD,
                                "roles",
                                List.of("CUSTOMER"),
                                "customerId",
                                customer.toString()))
                .expect(201)
                .json();
        assertThat(created.get("customerId").asString()).isEqualTo(customer.toString());

        var unlinkOnly = new HashMap<String, Object>();
        unlinkOnly.put("customerId", null);
        assertThat(fields(admin.patch("/api/users/" + username, unlinkOnly)
                        .expect(400)
                        .json()))
                .containsExactly("customerId");
        unlinkOnly.put("roles", List.of("SUPPORT"));
        var staff =
                admin.patch("/api/users/" + username, unlinkOnly).expect(200).json();
        assertThat(staff.get("customerId").isNull()).isTrue();
    }

    @Test
    void patchChangesOnlyWhatIsSentAndFollowsETags() {
        String username = Users.create(admin, "patch", Role.SALES);
        var changed = admin.header("If-Match", "\"0\"")
                .patch("/api/users/" + username, Map.of("displayName", "Renamed"))
                .expect(200);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(changed.json().get("displayName").asString()).isEqualTo("Renamed");
        assertThat(changed.json().get("roles").get(0).asString()).isEqualTo("SALES");

        var stale = admin.header("If-Match", "\"0\"")
                .patch("/api/users/" + username, Map.of("displayName", "Lost update"))
                .expect(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(admin.get("/api/users/" + username).json().get("displayName").asString())
                .isEqualTo("Renamed");

        assertThat(fields(admin.patch("/api/users/" + username, Map.of("password", "short", "enabled", "maybe"))
                        .expect(400)
                        .json()))
                .containsExactly("enabled");
        assertThat(fields(admin.patch("/api/users/" + username, Map.of("password", "short", "roles", List.of()))
                        .expect(400)
                        .json()))
                .containsExactlyInAnyOrder("password", "roles");
        admin.patch("/api/users/no-such-" + UUID.randomUUID().toString().substring(0, 8), Map.of("displayName", "x"))
                .expect(404);
    }

    @Test
    void staffWithoutAdminCannotManageUsers() {
        String sales = Users.create(admin, "sales", Role.SALES);
        Api asSales = Api.at(port).basic(sales, Users.PASSWORD);
        var denied = asSales.get("/api/users").expect(403);
        assertThat(denied.header("Content-Type")).startsWith("application/problem+json");
        assertThat(denied.json().get("status").asInt()).isEqualTo(403);
        asSales.get("/api/users/admin").expect(403);
        asSales.post(
                        "/api/users",
                        Map.of(
                                "username",
                                Users.uniqueName("x"),
                                "password",
                                Users.PASSWORD,
                                "roles",
                                List.of("ADMIN")))
                .expect(403);
        asSales.patch("/api/users/" + sales, Map.of("roles", List.of("ADMIN"))).expect(403);
        asSales.get("/api/admin/consistency").expect(403);
        assertThat(asSales.get("/api/users/me")
                        .expect(200)
                        .json()
                        .get("username")
                        .asString())
                .isEqualTo(sales);
    }

    @Test
    void disabledUserIsRefused() {
        String username = Users.create(admin, "off", Role.SALES);
        Api user = Api.at(port).basic(username, Users.PASSWORD);
        user.get("/api/users/me").expect(200);
        admin.patch("/api/users/" + username, Map.of("enabled", false)).expect(200);
        user.get("/api/users/me").expect(401);
    }

    @Test
    void passwordChangeInvalidatesTheCachedBasicLogin() {
        String username = Users.create(admin, "pw", Role.SALES);
        Api oldPassword = Api.at(port).basic(username, Users.PASSWORD);
        oldPassword.get("/api/users/me").expect(200);
        oldPassword.get("/api/users/me").expect(200);

        admin.patch("/api/users/" + username, Map.of("password", "the new password 1"))
                .expect(200);

        oldPassword.get("/api/users/me").expect(401);
        Api.at(port).basic(username, "the new password 1").get("/api/users/me").expect(200);
    }

    @Test
    void passwordChangedOnAnotherNodeTakesEffectAtOnce() {
        String username = Users.create(admin, "node", Role.SALES);
        Api oldPassword = Api.at(port).basic(username, Users.PASSWORD);
        oldPassword.get("/api/users/me").expect(200);

        // what another node's password change leaves in the database, and the notification it sends on commit
        jdbc.sql("UPDATE app_user SET password_hash = ?, version = version + 1 WHERE username = ?")
                .params(encoder.encode("changed elsewhere 1"), username)
                .update();
        jdbc.sql("SELECT pg_notify('ordo_changes', ?)")
                .param("-\ncredentials " + username)
                .query((rs, n) -> 1)
                .list();

        // heard within milliseconds of the commit; VerifiedCredentialsTests runs a real second node
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> oldPassword.get("/api/users/me").expect(401));
        Api.at(port).basic(username, "changed elsewhere 1").get("/api/users/me").expect(200);
    }

    @Test
    void usersChangeTheirOwnPasswordKnowingTheCurrentOne() {
        String username = Users.create(admin, "own", Role.WAREHOUSE);
        Api user = Api.at(port).basic(username, Users.PASSWORD);
        user.get("/api/users/me").expect(200);

        assertThat(fields(user.post(
                                "/api/users/me/password",
                                Map.of("currentPassword", "wrong password!", "newPassword", "my new password 1"))
                        .expect(400)
                        .json()))
                .containsExactly("currentPassword");
        assertThat(fields(user.post(
                                "/api/users/me/password",
                                Map.of("currentPassword", Users.PASSWORD, "newPassword", "short"))
                        .expect(400)
                        .json()))
                .containsExactly("newPassword");

        user.post(
                        "/api/users/me/password",
                        Map.of("currentPassword", Users.PASSWORD, "newPassword", "my new password 1"))
                .expect(204);
        user.get("/api/users/me").expect(401);
        Api.at(port).basic(username, "my new password 1").get("/api/users/me").expect(200);
    }

    /**
     * Needs a moment with a single enabled ADMIN in a database other tests share: it disables every other admin
     * (including {@code admin}) through the API and enables them again afterwards. Tests run one at a time.
     */
    @Test
    void lastEnabledAdminCannotBeDisabledOrLoseAdmin() {
        String last = Users.create(admin, "boss", Role.ADMIN);
        Api asLast = Api.at(port).basic(last, Users.PASSWORD);
        List<String> disabled = new ArrayList<>();
        try {
            for (String other : enabledAdmins()) {
                if (!other.equals(last)) {
                    asLast.patch("/api/users/" + other, Map.of("enabled", false))
                            .expect(200);
                    disabled.add(other);
                }
            }
            var conflict =
                    asLast.patch("/api/users/" + last, Map.of("enabled", false)).expect(409);
            assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
            assertThat(conflict.json().get("errorCode").asString()).isEqualTo("last-admin");
            asLast.patch("/api/users/" + last, Map.of("roles", List.of("SALES")))
                    .expect(409);
            asLast.patch("/api/users/" + last, Map.of("roles", List.of("ADMIN", "SALES")))
                    .expect(200);
        } finally {
            for (String other : disabled) {
                asLast.patch("/api/users/" + other, Map.of("enabled", true)).expect(200);
            }
        }
        admin.patch("/api/users/" + last, Map.of("enabled", false)).expect(200);
    }

    @Test
    void userChangesAreAuditedWithoutSecrets() {
        String username = Users.create(admin, "aud", Role.SALES);
        admin.patch("/api/users/" + username, Map.of("displayName", "Audited", "password", "another password 1"))
                .expect(200);
        var trail = admin.get("/api/audit?entity=USER&id=" + username).expect(200);
        JsonNode entries = trail.json();
        assertThat(entries.size()).isEqualTo(2);
        assertThat(entries.get(0).get("action").asString()).isEqualTo("CREATED");
        assertThat(entries.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(entries.get(1).get("action").asString()).isEqualTo("UPDATED");
        assertThat(entries.get(1).get("before").get("displayName").asString()).isEqualTo("Test aud");
        assertThat(entries.get(1).get("after").get("displayName").asString()).isEqualTo("Audited");
        assertThat(entries.get(1).get("after").get("passwordChanged").asBoolean())
                .isTrue();
        assertThat(trail.text())
                .doesNotContain("$2a$")
                .doesNotContain("another password 1")
                .doesNotContain(Users.PASSWORD);
    }

    private List<String> enabledAdmins() {
        return jdbc.sql("SELECT u.username FROM app_user u JOIN app_user_role r ON r.username = u.username "
                        + "WHERE u.enabled = TRUE AND r.role = 'ADMIN' ORDER BY u.username")
                .query(String.class)
                .list();
    }
}
