package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The dashboard's period: what the reporting module refuses is explained next to the end date, in the user's language. */
@OrdoTest
class DashboardPageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void aPeriodEndingBeforeItStartsOrSpanningMoreThanTenYearsIsExplainedAtTheEndDateInTheUsersLanguage() {
        PageClient page = new PageClient(port);
        page.logIn(users.staff("SALES"), TestUsers.PASSWORD);

        String reversed = page.get("/dashboard?from=2026-11-21&to=2026-11-20").body();
        assertThat(reversed)
                .contains("id=\"to-error\"")
                .contains("Must not be before the start date.")
                .contains("value=\"2026-11-20\"");
        String tooLong = page.get("/dashboard?from=2000-01-01&to=2026-11-20").body();
        assertThat(tooLong).contains("id=\"to-error\"").contains("The period may span at most ten years.");

        page.post("/settings/language", Map.of("language", "zh-CN", "returnTo", "/dashboard"));
        assertThat(page.get("/dashboard?from=2026-11-21&to=2026-11-20").body())
                .contains("id=\"to-error\"")
                .contains("不能早于开始日期。");
        assertThat(page.get("/dashboard?from=2000-01-01&to=2026-11-20").body()).contains("期间最长为十年。");
    }

    @Test
    void theDashboardOffersItsKeyFiguresAsCsvForThePeriodShownToManagersOnly() {
        PageClient page = new PageClient(port);
        page.logIn(users.staff("ACCOUNTING"), TestUsers.PASSWORD);
        assertThat(page.get("/dashboard?from=2026-10-01&to=2026-10-31").body())
                .contains("id=\"kpis-csv\"")
                .contains("/dashboard/key-figures.csv?from=2026-10-01&amp;to=2026-10-31");
        var csv = page.get("/dashboard/key-figures.csv?from=2026-10-01&to=2026-10-31");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("name,value,unit,period\r\n")
                .contains("backorderRate,")
                .contains(",ratio,2026-10-01/2026-10-31");

        PageClient warehouse = new PageClient(port);
        warehouse.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        assertThat(warehouse.get("/dashboard/key-figures.csv").statusCode()).isEqualTo(403);
    }

    @Test
    void theRisksPanelCountsTheRisksTheUserCanActOnAndLinksEachToItsActionInTheUsersLanguage() {
        Api admin = Api.at(port).asAdmin();
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("5.00");
        Map<String, Object> supplier = new LinkedHashMap<>();
        supplier.put("name", Fixtures.unique("Supplier"));
        supplier.put("currency", "EUR");
        supplier.put("paymentTermsDays", 30);
        supplier.put("address", Fixtures.address("Supplier"));
        String supplierId = admin.post("/api/suppliers", supplier)
                .expect(201)
                .json()
                .get("id")
                .asString();
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("unitPrice", Fixtures.money("2.00", "EUR"));
        offer.put("minimumOrderQuantity", 1);
        offer.put("packSize", 1);
        offer.put("leadTimeDays", 5);
        admin.put("/api/suppliers/" + supplierId + "/items/" + sku, offer).expect(200);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("supplierId", supplierId);
        body.put("warehouse", warehouse);
        body.put("lines", List.of(Map.of("sku", sku, "quantity", 4)));
        JsonNode po = admin.post("/api/purchase-orders", body).expect(201).json();
        String poId = po.get("id").asString();
        String poNumber = po.get("number").asString();
        admin.post("/api/purchase-orders/" + poId + "/send", Map.of()).expect(200);
        // confirmed for a day long past, so that it is the first of the late lines
        admin.post(
                        "/api/purchase-orders/" + poId + "/confirm",
                        Map.of("lines", List.of(Map.of("lineNumber", 1, "confirmedDate", "2001-01-02"))))
                .expect(200);

        PageClient sales = new PageClient(port);
        sales.logIn(users.staff("SALES"), TestUsers.PASSWORD);
        String page = sales.get("/dashboard").body();
        assertThat(page)
                .contains("id=\"risks\"")
                .contains("data-risk-type=\"PURCHASE_ORDER_LATE\"")
                .contains("Purchase order line late")
                .contains("href=\"/purchasing/orders/" + poNumber + "\"");
        sales.post("/settings/language", Map.of("language", "zh-CN", "returnTo", "/dashboard"));
        assertThat(sales.get("/dashboard").body()).contains("采购订单行已逾期").contains("打开采购订单");

        PageClient accounting = new PageClient(port);
        accounting.logIn(users.staff("ACCOUNTING"), TestUsers.PASSWORD);
        assertThat(accounting.get("/dashboard").body())
                .contains("data-risk-type=\"CREDIT_LIMIT_EXCEEDED\"")
                .doesNotContain("data-risk-type=\"PURCHASE_ORDER_LATE\"")
                .doesNotContain("/purchasing/orders/" + poNumber);
    }
}
