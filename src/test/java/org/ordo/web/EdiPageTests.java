package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Trading partners on the EDI pages: created with a customer, their item codes added and removed; sales and admin only. */
@OrdoTest
class EdiPageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void salesCreatesAPartnerNamingEachRefusedFieldAndAddsAndRemovesItsItemCodes() {
        Fixtures fixtures = new Fixtures(port);
        UUID customer = fixtures.customer("1000.00");
        String sku = fixtures.product("4.00");
        String sender = Fixtures.unique("P").substring(0, 12).toUpperCase();
        PageClient sales = logIn(users.staff("SALES"));
        sales.get("/edi/partners");

        HttpResponse<String> refused =
                sales.post("/edi/partners", Map.of("name", "", "standard", "X12", "senderId", sender));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"name-error\"", "id=\"customerId-error\"");

        Map<String, String> partner = Map.of(
                "name", "Partner " + sender, "customerId", customer.toString(), "standard", "X12", "senderId", sender);
        assertThat(sales.post("/edi/partners", partner).statusCode()).isEqualTo(302);
        String page = sales.get("/edi/partners").body();
        assertThat(page).contains("Partner " + sender);
        String id = page.replaceAll("(?s).*/edi/partners/([0-9a-f-]{36})/items\".*", "$1");

        HttpResponse<String> unknown =
                sales.post("/edi/partners/" + id + "/items", Map.of("partnerCode", "C-1", "sku", "NO-SUCH"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"item-error\"", "NO-SUCH");
        sales.post("/edi/partners/" + id + "/items", Map.of("partnerCode", "C-1", "sku", sku));
        assertThat(sales.get("/edi/partners").body()).contains("C-1 → " + sku);
        sales.post("/edi/partners/" + id + "/items/remove", Map.of("partnerCode", "C-1"));
        assertThat(sales.get("/edi/partners").body()).doesNotContain("C-1 → " + sku);
    }

    @Test
    void onlyAdminAndSalesOpenTheEdiPages() {
        PageClient warehouse = logIn(users.staff("WAREHOUSE"));
        assertThat(warehouse.get("/edi").statusCode()).isEqualTo(403);
        assertThat(warehouse.get("/edi/partners").statusCode()).isEqualTo(403);
        assertThat(logIn(users.staff("SALES")).get("/edi").statusCode()).isEqualTo(200);
    }

    private PageClient logIn(String username) {
        PageClient client = new PageClient(port);
        client.logIn(username, TestUsers.PASSWORD);
        return client;
    }
}
