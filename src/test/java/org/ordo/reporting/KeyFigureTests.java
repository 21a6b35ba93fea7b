package org.ordo.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Each key figure on a small hand-built data set with a known answer. The data lives in a year of its own
 * (2001), so the orders other tests place today never fall into the period.
 */
@OrdoTest
class KeyFigureTests {

    static final String PERIOD = "from=2001-03-01&to=2001-03-31";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api admin;

    @BeforeEach
    void handBuiltMonth() {
        admin = Api.at(port).asAdmin();
        if (jdbc.queryForObject("SELECT COUNT(*) FROM sales_order WHERE number LIKE 'KPI-2001-%'", Long.class) > 0) {
            return;
        }
        UUID a = customer("KPI Alpha");
        UUID b = customer("KPI Beta");
        UUID c = customer("KPI Gamma");
        // order 1: A, delivered on time after 48 h, shipped after 24 h; 2 lines, one backordered at placement
        UUID o1 = order("KPI-2001-1", a, "2001-03-01T00:00:00Z", 24, 48, "2001-03-03", "DELIVERED", "100.00");
        line(o1, 1, "KPI-PEN", "40.00", 0);
        line(o1, 2, "KPI-INK", "20.00", 3);
        // order 2: A again, late (delivered 03-09, promised 03-08), shipped after 12 h, delivered after 96 h
        UUID o2 = order("KPI-2001-2", a, "2001-03-05T00:00:00Z", 12, 96, "2001-03-08", "DELIVERED", "50.00");
        line(o2, 1, "KPI-PEN", "45.00", 0);
        // order 3: B, on time (delivered 03-13, promised 03-13), shipped after 36 h, delivered after 72 h, backordered
        // line
        UUID o3 = order("KPI-2001-3", b, "2001-03-10T00:00:00Z", 36, 72, "2001-03-13", "DELIVERED", "30.00");
        line(o3, 1, "KPI-INK", "25.00", 1);
        // order 4: C, cancelled: no value, no repeat purchase, but its line was placed
        UUID o4 = order("KPI-2001-4", c, "2001-03-20T00:00:00Z", null, null, "2001-03-25", "CANCELLED", "0.00");
        line(o4, 1, "KPI-PEN", "0.00", 0);
        // what the totals hold beyond the lines is shipping, so that the orders keep invariant 7 like real ones
        jdbc.update("UPDATE sales_order SET subtotal = (SELECT SUM(line_net) FROM order_line WHERE order_id = id), "
                + "shipping = total - (SELECT SUM(line_net) FROM order_line WHERE order_id = id) "
                + "WHERE number LIKE 'KPI-2001-%'");
        // written beside the application, as a restore would: the per-day facts learn of it by a rebuild
        admin.post("/api/admin/report-facts/rebuild", null).expect(200);
    }

    @Test
    void orderCycleTimeIsPlacedToDeliveredMedianAndNinetiethPercentile() {
        JsonNode cycle = kpis().get("orderCycleTime");
        assertThat(cycle.get("count").asLong()).isEqualTo(3);
        assertThat(cycle.get("medianHours").decimalValue()).isEqualByComparingTo("72");
        assertThat(cycle.get("p90Hours").decimalValue()).isEqualByComparingTo("91.2");
    }

    @Test
    void orderProcessingTimeIsPlacedToShipped() {
        JsonNode processing = kpis().get("orderProcessingTime");
        assertThat(processing.get("medianHours").decimalValue()).isEqualByComparingTo("24");
        assertThat(processing.get("p90Hours").decimalValue()).isEqualByComparingTo("33.6");
    }

    @Test
    void onTimeDeliveryRateComparesTheDeliveryDayWithThePromisedDate() {
        JsonNode rate = kpis().get("onTimeDeliveryRate");
        assertThat(rate.get("numerator").asLong()).isEqualTo(2);
        assertThat(rate.get("denominator").asLong()).isEqualTo(3);
        assertThat(rate.get("value").decimalValue()).isEqualByComparingTo("0.6667");
    }

    @Test
    void backorderRateCountsLinesBackorderedAtPlacement() {
        JsonNode rate = kpis().get("backorderRate");
        assertThat(rate.get("numerator").asLong()).isEqualTo(2);
        assertThat(rate.get("denominator").asLong()).isEqualTo(5);
    }

    @Test
    void averageOrderValueIsPerCurrencyWithoutCancelledOrders() {
        JsonNode aov = kpis().get("averageOrderValue");
        assertThat(aov).hasSize(1);
        assertThat(aov.get(0).get("currency").asString()).isEqualTo("EUR");
        assertThat(aov.get(0).get("value").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(aov.get(0).get("orders").asLong()).isEqualTo(3);
    }

    @Test
    void repeatPurchaseRateIsCustomersWithTwoOrdersOverCustomersWithOne() {
        JsonNode rate = kpis().get("repeatPurchaseRate");
        assertThat(rate.get("numerator").asLong()).isEqualTo(1);
        assertThat(rate.get("denominator").asLong()).isEqualTo(2);
    }

    @Test
    void emptyPeriodGivesNoValueRatherThanZero() {
        JsonNode empty = admin.get("/api/reports/kpis?from=1990-01-01&to=1990-01-31")
                .expect(200)
                .json();
        assertThat(empty.get("onTimeDeliveryRate").get("value").isNull()).isTrue();
        assertThat(empty.get("orderCycleTime").get("medianHours").isNull()).isTrue();
    }

    @Test
    void salesByProductSumsNetRevenueAndUnits() {
        JsonNode rows = admin.get("/api/reports/sales?" + PERIOD + "&groupBy=product")
                .expect(200)
                .json()
                .get("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("key").asString()).isEqualTo("KPI-PEN");
        assertThat(rows.get(0).get("netRevenue").decimalValue()).isEqualByComparingTo("85.00");
        assertThat(rows.get(0).get("orders").asLong()).isEqualTo(2);
        assertThat(rows.get(1).get("netRevenue").decimalValue()).isEqualByComparingTo("45.00");
    }

    @Test
    void salesByWeekStartOnMondayAndComeAsCsvToo() {
        JsonNode weeks = admin.get("/api/reports/sales?" + PERIOD + "&groupBy=week")
                .expect(200)
                .json()
                .get("rows");
        assertThat(weeks.valueStream().map(r -> r.get("key").asString()).toList())
                .containsExactly("2001-02-26", "2001-03-05");
        var csv = admin.header("Accept", "text/csv")
                .get("/api/reports/sales?" + PERIOD + "&groupBy=customer")
                .expect(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.text().split("\r\n")[0]).isEqualTo("customer,label,currency,orders,units,netRevenue");
        assertThat(csv.text()).contains("KPI Alpha,EUR,2,").contains("KPI Beta,EUR,1,");
    }

    @Test
    void keyFiguresAnswerCsvWhenAskedFor() {
        var csv = admin.header("Accept", "text/csv")
                .get("/api/reports/kpis?" + PERIOD)
                .expect(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("key-figures-2001-03-01-2001-03-31.csv");
        List<String> lines = List.of(csv.text().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("name,value,unit,period");
        assertThat(lines)
                .contains("orderCycleTime.medianHours,72,hours,2001-03-01/2001-03-31")
                .contains("orderCycleTime.p90Hours,91.2,hours,2001-03-01/2001-03-31")
                .contains("onTimeDeliveryRate,0.6667,ratio,2001-03-01/2001-03-31")
                .contains("averageOrderValue.EUR,60,EUR,2001-03-01/2001-03-31");
        // a figure with nothing to compute it from has no value, not 0
        assertThat(admin.header("Accept", "text/csv")
                        .get("/api/reports/kpis?from=1990-01-01&to=1990-01-31")
                        .expect(200)
                        .text())
                .contains("onTimeDeliveryRate,,ratio,1990-01-01/1990-01-31");
    }

    @Test
    void badPeriodsNameTheirFields() {
        assertThat(Fixtures.fields(admin.get("/api/reports/kpis?from=yesterday&to=2001-01-01")
                        .expect(400)
                        .json()))
                .containsExactly("from");
        assertThat(Fixtures.fields(admin.get("/api/reports/kpis?from=2001-02-01&to=2001-01-01")
                        .expect(400)
                        .json()))
                .containsExactly("to");
        assertThat(Fixtures.fields(admin.get("/api/reports/sales?" + PERIOD + "&groupBy=planet")
                        .expect(400)
                        .json()))
                .containsExactly("groupBy");
    }

    private JsonNode kpis() {
        return admin.get("/api/reports/kpis?" + PERIOD).expect(200).json();
    }

    private UUID customer(String name) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "INSERT INTO customer (id, number, name, currency, credit_limit, payment_terms_days, created_at, updated_at) "
                        + "VALUES (?, ?, ?, 'EUR', 0, 30, ?, ?)",
                id,
                "CUS-T" + id.toString().substring(0, 8),
                name,
                now,
                now);
        return id;
    }

    private UUID order(
            String number,
            UUID customer,
            String placed,
            Integer shippedAfterHours,
            Integer deliveredAfterHours,
            String promised,
            String status,
            String total) {
        UUID id = UUID.randomUUID();
        Instant placedAt = Instant.parse(placed);
        jdbc.update(
                "INSERT INTO sales_order (id, number, customer_id, channel, currency, status, promised_date, shipping_method, "
                        + "subtotal, discount, shipping, tax, total, placed_at, placed_by, version, updated_at, shipped_at, delivered_at) "
                        + "VALUES (?, ?, ?, 'API', 'EUR', ?, ?, 'STANDARD', ?, 0, 0, 0, ?, ?, 'test', 0, ?, ?, ?)",
                id,
                number,
                customer,
                status,
                Date.valueOf(LocalDate.parse(promised)),
                new BigDecimal(total),
                new BigDecimal(total),
                Timestamp.from(placedAt),
                Timestamp.from(placedAt),
                shippedAfterHours == null ? null : Timestamp.from(placedAt.plusSeconds(3600L * shippedAfterHours)),
                deliveredAfterHours == null ? null : Timestamp.from(placedAt.plusSeconds(3600L * deliveredAfterHours)));
        return id;
    }

    private void line(UUID order, int number, String sku, String net, long backorderedAtPlacement) {
        boolean cancelled = new BigDecimal(net).signum() == 0;
        jdbc.update(
                "INSERT INTO order_line (order_id, line_number, sku, product_name, quantity, unit_price, price_overridden, tax_category, "
                        + "tax_rate, line_net, tax, reserved_quantity, backordered_quantity, cancelled_quantity, shipped_quantity, "
                        + "backordered_at_placement, status, placed_at) "
                        + "SELECT ?, ?, ?, ?, 1, ?, FALSE, 'STANDARD', 0, ?, 0, 0, 0, ?, ?, ?, ?, placed_at FROM sales_order WHERE id = ?",
                order,
                number,
                sku,
                sku + " product",
                new BigDecimal(net),
                new BigDecimal(net),
                cancelled ? 1 : 0,
                cancelled ? 0 : 1,
                backorderedAtPlacement,
                cancelled ? "CANCELLED" : "SHIPPED",
                order);
    }
}
