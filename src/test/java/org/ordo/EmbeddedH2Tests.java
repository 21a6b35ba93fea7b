package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.order;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The one-command start must never break: the whole application on H2 in PostgreSQL mode (the options of
 * application.yml, in memory instead of under ./data), with the demo data, in a context of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:ordo-smoke;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            "ordo.demo-data=true",
            "ordo.notifications.log-only=true",
            "ordo.admin-password=" + Api.ADMIN_PASSWORD
        })
@DirtiesContext
class EmbeddedH2Tests {

    @LocalServerPort
    int port;

    @Test
    void theEmbeddedDefaultStartsWithDemoDataAndTakesOrders() {
        Api anonymous = Api.at(port);
        Api admin = Api.at(port).asAdmin();
        assertThat(anonymous
                        .get("/actuator/health")
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(admin.get("/api/products")
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isGreaterThanOrEqualTo(45);
        assertThat(admin.get("/api/orders").expect(200).json().get("totalItems").asLong())
                .isGreaterThanOrEqualTo(180);

        String customerId = admin.get("/api/customers?q=Schneider")
                .expect(200)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        JsonNode placed = admin.post(
                        "/api/orders", order(java.util.UUID.fromString(customerId), "OF-1001", 2, "PK-2003", 1))
                .expect(201)
                .json();
        String id = placed.get("id").asString();
        assertThat(placed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(placed.get("lines").get(0).get("reservedQuantity").asLong()).isEqualTo(2);
        // as in the demo: no mail server, the confirmation is written and LOGGED for the customer's page
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> admin.get("/api/customers/" + customerId + "/messages")
                        .expect(200)
                        .json()
                        .valueStream()
                        .anyMatch(m -> m.get("status").asString().equals("LOGGED")
                                && m.get("subject")
                                        .asString()
                                        .contains(placed.get("number").asString())));

        JsonNode changed = admin.patch(
                        "/api/orders/" + id,
                        Map.of(
                                "lines",
                                List.of(Map.of("lineNumber", 1, "quantity", 5)),
                                "reason",
                                "customer wants more"))
                .expect(200)
                .json();
        assertThat(changed.get("lines").get(0).get("quantity").asLong()).isEqualTo(5);

        JsonNode cancelled = admin.post("/api/orders/" + id + "/cancel", Map.of("reason", "smoke test"))
                .expect(200)
                .json();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");

        // the warehouse, invoicing and reporting queries run on the embedded database too
        assertThat(admin.get("/api/shipments?status=DELIVERED")
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isPositive();
        assertThat(admin.get("/api/invoices")
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isPositive();
        assertThat(admin.get("/api/payments")
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isPositive();
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String yearAgo =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusYears(1).toString();
        JsonNode kpis = admin.get("/api/reports/kpis?from=" + yearAgo + "&to=" + today)
                .expect(200)
                .json();
        assertThat(kpis.get("backorderRate").get("denominator").asLong()).isPositive();
        for (String groupBy : List.of("day", "week", "month", "product", "customer", "channel")) {
            assertThat(admin.get("/api/reports/sales?from=" + yearAgo + "&to=" + today + "&groupBy=" + groupBy)
                            .expect(200)
                            .json()
                            .get("rows")
                            .size())
                    .as(groupBy)
                    .isPositive();
        }
        admin.get("/api/reports/ar-aging").expect(200);
        admin.header("Accept", "text/csv").get("/api/reports/ar-aging").expect(200);

        JsonNode consistency = admin.get("/api/admin/consistency").expect(200).json();
        assertThat(consistency.get("consistent").asBoolean())
                .as(consistency.toString())
                .isTrue();
    }

    /** The pages' sessions are rows of the embedded database too (V28 for H2). */
    @Test
    void aSignInOnThePagesHoldsOnTheEmbeddedDatabase() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://localhost:" + port;
        String login = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(), BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        String form = "username=admin&password=" + URLEncoder.encode(Api.ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/");
        HttpResponse<String> home =
                browser.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"current-user\"");
    }
}
