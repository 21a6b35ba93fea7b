package org.ordo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.identity.Problems.fields;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@OrdoTest
class ApiTokenTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
    }

    @Test
    void issuedTokenActsAsItsUser() {
        String user = Users.create(admin, "tok", Role.SALES);
        var issued = self(user)
                .post("/api/users/" + user + "/tokens", Map.of("name", "ci"))
                .expect(201);
        JsonNode body = issued.json();
        String token = body.get("token").asString();
        assertThat(token)
                .startsWith("ordo_")
                .hasSizeGreaterThanOrEqualTo(5 + 43)
                .matches("ordo_[A-Za-z0-9_-]+");
        assertThat(body.get("name").asString()).isEqualTo("ci");
        assertThat(body.get("createdAt").asString()).isNotBlank();
        assertThat(issued.header("Location"))
                .isEqualTo("/api/tokens/" + body.get("id").asString());

        var me = Api.at(port).bearer(token).get("/api/users/me").expect(200);
        assertThat(me.json().get("username").asString()).isEqualTo(user);
        assertThat(me.json().get("roles").get(0).asString()).isEqualTo("SALES");
    }

    @Test
    void tokenSecretIsShownOnlyOnceAndStoredOnlyAsHash() throws Exception {
        String user = Users.create(admin, "tok", Role.SALES);
        String token = issue(admin, user, Map.of("name", "backup"));

        var list = self(user).get("/api/users/" + user + "/tokens").expect(200);
        assertThat(list.json().get("totalItems").asInt()).isEqualTo(1);
        assertThat(list.json().get("items").get(0).get("name").asString()).isEqualTo("backup");
        assertThat(list.json().get("items").get(0).has("token")).isFalse();
        assertThat(list.text()).doesNotContain(token).doesNotContain(token.substring(5));

        String sha256 = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        String stored = jdbc.sql("SELECT token_hash FROM api_token WHERE username = ?")
                .param(user)
                .query(String.class)
                .single();
        assertThat(stored).isEqualTo(sha256);
    }

    @Test
    void revokedTokenIsRefused() {
        String user = Users.create(admin, "tok", Role.SALES);
        var issued = self(user)
                .post("/api/users/" + user + "/tokens", Map.of("name", "laptop"))
                .expect(201)
                .json();
        Api bearer = Api.at(port).bearer(issued.get("token").asString());
        bearer.get("/api/users/me").expect(200);

        self(user).delete("/api/tokens/" + issued.get("id").asString()).expect(204);

        var refused = bearer.get("/api/users/me").expect(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("status").asInt()).isEqualTo(401);
        var listed = self(user)
                .get("/api/users/" + user + "/tokens")
                .expect(200)
                .json()
                .get("items")
                .get(0);
        assertThat(listed.get("revoked").asBoolean()).isTrue();
        // revoking again is harmless
        self(user).delete("/api/tokens/" + issued.get("id").asString()).expect(204);
    }

    @Test
    void expiredTokenIsRefused() throws InterruptedException {
        String user = Users.create(admin, "tok", Role.SALES);
        Instant expiresAt = Instant.now().plusSeconds(5);
        String token = issue(admin, user, Map.of("name", "short", "expiresAt", expiresAt.toString()));
        Api.at(port).bearer(token).get("/api/users/me").expect(200);

        // the node remembers the verified token, with its expiry
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 100);

        Api.at(port).bearer(token).get("/api/users/me").expect(401);
    }

    @Test
    void disabledUsersTokenIsRefused() {
        String user = Users.create(admin, "tok", Role.WAREHOUSE);
        String token = issue(admin, user, Map.of("name", "scanner"));
        Api.at(port).bearer(token).get("/api/users/me").expect(200);

        admin.patch("/api/users/" + user, Map.of("enabled", false)).expect(200);
        Api.at(port).bearer(token).get("/api/users/me").expect(401);

        admin.patch("/api/users/" + user, Map.of("enabled", true)).expect(200);
        Api.at(port).bearer(token).get("/api/users/me").expect(200);
    }

    @Test
    void unknownTokenIsRefusedAsProblem() {
        var refused = Api.at(port)
                .bearer("ordo_" + "A".repeat(43))
                .get("/api/users/me")
                .expect(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        Api.at(port).bearer("not-even-a-token").get("/api/users/me").expect(401);
    }

    @Test
    void tokenActsWithItsUsersRolesOnly() {
        String user = Users.create(admin, "tok", Role.SALES);
        String token = issue(admin, user, Map.of("name", "sales"));
        var denied = Api.at(port).bearer(token).get("/api/users").expect(403);
        assertThat(denied.header("Content-Type")).startsWith("application/problem+json");

        admin.patch("/api/users/" + user, Map.of("roles", java.util.List.of("ADMIN")))
                .expect(200);
        Api.at(port).bearer(token).get("/api/users").expect(200);
    }

    @Test
    void userCannotManageAnotherUsersTokens() {
        String owner = Users.create(admin, "tok", Role.SALES);
        String other = Users.create(admin, "tok", Role.SALES);
        String id = admin.post("/api/users/" + owner + "/tokens", Map.of("name", "mine"))
                .expect(201)
                .json()
                .get("id")
                .asString();

        self(other)
                .post("/api/users/" + owner + "/tokens", Map.of("name", "sneaky"))
                .expect(403);
        self(other).get("/api/users/" + owner + "/tokens").expect(403);
        self(other).get("/api/tokens/" + id).expect(403);
        self(other).delete("/api/tokens/" + id).expect(403);

        self(owner).get("/api/tokens/" + id).expect(200);
        admin.delete("/api/tokens/" + id).expect(204);
    }

    @Test
    void lastUseIsWrittenAtMostOncePerMinute() {
        String user = Users.create(admin, "tok", Role.SALES);
        String token = issue(admin, user, Map.of("name", "busy"));
        assertThat(lastUsed(user)).isNull();

        Api.at(port).bearer(token).get("/api/users/me").expect(200);
        Instant first = lastUsed(user);
        assertThat(first).isNotNull();
        Api.at(port).bearer(token).get("/api/users/me").expect(200);
        assertThat(lastUsed(user)).isEqualTo(first);

        Instant longAgo = Instant.now().minusSeconds(61).truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE username = ?")
                .params(java.sql.Timestamp.from(longAgo), user)
                .update();
        // as a change on another node would: this node forgets the token it verified and reads the row again
        jdbc.sql("SELECT pg_notify('ordo_changes', ?)")
                .param("-\ncredentials " + user)
                .query((rs, n) -> 1)
                .list();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.at(port).bearer(token).get("/api/users/me").expect(200);
            assertThat(lastUsed(user)).isAfter(longAgo.plusSeconds(60));
        });
    }

    @Test
    void tokenRequestFieldsAreValidated() {
        String user = Users.create(admin, "tok", Role.SALES);
        var invalid = admin.post(
                        "/api/users/" + user + "/tokens",
                        Map.of(
                                "name",
                                "",
                                "expiresAt",
                                Instant.now().minusSeconds(60).toString()))
                .expect(400)
                .json();
        assertThat(fields(invalid)).containsExactlyInAnyOrder("name", "expiresAt");
        admin.post("/api/users/" + user + "/tokens", Map.of("name", "x", "expiresAt", "tomorrow"))
                .expect(400);
        admin.post("/api/users/no-such-user-" + UUID.randomUUID() + "/tokens", Map.of("name", "x"))
                .expect(404);
        admin.delete("/api/tokens/not-a-uuid").expect(400);
        admin.delete("/api/tokens/" + UUID.randomUUID()).expect(404);
    }

    @Test
    void tokenChangesAreAudited() {
        String user = Users.create(admin, "tok", Role.SALES);
        var issued = admin.post("/api/users/" + user + "/tokens", Map.of("name", "audited"))
                .expect(201)
                .json();
        admin.delete("/api/tokens/" + issued.get("id").asString()).expect(204);

        var trail = admin.get("/api/audit?entity=USER&id=" + user).expect(200);
        JsonNode entries = trail.json();
        assertThat(entries.size()).isEqualTo(3);
        assertThat(entries.get(1).get("action").asString()).isEqualTo("TOKEN_ISSUED");
        assertThat(entries.get(1).get("after").get("name").asString()).isEqualTo("audited");
        assertThat(entries.get(2).get("action").asString()).isEqualTo("TOKEN_REVOKED");
        assertThat(entries.get(2).get("after").get("revoked").asBoolean()).isTrue();
        assertThat(trail.text()).doesNotContain(issued.get("token").asString());
    }

    @Test
    void anAdminRevokesEveryTokenOfAUserAtOnceAndTheStepIsAudited() {
        String user = Users.create(admin, "tok", Role.SALES);
        String ci = issue(admin, user, Map.of("name", "ci"));
        String laptop = issue(admin, user, Map.of("name", "laptop"));
        String other = Users.create(admin, "tok", Role.SALES);
        String untouched = issue(admin, other, Map.of("name", "other"));

        self(user).post("/api/users/" + user + "/tokens/revoke-all", null).expect(403);
        JsonNode answer = admin.post("/api/users/" + user + "/tokens/revoke-all", null)
                .expect(200)
                .json();

        assertThat(answer.get("revoked").asInt()).isEqualTo(2);
        Api.at(port).bearer(ci).get("/api/users/me").expect(401);
        Api.at(port).bearer(laptop).get("/api/users/me").expect(401);
        Api.at(port).bearer(untouched).get("/api/users/me").expect(200);
        assertThat(admin.post("/api/users/" + user + "/tokens/revoke-all", null)
                        .expect(200)
                        .json()
                        .get("revoked")
                        .asInt())
                .as("revoking again")
                .isZero();
        JsonNode trail =
                admin.get("/api/audit?entity=USER&id=" + user).expect(200).json();
        assertThat(trail.valueStream()
                        .filter(e -> "TOKENS_REVOKED".equals(e.get("action").asString())))
                .hasSize(1);
        admin.post("/api/users/nobody-" + UUID.randomUUID() + "/tokens/revoke-all", null)
                .expect(404);
    }

    private Api self(String user) {
        return Api.at(port).basic(user, Users.PASSWORD);
    }

    private String issue(Api as, String user, Map<String, ?> body) {
        return as.post("/api/users/" + user + "/tokens", body)
                .expect(201)
                .json()
                .get("token")
                .asString();
    }

    private Instant lastUsed(String user) {
        java.sql.Timestamp at = jdbc.sql("SELECT last_used_at FROM api_token WHERE username = ?")
                .param(user)
                .query((rs, n) -> rs.getTimestamp(1))
                .list()
                .get(0);
        return at == null ? null : at.toInstant();
    }
}
