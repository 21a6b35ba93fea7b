package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.ordo.testing.Fixtures.order;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.orders.OrderEntry;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The forecast pages: the overview with each SKU's method in words and whether it beats seasonal naive, running the
 * backtest, one SKU's chart, and its stock policy computed at a service level or refused by rule code.
 */
@OrdoTest
class ForecastPageTests {

    /** Weekly demand, oldest first, in the ten complete weeks before this one. */
    private static final int[] DEMAND = {4, 6, 3, 7, 5, 6, 4, 8, 5, 6};

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    OrderEntry entry;

    @Autowired
    DataSource dataSource;

    Api admin;
    Fixtures fixtures;
    String warehouse;
    String sku;

    @BeforeEach
    void tenWeeksOfDemand() {
        LocalDate thisWeek = LocalDate.now(ZoneOffset.UTC).with(DayOfWeek.MONDAY);
        // backdating stays within the current year
        assumeTrue(thisWeek.minusWeeks(DEMAND.length).getYear() == thisWeek.getYear());
        admin = Api.at(port).asAdmin();
        fixtures = new Fixtures(port);
        warehouse = fixtures.warehouse();
        sku = fixtures.product("4.00");
        fixtures.receive(sku, warehouse, 1000);
        UUID customer = fixtures.customer("100000.00", warehouse);
        for (int i = 0; i < DEMAND.length; i++) {
            JsonNode placed = admin.post("/api/orders", order(customer, sku, DEMAND[i]))
                    .expect(201)
                    .json();
            entry.backdate(
                    UUID.fromString(placed.get("id").asString()),
                    thisWeek.minusWeeks(DEMAND.length - i)
                            .plusDays(1)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                            .plus(Duration.ofHours(10)));
        }
    }

    private PageClient as(String role) {
        PageClient page = new PageClient(port);
        page.logIn(users.staff(role), TestUsers.PASSWORD);
        return page;
    }

    @Test
    void aBuyerSeesWhetherEachForecastBeatsSeasonalNaive() {
        PageClient buyer = as("PURCHASING");
        buyer.get("/purchasing/forecasts");
        assertThat(buyer.post("/purchasing/forecasts/runs", Map.of()).statusCode())
                .isEqualTo(302);

        String overview = buyer.get("/purchasing/forecasts?sku=" + sku).body();
        JsonNode api = admin.get("/api/forecasts/" + sku).expect(200).json();
        boolean beats = api.get("backtest").get("beatsSeasonalNaive").asBoolean();
        String row = overview.substring(overview.indexOf("id=\"forecast-" + sku + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(overview).contains("Backtest done:").contains("1 SKUs");
        assertThat(row)
                .contains(beats ? ">Yes<" : ">No<")
                .contains(words(api.get("method").asString()));
        assertThat(row).doesNotContain(">" + api.get("method").asString() + "<");
        assertThat(overview).contains("id=\"total-wape\"").contains("Seasonal-naive WAPE");
    }

    private static String words(String method) {
        return switch (method) {
            case "SEASONAL_NAIVE" -> "Same week last year (seasonal naive)";
            case "SES" -> "Exponential smoothing";
            case "HOLT_WINTERS" -> "Holt-Winters: trend and season";
            case "CROSTON" -> "Croston: occasional demand";
            default -> "TSB: occasional, fading demand";
        };
    }

    @Test
    void aRunWhileAnotherIsUnderWayIsDeclinedPolitelyAndChangesNothing() throws Exception {
        PageClient buyer = as("PURCHASING");
        buyer.get("/purchasing/forecasts");
        try (Connection other = dataSource.getConnection();
                Statement lock = other.createStatement()) {
            other.setAutoCommit(false);
            lock.execute("SELECT name FROM forecast_lock WHERE name = 'backtest' FOR UPDATE");
            HttpResponse<String> busy = buyer.post("/purchasing/forecasts/runs", Map.of());
            other.rollback();

            assertThat(busy.statusCode()).isEqualTo(409);
            assertThat(busy.body())
                    .contains("id=\"run-busy\"")
                    .contains("A backtest is already running.")
                    .contains("id=\"forecast-totals\"");
        }
    }

    @Test
    void aSalesUserCannotChangeAStockPolicy() {
        PageClient sales = as("SALES");
        String page = sales.get("/purchasing/forecasts/" + sku).body();
        assertThat(page)
                .contains("id=\"forecast-chart\"")
                .contains("id=\"policy-read-only\"")
                .doesNotContain("id=\"compute-form\"");
        assertThat(sales.post(
                                "/purchasing/forecasts/" + sku,
                                Map.of("mode", "computed", "warehouse", warehouse, "serviceLevel", "95"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(sales.post("/purchasing/forecasts/runs", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(sales.get("/purchasing/forecasts").body()).doesNotContain("id=\"run-forecasts\"");
        assertThat(fixtures.level(sku, warehouse).get("reorderPoint").asLong()).isZero();
    }

    @Test
    void theChartShowsTheHistoryAndTheForecastAsTwoSeriesOnOneAxisOfWeeks() {
        String page = as("WAREHOUSE")
                .get("/purchasing/forecasts/" + sku + "?warehouse=" + warehouse)
                .body();
        String attribute = page.substring(page.indexOf("data-chart=\"") + "data-chart=\"".length());
        JsonNode chart = Api.JSON.readTree(attribute
                .substring(0, attribute.indexOf('"'))
                .replace("&quot;", "\"")
                .replace("&amp;", "&"));
        JsonNode datasets = chart.get("data").get("datasets");
        assertThat(datasets).hasSize(2);
        assertThat(datasets.get(0).get("label").asString()).isEqualTo("Demand");
        assertThat(datasets.get(1).get("label").asString()).isEqualTo("Forecast");
        assertThat(chart.get("data").get("labels")).hasSize(DEMAND.length + 12);
        assertThat(datasets.get(0).get("data").get(DEMAND.length - 1).asInt()).isEqualTo(DEMAND[DEMAND.length - 1]);
        assertThat(datasets.get(0).get("data").get(DEMAND.length).isNull()).isTrue();
        assertThat(datasets.get(1).get("data").get(0).isNull()).isTrue();
        assertThat(datasets.get(1).get("data").get(DEMAND.length).isNumber()).isTrue();
    }

    @Test
    void aBuyerComputesAReorderPointAtAServiceLevelAndSeesHowItWasComputed() {
        PageClient buyer = as("PURCHASING");
        String path = "/purchasing/forecasts/" + sku;
        buyer.get(path);
        HttpResponse<String> computed = buyer.post(
                path, Map.of("mode", "computed", "warehouse", warehouse, "serviceLevel", "95", "leadTimeDays", "14"));

        assertThat(computed.statusCode()).isEqualTo(302);
        String page = buyer.get(path).body();
        JsonNode level = fixtures.level(sku, warehouse);
        long reorderPoint = level.get("reorderPoint").asLong();
        assertThat(reorderPoint).isPositive();
        assertThat(page)
                .contains("Saved for " + warehouse + ": safety stock "
                        + level.get("safetyStock").asLong() + ", reorder point " + reorderPoint + ".")
                .contains("14 days, as entered")
                .contains("id=\"computation-z\">1.64<")
                .contains("95.0%")
                .contains("Expected demand over the lead time")
                .contains("id=\"policy-" + warehouse + "\"");
        assertThat(buyer.get(path).body()).doesNotContain("id=\"computed\"");
    }

    @Test
    void aServiceLevelOutOfRangeIsRefusedAtItsFieldInTheUsersLanguage() {
        PageClient buyer = as("PURCHASING");
        String path = "/purchasing/forecasts/" + sku;
        buyer.get(path);
        HttpResponse<String> low = buyer.post(
                path, Map.of("mode", "computed", "warehouse", warehouse, "serviceLevel", "40", "leadTimeDays", "14"));
        assertThat(low.statusCode()).isEqualTo(400);
        assertThat(low.body())
                .contains("id=\"serviceLevel-error\"")
                .contains("Enter a service level above 50% and at most 99.99%.")
                .contains("value=\"40\"");

        buyer.post("/settings/language", Map.of("language", "zh-CN", "returnTo", path));
        HttpResponse<String> noLeadTime =
                buyer.post(path, Map.of("mode", "computed", "warehouse", warehouse, "serviceLevel", "95"));
        assertThat(noLeadTime.statusCode()).isEqualTo(422);
        assertThat(noLeadTime.body()).contains("id=\"leadTimeDays-error\"").contains(sku + " 没有已知的供应商提前期：请输入提前期天数。");
        assertThat(fixtures.level(sku, warehouse).get("reorderPoint").asLong()).isZero();
    }
}
