package org.ordo.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordo.identity.Logins;
import org.ordo.identity.Role;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoProcess;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.PostgresTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Credentials verified once are taken from memory on later requests, without a database read, and a change empties
 * them at once: on this node, and on another node (a second Ordo process on the same PostgreSQL) on its very next
 * request.
 */
@OrdoTest
@Import(VerifiedCredentialsTests.StatementLogConfiguration.class)
class VerifiedCredentialsTests {

    private static final String PASSWORD = "a long enough password";

    private static Process secondNode;
    private static int secondPort;

    @TempDir
    static Path workDirectory;

    @LocalServerPort
    int port;

    @Autowired
    StatementLog statements;

    @Autowired
    VerifiedCredentials verified;

    @Autowired
    JdbcClient jdbc;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
    }

    @AfterAll
    static void stopSecondNode() throws InterruptedException {
        if (secondNode != null) {
            secondNode.destroy();
            secondNode.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRememberedPasswordOrTokenCostsNoReadOfTheUserOrToken() {
        await().atMost(Duration.ofSeconds(30)).until(verified::trusted);
        String user = createUser("hit");
        Api basic = Api.at(port).basic(user, PASSWORD);
        Api bearer = Api.at(port).bearer(issueToken(user));
        statements.clear();
        basic.get("/api/orders?size=1").expect(200);
        bearer.get("/api/orders?size=1").expect(200);
        assertThat(statements.naming("login_attempt", "api_token"))
                .as("the first requests read the user and the token")
                .isNotEmpty();

        statements.clear();
        for (int i = 0; i < 3; i++) {
            basic.get("/api/orders?size=1").expect(200);
            bearer.get("/api/orders?size=1").expect(200);
        }
        assertThat(statements.naming("app_user", "api_token", "login_attempt"))
                .as("statements of authentication")
                .isEmpty();
    }

    @Test
    void whileChangesCannotBeHeardEveryRequestReadsTheUserAndWhatWasRememberedIsClearedAfterwards() {
        await().atMost(Duration.ofSeconds(30)).until(verified::trusted);
        String user = createUser("deaf");
        Api basic = Api.at(port).basic(user, PASSWORD);
        basic.get("/api/orders?size=1").expect(200);

        jdbc.sql(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()")
                .param("ordo change notices")
                .query((rs, n) -> 1)
                .list();
        await().atMost(Duration.ofSeconds(10)).until(() -> !verified.trusted());
        statements.clear();
        basic.get("/api/orders?size=1").expect(200);
        assertThat(statements.naming("login_attempt"))
                .as("read while not trusted")
                .isNotEmpty();

        await().atMost(Duration.ofSeconds(30)).until(verified::trusted);
        statements.clear();
        basic.get("/api/orders?size=1").expect(200);
        assertThat(statements.naming("login_attempt"))
                .as("read once after reconnecting")
                .isNotEmpty();
        statements.clear();
        basic.get("/api/orders?size=1").expect(200);
        assertThat(statements.naming("login_attempt")).as("remembered again").isEmpty();
    }

    @Test
    void aChangedPasswordRefusesTheOldOneOnTheNextRequest() {
        String user = createUser("pwd");
        Api old = Api.at(port).basic(user, PASSWORD);
        old.get("/api/users/me").expect(200);
        old.get("/api/users/me").expect(200);

        old.post("/api/users/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "another long password"))
                .expect(204);

        old.get("/api/users/me").expect(401);
        Api.at(port).basic(user, "another long password").get("/api/users/me").expect(200);
    }

    @Test
    void aDisabledUserIsRefusedOnTheNextRequestWithPasswordAndToken() {
        String user = createUser("off");
        Api basic = Api.at(port).basic(user, PASSWORD);
        Api bearer = Api.at(port).bearer(issueToken(user));
        basic.get("/api/users/me").expect(200);
        bearer.get("/api/users/me").expect(200);

        admin.patch("/api/users/" + user, Map.of("enabled", false)).expect(200);

        basic.get("/api/users/me").expect(401);
        bearer.get("/api/users/me").expect(401);
    }

    @Test
    void aRevokedTokenIsRefusedOnTheNextRequest() {
        String user = createUser("rev");
        String token = issueToken(user);
        Api bearer = Api.at(port).bearer(token);
        bearer.get("/api/users/me").expect(200);
        bearer.get("/api/users/me").expect(200);

        admin.delete("/api/tokens/" + tokenId(user)).expect(204);

        bearer.get("/api/users/me").expect(401);
    }

    @Test
    void aWrongPasswordStillCountsTowardsTheLockoutOfARememberedUser() {
        String user = createUser("lock");
        Api right = Api.at(port).basic(user, PASSWORD);
        right.get("/api/users/me").expect(200);
        Api wrong = Api.at(port).basic(user, "a wrong password!");
        for (int i = 0; i < Logins.MAX_FAILURES; i++) {
            wrong.get("/api/users/me");
        }
        assertThat(right.get("/api/users/me").json().get("errorCode").asString())
                .isEqualTo("locked");
    }

    @Test
    void anotherNodeRefusesAChangedPasswordAndARevokedTokenOnItsNextRequest() throws Exception {
        Api second = secondNode();
        String user = createUser("two");
        String token = issueToken(user);
        for (Api node : List.of(Api.at(port), second)) {
            node.basic(user, PASSWORD).get("/api/users/me").expect(200);
            node.basic(user, PASSWORD).get("/api/users/me").expect(200);
            node.bearer(token).get("/api/users/me").expect(200);
            node.bearer(token).get("/api/users/me").expect(200);
        }

        admin.delete("/api/tokens/" + tokenId(user)).expect(204);
        second.bearer(token).get("/api/users/me").expect(401);

        Api.at(port)
                .basic(user, PASSWORD)
                .post("/api/users/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "changed on A only"))
                .expect(204);
        second.basic(user, PASSWORD).get("/api/users/me").expect(401);
        second.basic(user, "changed on A only").get("/api/users/me").expect(200);

        admin.patch("/api/users/" + user, Map.of("enabled", false)).expect(200);
        second.basic(user, "changed on A only").get("/api/users/me").expect(401);
    }

    private String createUser(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
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
                                List.of(Role.SALES.name())))
                .expect(201);
        return username;
    }

    private String issueToken(String user) {
        return admin.post("/api/users/" + user + "/tokens", Map.of("name", "cache"))
                .expect(201)
                .json()
                .get("token")
                .asString();
    }

    private String tokenId(String user) {
        return admin.get("/api/users/" + user + "/tokens")
                .expect(200)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
    }

    /** Ordo as a second process on the same database, started once for the tests that need it. */
    private static synchronized Api secondNode() throws Exception {
        if (secondNode == null) {
            PostgresTestDatabase.Connection db = PostgresTestDatabase.get();
            secondPort = OrdoProcess.freePort();
            secondNode = OrdoProcess.start(
                    workDirectory,
                    List.of(
                            "--spring.datasource.url=" + db.url(),
                            "--spring.datasource.username=" + db.user(),
                            "--spring.datasource.password=" + db.password(),
                            "--spring.modulith.events.republish-outstanding-events-on-restart=false",
                            "--ordo.identity.throttle.max-failures=100000",
                            "--server.shutdown=immediate"),
                    secondPort,
                    "second-node");
        }
        return Api.at(secondPort);
    }

    /** The SQL this node sends, as prepared or executed. */
    static final class StatementLog {
        private final List<String> sql = new CopyOnWriteArrayList<>();

        void clear() {
            sql.clear();
        }

        List<String> naming(String... tables) {
            return sql.stream()
                    .filter(s -> List.of(tables).stream().anyMatch(s.toLowerCase()::contains))
                    .toList();
        }

        Connection record(Connection target) {
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String s) {
                            sql.add(s);
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class StatementLogConfiguration {

        @Bean
        StatementLog statementLog() {
            return new StatementLog();
        }

        @Bean
        static BeanPostProcessor recordingDataSource(
                org.springframework.beans.factory.ObjectProvider<StatementLog> log) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource dataSource) || name.equals("statementLog")) {
                        return bean;
                    }
                    return new DelegatingDataSource(dataSource) {
                        @Override
                        public Connection getConnection() throws java.sql.SQLException {
                            return log.getObject().record(super.getConnection());
                        }
                    };
                }
            };
        }
    }
}
