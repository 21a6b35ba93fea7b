package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.money;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The ids outside systems know a customer or a product by are on its page, to read. */
@OrdoTest
class ExternalIdPageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void theCustomerPageShowsTheIdsOtherSystemsPutItBy() {
        String name = Fixtures.unique("Extern");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", "extern@example.com");
        body.put("currency", "EUR");
        body.put("creditLimit", money("1000.00", "EUR"));
        body.put("paymentTermsDays", 30);
        body.put("billingAddress", Fixtures.address(name));
        String externalId = Fixtures.unique("K");
        String id = Api.at(port)
                .asAdmin()
                .put("/api/customers/external/erp/" + externalId, body)
                .expect(201)
                .json()
                .get("id")
                .asString();

        PageClient page = new PageClient(port);
        page.logIn(users.staff("SALES"), TestUsers.PASSWORD);
        assertThat(page.get("/customers/" + id).body())
                .contains("id=\"customer-external-ids\"")
                .contains("erp: " + externalId);
    }

    @Test
    void theProductPageShowsTheIdsOtherSystemsPutItBy() {
        String sku = Fixtures.unique("SKU");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("name", "Widget from the PIM");
        body.put("unitPrice", money("12.50", "EUR"));
        body.put("taxCategory", "STANDARD");
        String externalId = Fixtures.unique("P");
        Api.at(port)
                .asAdmin()
                .put("/api/products/external/pim/" + externalId, body)
                .expect(201);
        String plain = new Fixtures(port).product("5.00");

        PageClient page = new PageClient(port);
        page.logIn("admin", Api.ADMIN_PASSWORD);
        String form = page.get("/admin/products/" + sku).body();
        assertThat(form).contains("id=\"product-external-ids\"").contains("pim: " + externalId);
        // read only: the form sends nothing that could change them
        assertThat(form).doesNotContainPattern("name=\"[^\"]*external");
        assertThat(page.get("/admin/products/" + plain).body()).doesNotContain("product-external-ids");
    }
}
