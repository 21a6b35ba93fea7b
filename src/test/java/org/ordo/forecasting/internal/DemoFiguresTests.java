package org.ordo.forecasting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.OwnDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The forecast figures on the demo data (about 200 orders over the past 90 days), as a run stores them and as the
 * overview shows them; the table goes to
 * target/forecast-figures.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ordo.demo-data=true", "ordo.admin-password=" + Api.ADMIN_PASSWORD})
@ContextConfiguration(initializers = OwnDatabase.class)
@DirtiesContext
class DemoFiguresTests {

    @LocalServerPort
    int port;

    @Autowired
    ForecastService forecasts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDemoSkuWithDemandGetsABacktestAndTheOverviewSumsThem() throws Exception {
        Api admin = Api.at(port).asAdmin();
        JsonNode run = admin.post("/api/forecasts/runs", Map.of()).expect(200).json();
        JsonNode overview = admin.get("/api/forecasts").expect(200).json();

        BacktestFigures figures = new BacktestFigures();
        for (String sku : forecasts.skusWithDemand()) {
            figures.add(forecasts.series(sku, ForecastService.ALL).quantities());
        }
        String table = figures.table(
                "Demo data, %d SKUs with demand".formatted(run.get("skus").asInt()));
        BacktestFigures.write("demo", table);
        System.out.println(table);

        assertThat(run.get("skus").asInt()).isPositive();
        assertThat(overview.get("skus").asInt()).isEqualTo(run.get("skus").asInt());
        assertThat(overview.get("items").size()).isEqualTo(run.get("skus").asInt());
    }

    @Test
    void theBenchmarksCancellationDiceIsPostgresqlsOwnHash() {
        for (int g : new int[] {1, 2, 12345, 999_999, 1_000_000}) {
            Integer expected =
                    jdbc.sql("SELECT hashint4(?)").param(g).query(Integer.class).single();
            assertThat(BenchHistoryFiguresTests.hashint4(g)).as("g = %d", g).isEqualTo(expected);
        }
    }
}
