package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ordo.OrdoApplication;
import org.ordo.testing.Api;
import org.ordo.testing.PostgresTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes on one database, no sticky sessions: a page session and a page job's progress are the database's, so
 * whichever node answers knows them, and a node that stops logs nobody out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesOnSeveralNodesTests {

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startNodes() {
        PostgresTestDatabase.Connection db = PostgresTestDatabase.createDatabase(
                "ordo_nodes_" + ProcessHandle.current().pid());
        nodeA = node(db);
        nodeB = node(db);
    }

    @AfterAll
    static void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
    }

    /** Last: it stops node A. */
    @Test
    @Order(2)
    void aSignInOnOneNodeHoldsOnAnotherAndOutlivesTheFirst() {
        PageClient onA = new PageClient(port(nodeA));
        onA.get("/login");
        HttpResponse<String> login = onA.post("/login", Map.of("username", "admin", "password", Api.ADMIN_PASSWORD));
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));

        PageClient onB = onA.on(port(nodeB));
        assertSignedIn(onB);
        assertThat(new PageClient(port(nodeB)).get("/").statusCode())
                .as("a browser without the cookie")
                .isEqualTo(302);

        nodeA.close();
        assertSignedIn(onB);
    }

    @Test
    @Order(1)
    void aPageJobStartedOnOneNodeReportsItsProgressOnAnother() {
        PageClient onA = new PageClient(port(nodeA));
        onA.logIn("admin", Api.ADMIN_PASSWORD);
        onA.get("/accounting/reminders");
        String job = onA.post("/accounting/reminders/run", Map.of())
                .headers()
                .firstValue("Location")
                .orElseThrow();
        assertThat(job).contains("/accounting/jobs/");

        PageClient onB = onA.on(port(nodeB));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> progress = onB.get(job.substring(job.indexOf("/accounting/jobs/")) + "/progress");
            assertThat(progress.statusCode()).isEqualTo(200);
            assertThat(progress.body()).contains("data-state=\"DONE\"").contains("id=\"job-result\"");
        });
    }

    private static void assertSignedIn(PageClient page) {
        HttpResponse<String> home = page.get("/");
        assertThat(home.statusCode())
                .as("the dashboard, not a redirect to the login")
                .isEqualTo(200);
        assertThat(home.body()).contains("id=\"current-user\"");
    }

    private static ConfigurableApplicationContext node(PostgresTestDatabase.Connection db) {
        // command-line arguments: they outrank application.yml, so a node cannot fall back to the embedded default
        return new SpringApplicationBuilder(OrdoApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=" + db.password(),
                        "--ordo.admin-password=" + Api.ADMIN_PASSWORD,
                        "--spring.jmx.enabled=false");
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }
}
