package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The stock ledger and a stock level's policy on the pages: filters, CSV, who may change what, errors by rule code. */
@OrdoTest
class StockLedgerPageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Fixtures fixtures;
    String warehouse;
    String sku;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        warehouse = fixtures.warehouse();
        sku = fixtures.product("1.00");
        fixtures.receive(sku, warehouse, 10);
        Api.at(port)
                .asAdmin()
                .post(
                        "/api/inventory/movements",
                        Map.of(
                                "sku",
                                sku,
                                "warehouse",
                                warehouse,
                                "quantity",
                                -3,
                                "type",
                                "ADJUSTMENT",
                                "reason",
                                "broken, in the aisle"))
                .expect(201);
    }

    @Test
    void theLedgerShowsAndExportsTheMovementsTheFiltersSelectNewestFirst() {
        PageClient page = new PageClient(port);
        page.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);

        assertThat(page.get("/warehouse/stock?warehouse=" + warehouse + "&q=" + sku)
                        .body())
                .contains("/warehouse/ledger?sku=" + sku + "&amp;warehouse=" + warehouse);
        String all = page.get("/warehouse/ledger?sku=" + sku + "&warehouse=" + warehouse)
                .body();
        assertThat(all).contains("2 movements, newest first").contains("broken, in the aisle");
        String table = all.substring(all.indexOf("id=\"ledger-table\""));
        assertThat(table.indexOf(">Adjustment<")).isLessThan(table.indexOf(">Receipt<"));
        String receipts = page.get("/warehouse/ledger?sku=" + sku + "&warehouse=" + warehouse + "&type=RECEIPT")
                .body();
        assertThat(receipts).contains("1 movements, newest first").doesNotContain("broken, in the aisle");

        HttpResponse<String> csv = page.get("/warehouse/ledger.csv?sku=" + sku + "&warehouse=" + warehouse);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("time,sku,warehouse,type,quantity,counted,actor,reason,reference");
        assertThat(lines).hasSize(3);
        assertThat(lines[1])
                .contains("," + sku + "," + warehouse + ",ADJUSTMENT,-3,,")
                .endsWith(",\"broken, in the aisle\",");
        assertThat(page.get("/warehouse/ledger.csv?sku=" + sku + "&type=RECEIPT")
                        .body()
                        .split("\r\n"))
                .hasSize(2);
    }

    @Test
    void aMalformedFilterIsExplainedAtItsFieldInTheUsersLanguage() {
        PageClient page = new PageClient(port);
        page.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        HttpResponse<String> reversed = page.get("/warehouse/ledger?sku=" + sku + "&from=2026-02-01&to=2026-01-31");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("id=\"to-error\"").contains("Must not be before the start date.");

        page.post("/settings/language", Map.of("language", "zh-CN", "returnTo", "/warehouse/ledger"));
        assertThat(page.get("/warehouse/ledger?type=THEFT").body())
                .contains("id=\"type-error\"")
                .contains("请从");
    }

    @Test
    void buyersAndTheWarehouseSetTheStockPolicyWhileOthersOnlyReadIt() {
        String path = "/warehouse/levels/" + warehouse + "/" + sku;
        PageClient sales = new PageClient(port);
        sales.logIn(users.staff("SALES"), TestUsers.PASSWORD);
        assertThat(sales.get(path).body()).contains("id=\"policy-read-only\"").doesNotContain("id=\"policy-form\"");
        assertThat(sales.post(path, Map.of("safetyStock", "1", "reorderPoint", "2"))
                        .statusCode())
                .isEqualTo(403);

        PageClient buyer = new PageClient(port);
        buyer.logIn(users.staff("PURCHASING"), TestUsers.PASSWORD);
        assertThat(buyer.get(path).body()).contains("id=\"policy-form\"");
        HttpResponse<String> saved = buyer.post(path, Map.of("safetyStock", "2", "reorderPoint", "8"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(buyer.get(path).body())
                .contains("Policy of " + sku + " in " + warehouse + " saved: safety stock 2, reorder point 8.")
                .contains("id=\"level-reorder\">8<");
        assertThat(fixtures.level(sku, warehouse).get("reorderPoint").asLong()).isEqualTo(8);
    }

    @Test
    void anInvalidPolicyIsRefusedAtItsFieldInTheUsersLanguageKeepingWhatWasTyped() {
        String path = "/warehouse/levels/" + warehouse + "/" + sku;
        PageClient page = new PageClient(port);
        page.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        page.get(path);
        HttpResponse<String> negative = page.post(path, Map.of("safetyStock", "-1", "reorderPoint", "5"));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body())
                .contains("id=\"safetyStock-error\"")
                .contains("Must be 0 or greater.")
                .contains("value=\"-1\"")
                .contains("value=\"5\"");

        page.post("/settings/language", Map.of("language", "zh-CN", "returnTo", path));
        assertThat(page.post(path, Map.of("safetyStock", "1", "reorderPoint", ""))
                        .body())
                .contains("id=\"reorderPoint-error\"")
                .contains("此项为必填项。");
        assertThat(fixtures.level(sku, warehouse).get("safetyStock").asLong()).isZero();
    }
}
