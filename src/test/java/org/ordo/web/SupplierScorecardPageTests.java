package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A supplier's scorecard on a page: the figures of the API for the period picked, as CSV, for buyers only. */
@OrdoTest
class SupplierScorecardPageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Api admin;
    String supplier;
    String path;

    /** Ten ordered, six received on time, the order closed; the offer's price changed from 4.00 to 4.50. */
    @BeforeEach
    void oneDeliveryOnTime() {
        admin = Api.at(port).asAdmin();
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("9.00");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Fixtures.unique("Scorecard supplier"));
        body.put("currency", "EUR");
        body.put("paymentTermsDays", 30);
        body.put("address", Fixtures.address("Scorecard supplier"));
        supplier =
                admin.post("/api/suppliers", body).expect(201).json().get("id").asString();
        for (String price : List.of("4.00", "4.50")) {
            Map<String, Object> offer = new LinkedHashMap<>();
            offer.put("unitPrice", Fixtures.money(price, "EUR"));
            offer.put("minimumOrderQuantity", 1);
            offer.put("packSize", 1);
            offer.put("leadTimeDays", 3);
            admin.put("/api/suppliers/" + supplier + "/items/" + sku, offer).expect(200);
        }
        String id = admin.post(
                        "/api/purchase-orders",
                        Map.of(
                                "supplierId",
                                supplier,
                                "warehouse",
                                warehouse,
                                "lines",
                                List.of(Map.of("sku", sku, "quantity", 10))))
                .expect(201)
                .json()
                .get("id")
                .asString();
        admin.post("/api/purchase-orders/" + id + "/send", Map.of()).expect(200);
        String confirmed = LocalDate.now(ZoneOffset.UTC).plusDays(5).toString();
        admin.post(
                        "/api/purchase-orders/" + id + "/confirm",
                        Map.of("lines", List.of(Map.of("lineNumber", 1, "confirmedDate", confirmed))))
                .expect(200);
        admin.post(
                        "/api/purchase-orders/" + id + "/receipts",
                        Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", 6))))
                .expect(201);
        admin.post("/api/purchase-orders/" + id + "/close", Map.of()).expect(200);
        path = "/purchasing/suppliers/" + supplier + "/scorecard";
    }

    @Test
    void aBuyerReadsTheOnTimeRateFillRateLeadTimeAndPriceChangesOfAPeriodAndDownloadsThemAsCsv() {
        PageClient buyer = new PageClient(port);
        buyer.logIn(users.staff("PURCHASING"), TestUsers.PASSWORD);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        String page = buyer.get(path + "?from=" + today + "&to=" + today).body();

        assertThat(page)
                .contains("id=\"on-time-rate\">100.0%<")
                .contains("id=\"fill-rate\">60.0%<")
                .contains("6 of 10 units ordered on finished orders")
                .contains("id=\"price-changes\"")
                .contains("First price")
                .contains("value=\"" + today + "\"");
        HttpResponse<String> csv = buyer.get(path + ".csv?from=" + today + "&to=" + today);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("name,value\r\n").contains("fillRate,0.6000", "onTimeRate,1.0000");
        assertThat(page).contains(path + ".csv?from=" + today + "&amp;to=" + today);
    }

    @Test
    void aPeriodBeforeAnyDeliveryHasNoRatesAndAMalformedDateIsNamedAtItsField() {
        PageClient buyer = new PageClient(port);
        buyer.logIn(users.staff("PURCHASING"), TestUsers.PASSWORD);
        assertThat(buyer.get(path + "?from=2001-01-01&to=2001-01-31").body())
                .contains("id=\"on-time-rate\">–<")
                .contains("No price changed in this period.");

        HttpResponse<String> malformed = buyer.get(path + "?from=yesterday");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("id=\"from-error\"").contains("Enter a date such as 2026-11-21.");
    }

    @Test
    void onlyBuyersSeeAScorecard() {
        for (String role : List.of("SALES", "WAREHOUSE")) {
            PageClient other = new PageClient(port);
            other.logIn(users.staff(role), TestUsers.PASSWORD);
            assertThat(other.get(path).statusCode()).as(role).isEqualTo(403);
            assertThat(other.get(path + ".csv").statusCode()).as(role).isEqualTo(403);
        }
    }
}
