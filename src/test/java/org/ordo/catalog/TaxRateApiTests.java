package org.ordo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** VAT rates per country and tax category change from a day on; what was charged before stays charged. */
@OrdoTest
class TaxRateApiTests {

    @LocalServerPort
    int port;

    private static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asString());
    }

    private static Map<String, Object> rate(String country, String rate, LocalDate from) {
        return Map.of("country", country, "taxCategory", "STANDARD", "rate", new BigDecimal(rate), "validFrom", from);
    }

    /** An order of one 100.00 product shipped to a consumer in Malta (OSS: Malta's rates). */
    private JsonNode orderToMalta(Fixtures fixtures, Api admin) {
        String sku = fixtures.product("100.00", "STANDARD");
        UUID customer = fixtures.customer("100000.00");
        Map<String, Object> order = new LinkedHashMap<>(Fixtures.order(customer, sku, 1));
        Map<String, Object> valletta = new LinkedHashMap<>(Fixtures.address("Client"));
        valletta.put("country", "MT");
        order.put("shippingAddress", valletta);
        return admin.post("/api/orders", order).expect(201).json();
    }

    @Test
    void aRateChangedFromTodayLeavesPlacedOrdersAtTheRateTheyWerePricedWith() {
        Api admin = Api.at(port).asAdmin();
        Fixtures fixtures = new Fixtures(port);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        admin.post("/api/tax-rates", rate("mt", "0.18", LocalDate.of(2020, 1, 1)))
                .expect(201);
        JsonNode placed = orderToMalta(fixtures, admin);
        assertThat(decimal(placed.at("/lines/0/taxRate"))).isEqualByComparingTo("0.18");

        admin.post("/api/tax-rates", rate("MT", "0.25", today)).expect(201);

        JsonNode rates = admin.get("/api/tax-rates?country=MT").expect(200).json();
        assertThat(rates).hasSize(2);
        assertThat(rates.get(0).get("validTo").asString())
                .isEqualTo(today.minusDays(1).toString());
        assertThat(rates.get(1).get("validTo").isNull()).isTrue();
        JsonNode again = admin.get("/api/orders/" + placed.get("id").asString())
                .expect(200)
                .json();
        assertThat(decimal(again.at("/lines/0/taxRate"))).isEqualByComparingTo("0.18");
        assertThat(again.at("/totals/tax/amount").asString()).isEqualTo("18.00");
        JsonNode next = orderToMalta(fixtures, admin);
        assertThat(decimal(next.at("/lines/0/taxRate"))).isEqualByComparingTo("0.25");
    }

    @Test
    void aRateCannotReachBackBeforeTheLatestRateOfItsCountryAndCategory() {
        Api admin = Api.at(port).asAdmin();
        admin.post("/api/tax-rates", rate("LU", "0.17", LocalDate.of(2023, 1, 1)))
                .expect(201);
        JsonNode refused = admin.post("/api/tax-rates", rate("LU", "0.16", LocalDate.of(2022, 12, 31)))
                .expect(409)
                .json();
        assertThat(refused.get("errorCode").asString()).isEqualTo("rate-period");
        assertThat(admin.get("/api/tax-rates?country=LU").expect(200).json()).hasSize(1);
    }

    @Test
    void badInputNamesEveryBadField() {
        JsonNode problem = Api.at(port)
                .asAdmin()
                .post(
                        "/api/tax-rates",
                        Map.of("country", "Malta", "taxCategory", "NOPE", "rate", new BigDecimal("1.5")))
                .expect(400)
                .json();
        assertThat(Fixtures.fields(problem)).contains("country", "taxCategory", "rate", "validFrom");
    }

    @Test
    void theSeededGermanRatesAreValidToday() {
        Api admin = Api.at(port).asAdmin();
        JsonNode germanToday = admin.get("/api/tax-rates?country=DE&on=" + LocalDate.now(ZoneOffset.UTC))
                .expect(200)
                .json();
        assertThat(germanToday)
                .extracting(r -> r.get("taxCategory").asString())
                .containsExactlyInAnyOrder("STANDARD", "REDUCED", "ZERO");
    }
}
