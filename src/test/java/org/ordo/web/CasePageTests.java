package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The service desk and "My cases" in the portal: a customer opens a case about its own order and reads the reply;
 * customer service finds it in the queue with its time left and answers; another customer neither sees it nor opens
 * one about an order not its own.
 */
@OrdoTest
class CasePageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Fixtures fixtures;
    Api admin;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        admin = Api.at(port).asAdmin();
    }

    @Test
    void aCustomerOpensACaseAboutItsOrderAndReadsTheReplyButNotTheNote() {
        UUID customer = fixtures.customer("1000.00");
        String order = order(customer);
        PageClient portal = logIn(users.customer(customer));

        assertThat(portal.get("/portal/orders/" + order).body()).contains("/portal/cases/new?order=" + order);
        HttpResponse<String> opened = portal.post(
                "/portal/cases",
                Map.of("orderId", order, "type", "COMPLAINT", "subject", "Box arrived dented", "message", "See photo"));
        assertThat(opened.statusCode()).isEqualTo(302);
        String number = opened.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        assertThat(number).startsWith("CASE-");

        PageClient desk = logIn(users.staff("SUPPORT"));
        HttpResponse<String> queue = desk.get("/cases?status=OPEN");
        assertThat(queue.body()).contains(number, "Box arrived dented").containsPattern("\\d+ h \\d+ min left");
        assertThat(desk.post("/cases/" + number + "/messages", Map.of("kind", "INTERNAL_NOTE", "body", "Check stock"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(desk.post("/cases/" + number + "/messages", Map.of("kind", "STAFF_REPLY", "body", "A new one ships"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(desk.post(
                                "/cases/" + number + "/change",
                                Map.of("status", "RESOLVED", "assignee", "", "priority", "HIGH"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(desk.get("/cases/" + number).body()).contains("Check stock", "Resolved");

        String page = portal.get("/portal/cases/" + number).body();
        assertThat(page).contains("A new one ships", "See photo", "Resolved").doesNotContain("Check stock");
        assertThat(portal.get("/portal/cases").body()).contains(number);

        // the dashboard's figures count the case: it has a first response and a resolution
        PageClient manager = new PageClient(port);
        manager.logIn("admin", Api.ADMIN_PASSWORD);
        assertThat(manager.get("/").body())
                .contains("Median first response")
                .containsPattern("(?s)id=\"median-first-response\".*?<strong>[0-9.]+ h</strong>")
                .containsPattern("(?s)id=\"median-resolution\".*?<strong>[0-9.]+ h</strong>");
    }

    @Test
    void anotherCustomerNeitherSeesTheCaseNorOpensOneAboutAnOrderNotItsOwn() {
        UUID customer = fixtures.customer("1000.00");
        String order = order(customer);
        PageClient owner = logIn(users.customer(customer));
        assertThat(owner.get("/portal/cases/new?order=" + order).body()).contains("value=\"" + order + "\"");
        String number = owner.post(
                        "/portal/cases",
                        Map.of(
                                "orderId",
                                order,
                                "type",
                                "INQUIRY",
                                "subject",
                                "When?",
                                "message",
                                "When does it ship?"))
                .headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceAll(".*/", "");

        PageClient stranger = logIn(users.customer(fixtures.customer("1000.00")));
        stranger.get("/portal/cases/new");
        assertThat(stranger.get("/portal/cases/" + number).statusCode()).isEqualTo(404);
        assertThat(stranger.post("/portal/cases/" + number + "/messages", Map.of("body", "mine now"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(stranger.get("/portal/cases").body()).doesNotContain(number);
        HttpResponse<String> refused = stranger.post(
                "/portal/cases", Map.of("orderId", order, "type", "INQUIRY", "subject", "Hm", "message", "Hm"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("There is no such order of this customer.");
        assertThat(admin.get("/api/cases?orderId=" + order)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        assertThat(stranger.get("/cases").statusCode()).isEqualTo(403);
    }

    @Test
    void theCustomerPageOffersItsCasesOnlyToThoseWhoMayReadThem() {
        UUID customer = fixtures.customer("1000.00");
        String button = "id=\"customer-cases\"";
        for (String reader : new String[] {"SUPPORT", "SALES"}) {
            assertThat(logIn(users.staff(reader)).get("/customers/" + customer).body())
                    .as(reader)
                    .contains(button);
        }
        PageClient accounting = logIn(users.staff("ACCOUNTING"));
        assertThat(accounting.get("/customers/" + customer).body())
                .contains("id=\"customer-name\"")
                .doesNotContain(button);
        assertThat(accounting.get("/cases?customer=" + customer).statusCode()).isEqualTo(403);
    }

    private PageClient logIn(String username) {
        PageClient client = new PageClient(port);
        client.logIn(username, TestUsers.PASSWORD);
        return client;
    }

    private String order(UUID customer) {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00");
        fixtures.receive(sku, warehouse, 5);
        return admin.post("/api/orders", Fixtures.order(customer, sku, 1))
                .expect(201)
                .json()
                .get("number")
                .asString();
    }
}
