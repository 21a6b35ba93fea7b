package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.order;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The pages' own security chain, next to the API's: form login, CSRF, lockout, roles, headers. */
@OrdoTest
class PageSecurityTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
    }

    @Test
    void pagesSendTheLoginFormToStrangersButAssetsArePublic() {
        PageClient page = new PageClient(port);
        HttpResponse<String> home = page.get("/orders");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(page.get("/login").statusCode()).isEqualTo(200);
        assertThat(page.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(page.get("/webjars/chart.js/dist/chart.umd.min.js").statusCode())
                .isEqualTo(200);
        assertThat(page.get("/webjars/bootstrap/css/bootstrap.min.css").statusCode())
                .isEqualTo(200);
        assertThat(page.get("/js/ordo.js").statusCode()).isEqualTo(200);
        // browsers ask for /favicon.ico on their own: the pages' icon, not a 404 in the console
        HttpResponse<String> icon = page.get("/favicon.ico");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(icon.body()).contains("<svg");
    }

    @Test
    void pagesForbidInlineScriptsAndStylesAndHaveNone() {
        PageClient page = new PageClient(port);
        HttpResponse<String> login = page.get("/login");
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        String admin = page.logIn("admin", Api.ADMIN_PASSWORD);
        assertThat(admin).endsWith("/");
        String dashboard = page.get("/").body();
        assertThat(dashboard)
                .contains("id=\"orders-chart\"")
                .doesNotContain("style=\"")
                .doesNotContain(" on" + "click=");
        assertThat(dashboard.replace("<script src=", "").replace("<script th:", ""))
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)");
    }

    @Test
    void anUnknownPageIsTheNotFoundPageWhileAnUnknownApiPathStaysAProblemDocument() {
        PageClient page = new PageClient(port);
        page.logIn("admin", Api.ADMIN_PASSWORD);
        HttpResponse<String> missing = page.get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<html").contains("Not found");
        assertThat(page.get("/orders/SO-1999-999999").statusCode()).isEqualTo(404);
        Api.Response api = Api.at(port).asAdmin().get("/api/no-such-thing").expect(404);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theApiKeepsItsOwnStatelessChain() {
        Api.Response response = Api.at(port).asAdmin().get("/api/orders?size=1").expect(200);
        assertThat(response.header("Set-Cookie")).isNull();
        Api.Response wrong = Api.at(port)
                .basic("admin", "not-the-password")
                .get("/api/orders")
                .expect(401);
        assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        PageClient page = new PageClient(port);
        page.get("/login");
        HttpResponse<String> login =
                page.post("/login", Map.of("username", "admin", "password", Api.ADMIN_PASSWORD), false);
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(page.logIn("admin", Api.ADMIN_PASSWORD)).endsWith("/");
        HttpResponse<String> logout = page.post("/logout", Map.of(), false);
        assertThat(logout.statusCode()).isEqualTo(403);
        page.get("/orders");
        assertThat(page.post("/logout", Map.of())
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/login?logout");
        assertThat(page.get("/orders").statusCode()).isEqualTo(302);
    }

    @Test
    void fiveFailedLoginsLockTheUsernameForFifteenMinutesInTheDatabase() {
        String username = users.staff("SUPPORT");
        PageClient page = new PageClient(port);
        for (int attempt = 1; attempt < 5; attempt++) {
            assertThat(page.logIn(username, "wrong-" + attempt)).endsWith("/login?error");
        }
        assertThat(page.logIn(username, "wrong-5")).endsWith("/login?locked");
        assertThat(page.logIn(username, TestUsers.PASSWORD)).endsWith("/login?locked");
        // the lock is a row, so every node sees it, and the user's audit trail says so
        java.sql.Timestamp until = jdbc.queryForObject(
                "SELECT locked_until FROM login_attempt WHERE username = ?", java.sql.Timestamp.class, username);
        assertThat(until.toInstant())
                .isBetween(
                        java.time.Instant.now().plusSeconds(14 * 60),
                        java.time.Instant.now().plusSeconds(15 * 60));
        JsonNode audit = Api.at(port)
                .asAdmin()
                .get("/api/audit?entity=USER&id=" + username)
                .expect(200)
                .json();
        JsonNode entries = audit.has("items") ? audit.get("items") : audit;
        assertThat(entries.get(entries.size() - 1).get("action").asString()).isEqualTo("LOCKED_OUT");
        // once the lock has run out, the right password works and clears the count
        jdbc.update(
                "UPDATE login_attempt SET locked_until = ? WHERE username = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)),
                username);
        assertThat(page.logIn(username, TestUsers.PASSWORD)).endsWith("/");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_attempt WHERE username = ?", Long.class, username))
                .isZero();
    }

    @Test
    void afterLoginAUserReturnsToThePageAskedForButNeverToAFragmentHtmxAskedForAfterTheSessionEnded() {
        PageClient page = new PageClient(port);
        assertThat(page.get("/orders?status=CONFIRMED").statusCode()).isEqualTo(302);
        assertThat(page.logIn(users.staff("SALES"), TestUsers.PASSWORD)).contains("/orders?status=CONFIRMED");

        PageClient stale = new PageClient(port);
        assertThat(stale.get("/orders?q=abc", Map.of("HX-Request", "true")).statusCode())
                .isEqualTo(302);
        assertThat(stale.logIn(users.staff("SALES"), TestUsers.PASSWORD))
                .doesNotContain("q=abc")
                .endsWith("/");
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        String username = users.staff("SALES");
        PageClient page = new PageClient(port);
        for (int attempt = 1; attempt < 5; attempt++) {
            page.logIn(username, "wrong-" + attempt);
        }
        assertThat(page.logIn(username, TestUsers.PASSWORD)).endsWith("/");
        PageClient again = new PageClient(port);
        assertThat(again.logIn(username, "wrong-again")).endsWith("/login?error");
    }

    @Test
    void pagesARoleMayNotUseAreRefusedWith403() {
        PageClient sales = new PageClient(port);
        sales.logIn(users.staff("SALES"), TestUsers.PASSWORD);
        assertThat(sales.get("/admin/consistency").statusCode()).isEqualTo(403);
        assertThat(sales.get("/").body()).doesNotContain("/admin/consistency");

        PageClient warehouse = new PageClient(port);
        warehouse.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        assertThat(warehouse.get("/dashboard").statusCode()).isEqualTo(403);
        HttpResponse<String> home = warehouse.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/warehouse");
        assertThat(warehouse.get("/orders").body())
                .doesNotContain("href=\"/\"><")
                .doesNotContain("nav-nav.dashboard");

        PageClient admin = new PageClient(port);
        admin.logIn("admin", Api.ADMIN_PASSWORD);
        HttpResponse<String> consistency = admin.get("/admin/consistency");
        assertThat(consistency.statusCode()).isEqualTo(200);
        assertThat(consistency.body()).contains("id=\"checks-table\"");
    }

    @Test
    void aWarehouseUserMayReadAnOrderButNeitherSeesNorUsesTheHoldAction() {
        String orderNumber = placedOrder();
        PageClient warehouse = new PageClient(port);
        warehouse.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        HttpResponse<String> detail = warehouse.get("/orders/" + orderNumber);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body())
                .contains(orderNumber)
                .doesNotContain("hold-form")
                .doesNotContain("invoices-table");
        assertThat(warehouse
                        .post("/orders/" + orderNumber + "/hold", Map.of("reason", "forced"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(Api.at(port)
                        .asAdmin()
                        .get("/api/orders/" + orderNumber)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void aHoldWithoutAReasonIsExplainedNextToTheFieldAndChangesNothing() {
        String orderNumber = placedOrder();
        PageClient sales = new PageClient(port);
        sales.logIn(users.staff("SALES"), TestUsers.PASSWORD);
        sales.get("/orders/" + orderNumber);
        HttpResponse<String> refused = sales.post("/orders/" + orderNumber + "/hold", Map.of("reason", "  "));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"hold-reason-error\"").contains("This field is required.");
        assertThat(Api.at(port)
                        .asAdmin()
                        .get("/api/orders/" + orderNumber)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CONFIRMED");

        HttpResponse<String> held =
                sales.post("/orders/" + orderNumber + "/hold", Map.of("reason", "waiting for the customer"));
        assertThat(held.statusCode()).isEqualTo(302);
        assertThat(Api.at(port)
                        .asAdmin()
                        .get("/api/orders/" + orderNumber)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ON_HOLD");
        // released again, then the state allows no second release: the refusal is shown, not a stack trace
        sales.get("/orders/" + orderNumber);
        assertThat(sales.post("/orders/" + orderNumber + "/release", Map.of()).statusCode())
                .isEqualTo(302);
        sales.get("/orders/" + orderNumber);
        HttpResponse<String> again = sales.post("/orders/" + orderNumber + "/release", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"action-error\"");
    }

    @Test
    void aCustomerReadsItsOrdersInThePortalAndIsRefusedTheStaffOrderPages() {
        String own = placedOrder();
        String others = placedOrder();
        UUID ownCustomer = UUID.fromString(Api.at(port)
                .asAdmin()
                .get("/api/orders/" + own)
                .expect(200)
                .json()
                .get("customerId")
                .asString());
        String username = users.customer(ownCustomer);
        PageClient portal = new PageClient(port);
        portal.logIn(username, TestUsers.PASSWORD);
        assertThat(portal.get("/portal").body()).contains(own).doesNotContain(others);
        assertThat(portal.get("/portal/orders/" + own).statusCode()).isEqualTo(200);
        assertThat(portal.get("/portal/orders/" + others).statusCode()).isEqualTo(404);
        // the back office's order pages (internal notes, reservations, staff actions) are not a customer's, not even
        // for
        // the customer's own order
        assertThat(portal.get("/orders").statusCode()).isEqualTo(403);
        assertThat(portal.get("/orders.csv").statusCode()).isEqualTo(403);
        assertThat(portal.get("/orders/" + own).statusCode()).isEqualTo(403);
        assertThat(portal.post("/orders/" + own + "/cancel", Map.of("reason", "changed my mind"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(Api.at(port)
                        .asAdmin()
                        .get("/api/orders/" + own)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isNotEqualTo("CANCELLED");
    }

    @Test
    void theOrderTableAloneAnswersAnHtmxRequest() {
        String orderNumber = placedOrder();
        PageClient admin = new PageClient(port);
        admin.logIn("admin", Api.ADMIN_PASSWORD);
        HttpResponse<String> partial = admin.get("/orders?q=" + orderNumber, Map.of("HX-Request", "true"));
        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(partial.body())
                .startsWith("<section id=\"results\"")
                .contains(orderNumber)
                .doesNotContain("<html");
        HttpResponse<String> full = admin.get("/orders?q=" + orderNumber);
        assertThat(full.body()).contains("<html").contains(orderNumber);
        HttpResponse<String> badDate = admin.get("/orders?from=yesterday");
        assertThat(badDate.statusCode()).isEqualTo(200);
        assertThat(badDate.body()).contains("id=\"from-error\"");
    }

    private String placedOrder() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("9.50");
        fixtures.receive(sku, warehouse, 20);
        UUID customer = fixtures.customer("100000.00");
        return Api.at(port)
                .asAdmin()
                .post("/api/orders", order(customer, sku, 2))
                .expect(201)
                .json()
                .get("number")
                .asString();
    }
}
