package org.ordo.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.ordo.testing.Fixtures.order;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.orders.OrderEntry;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Weekly demand, forecasts, the backtest overview and stock policies through the API. */
@OrdoTest
class ForecastApiTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderEntry entry;

    @Autowired
    Forecasts forecasts;

    Api admin;
    Fixtures fixtures;
    String warehouse;
    String sku;
    LocalDate thisWeek = LocalDate.now(ZoneOffset.UTC).with(DayOfWeek.MONDAY);

    @BeforeEach
    void demandInTheLastThreeWeeks() {
        // backdating stays within the current year
        assumeTrue(thisWeek.minusWeeks(3).getYear() == thisWeek.getYear());
        admin = Api.at(port).asAdmin();
        fixtures = new Fixtures(port);
        warehouse = fixtures.warehouse();
        sku = fixtures.product("4.00");
        fixtures.receive(sku, warehouse, 1000);
        UUID customer = fixtures.customer("100000.00");
        placeIn(3, customer, 5);
        placeIn(2, customer, 4);
        UUID partlyCancelled = placeIn(2, customer, 8);
        admin.post(
                        "/api/orders/" + partlyCancelled + "/cancel",
                        Map.of(
                                "reason",
                                "customer wants fewer",
                                "lines",
                                List.of(Map.of("lineNumber", 1, "quantity", 3))))
                .expect(200);
        placeIn(1, customer, 6);
        placeIn(0, customer, 50); // the week under way is not history yet
    }

    private UUID placeIn(int weeksAgo, UUID customer, int quantity) {
        return placeIn(weeksAgo, customer, sku, quantity);
    }

    private UUID placeIn(int weeksAgo, UUID customer, String product, int quantity) {
        JsonNode placed = admin.post("/api/orders", order(customer, product, quantity))
                .expect(201)
                .json();
        UUID id = UUID.fromString(placed.get("id").asString());
        if (weeksAgo > 0) {
            Instant tuesday = thisWeek.minusWeeks(weeksAgo)
                    .plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .plus(Duration.ofHours(10));
            entry.backdate(id, tuesday);
        }
        return id;
    }

    private static List<Double> quantities(JsonNode weeks) {
        return weeks.valueStream().map(w -> w.get("quantity").asDouble()).toList();
    }

    @Test
    void aSkuForecastShowsItsCompleteWeeksOfDemandLessWhatWasCancelled() {
        JsonNode forecast =
                admin.get("/api/forecasts/" + sku + "?weeks=3").expect(200).json();

        assertThat(forecast.get("sku").asString()).isEqualTo(sku);
        assertThat(quantities(forecast.get("history"))).containsExactly(5.0, 9.0, 6.0);
        assertThat(forecast.get("history").get(0).get("weekStart").asString())
                .isEqualTo(thisWeek.minusWeeks(3).toString());
        assertThat(forecast.get("method").asString()).isEqualTo("SEASONAL_NAIVE");
        assertThat(quantities(forecast.get("forecast"))).containsExactly(6.0, 6.0, 6.0);
        assertThat(forecast.get("forecast").get(0).get("weekStart").asString()).isEqualTo(thisWeek.toString());
        assertThat(forecast.get("backtest").get("wape").isNull()).isTrue();
    }

    @Test
    void aWarehouseForecastCountsTheDemandReservedThere() {
        String other = fixtures.warehouse();

        JsonNode here = admin.get("/api/forecasts/" + sku + "?warehouse=" + warehouse)
                .expect(200)
                .json();
        JsonNode there = admin.get("/api/forecasts/" + sku + "?warehouse=" + other)
                .expect(200)
                .json();

        assertThat(quantities(here.get("history"))).containsExactly(5.0, 9.0, 6.0);
        assertThat(quantities(here.get("forecast"))).hasSize(12);
        assertThat(there.get("history").isEmpty()).isTrue();
        assertThat(quantities(there.get("forecast"))).containsOnly(0.0);
    }

    @Test
    void reservedUnitsCountWhereTheyWereReservedAndBackorderedOnesInTheBackorderWarehouse() {
        String stocked = fixtures.warehouse();
        String preferred = fixtures.warehouse();
        String scarce = fixtures.product("2.00");
        fixtures.receive(scarce, stocked, 2);
        placeIn(1, fixtures.customer("100000.00", preferred), scarce, 5); // 2 reserved, 3 backordered for the preferred

        JsonNode there = admin.get("/api/forecasts/" + scarce + "?warehouse=" + stocked)
                .expect(200)
                .json();
        JsonNode waiting = admin.get("/api/forecasts/" + scarce + "?warehouse=" + preferred)
                .expect(200)
                .json();
        JsonNode all = admin.get("/api/forecasts/" + scarce).expect(200).json();

        assertThat(quantities(there.get("history"))).containsExactly(2.0);
        assertThat(quantities(waiting.get("history"))).containsExactly(3.0);
        assertThat(quantities(all.get("history"))).containsExactly(5.0);
    }

    @Test
    void weeksOutsideOneToOneHundredFourAreRefusedByName() {
        for (String weeks : new String[] {"0", "-1", "105"}) {
            JsonNode problem = admin.get("/api/forecasts/" + sku + "?weeks=" + weeks)
                    .expect(400)
                    .json();
            assertThat(Fixtures.fields(problem)).as(weeks).containsExactly("weeks");
        }
        admin.get("/api/forecasts/" + sku + "?weeks=104").expect(200);
    }

    @Test
    void anUnknownSkuOrWarehouseIsNotFound() {
        admin.get("/api/forecasts/NO-SUCH-SKU-" + UUID.randomUUID()).expect(404);
        admin.get("/api/forecasts/" + sku + "?warehouse=NOWHERE").expect(404);
    }

    @Test
    void aRunStoresEverySkusBacktestForTheOverview() {
        JsonNode run = admin.post("/api/forecasts/runs", Map.of()).expect(200).json();
        assertThat(run.get("skus").asInt()).isPositive();

        JsonNode overview = admin.get("/api/forecasts").expect(200).json();

        assertThat(overview.get("items")
                        .valueStream()
                        .filter(i -> i.get("sku").asString().equals(sku))
                        .map(i -> i.get("method").asString()))
                .containsExactly("SEASONAL_NAIVE");
        JsonNode stored = admin.get("/api/forecasts/" + sku).expect(200).json();
        assertThat(stored.get("backtest").get("computedAt").isNull()).isFalse();
    }

    @Test
    void theOutlookSumsTheWeeklyForecastOverTheHorizon() {
        Forecasts.DemandOutlook outlook = forecasts.outlook(sku, null, 17);
        assertThat(outlook.expected()).isCloseTo(6.0 * 17 / 7, within(1e-9));
        assertThat(outlook.method()).isEqualTo("SEASONAL_NAIVE");
    }

    @Test
    void aComputedPolicyCoversLeadTimeDemandAndSaysHowItWasComputed() {
        JsonNode policy = admin.put(
                        "/api/inventory/policies/" + sku + "/" + warehouse,
                        Map.of("computed", true, "serviceLevel", 0.95, "leadTimeDays", 14))
                .expect(200)
                .json();

        assertThat(policy.get("reorderPoint").asLong()).isEqualTo(12); // 2 weeks of 6, no error history yet
        JsonNode computation = policy.get("computation");
        assertThat(computation.get("leadTimeDays").asInt()).isEqualTo(14);
        assertThat(computation.get("leadTimeFrom").asString()).isEqualTo("REQUEST");
        assertThat(computation.get("expectedDemand").asDouble()).isCloseTo(12.0, within(1e-9));
        assertThat(computation.get("z").asDouble()).isCloseTo(1.645, within(1e-3));
        assertThat(fixtures.level(sku, warehouse).get("reorderPoint").asLong()).isEqualTo(12);
    }

    @Test
    void withoutAnyKnownLeadTimeAComputedPolicyNamesTheMissingLeadTime() {
        JsonNode problem = admin.put(
                        "/api/inventory/policies/" + sku + "/" + warehouse,
                        Map.of("computed", true, "serviceLevel", 0.95))
                .expect(422)
                .json();
        assertThat(Fixtures.fields(problem)).containsExactly("leadTimeDays");
    }

    @Test
    void aServiceLevelOutsideAHalfToFourNinesIsRefusedByName() {
        for (double level : new double[] {0.5, 0.2, 1.0}) {
            JsonNode problem = admin.put(
                            "/api/inventory/policies/" + sku + "/" + warehouse,
                            Map.of("computed", true, "serviceLevel", level, "leadTimeDays", 7))
                    .expect(400)
                    .json();
            assertThat(Fixtures.fields(problem)).as("%s", level).containsExactly("serviceLevel");
        }
    }

    @Test
    void aPolicySetByHandIsWrittenWithInventorysRules() {
        JsonNode policy = admin.put(
                        "/api/inventory/policies/" + sku + "/" + warehouse,
                        Map.of("safetyStock", 3, "reorderPoint", 10))
                .expect(200)
                .json();
        assertThat(policy.get("reorderPoint").asLong()).isEqualTo(10);
        assertThat(fixtures.level(sku, warehouse).get("safetyStock").asLong()).isEqualTo(3);

        JsonNode problem = admin.put(
                        "/api/inventory/policies/" + sku + "/" + warehouse,
                        Map.of("safetyStock", -1, "reorderPoint", 10))
                .expect(400)
                .json();
        assertThat(Fixtures.fields(problem)).containsExactly("safetyStock");

        JsonNode mixed = admin.put(
                        "/api/inventory/policies/" + sku + "/" + warehouse,
                        Map.of("safetyStock", 3, "reorderPoint", 10, "serviceLevel", 0.95))
                .expect(400)
                .json();
        assertThat(Fixtures.fields(mixed)).containsExactly("serviceLevel");
    }
}
