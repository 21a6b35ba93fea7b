package org.ordo.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Fulfilment accuracy and inventory turnover on a small hand-built data set with a known answer, in a year of its own
 * (January 2002) so that what other tests do today never falls into the period.
 */
@OrdoTest
class ReturnAndStockKeyFigureTests {

    static final String PERIOD = "from=2002-01-01&to=2002-01-31";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api admin;

    @BeforeEach
    void handBuiltMonth() {
        admin = Api.at(port).asAdmin();
        if (jdbc.queryForObject("SELECT COUNT(*) FROM sales_order WHERE number LIKE 'KPI-2002-%'", Long.class) > 0) {
            return;
        }
        // --- fulfilment accuracy: three shipments delivered in January, one in February
        UUID customer = customer();
        UUID o1 = order("KPI-2002-1", customer);
        shipment("KPI-SHP-2002-1", o1, "2002-01-10T10:00:00Z", 1, 2);
        shipment("KPI-SHP-2002-2", o1, "2002-01-12T10:00:00Z", 3);
        UUID o2 = order("KPI-2002-2", customer);
        shipment("KPI-SHP-2002-3", o2, "2002-01-20T10:00:00Z", 1);
        UUID o3 = order("KPI-2002-3", customer);
        shipment("KPI-SHP-2002-4", o3, "2002-02-02T10:00:00Z", 1);
        // s1 carried line 2, returned damaged: inaccurate. Line 3 (the second shipment) came back unwanted: still
        // accurate.
        rma("KPI-RMA-2002-1", o1, "CLOSED", 2, "DAMAGED");
        rma("KPI-RMA-2002-2", o1, "CLOSED", 3, "NOT_NEEDED");
        // a rejected claim of a wrong item does not count against the third shipment
        rma("KPI-RMA-2002-3", o2, "REJECTED", 1, "WRONG_ITEM");
        // the February shipment's wrong item is outside the period
        rma("KPI-RMA-2002-4", o3, "CLOSED", 1, "WRONG_ITEM");

        // --- inventory turnover: A costs 2.00, B 5.00, C has no cost
        jdbc.update(
                "INSERT INTO warehouse (code, name, active, created_at) VALUES ('KPI-WH-2002', 'KPI 2002', FALSE, ?)",
                Timestamp.from(Instant.now()));
        product("KPI-2002-A", "2.00");
        product("KPI-2002-B", "5.00");
        product("KPI-2002-C", null);
        // A: 100 on hand at the start; 50 shipped and 50 received in January; 10 shipped in February
        movements(
                "KPI-2002-A",
                90,
                "2001-12-15T08:00:00Z",
                "RECEIPT",
                100,
                "2002-01-10T08:00:00Z",
                "SHIPMENT",
                -30,
                "2002-01-20T08:00:00Z",
                "SHIPMENT",
                -20,
                "2002-01-25T08:00:00Z",
                "RECEIPT",
                50,
                "2002-02-05T08:00:00Z",
                "SHIPMENT",
                -10);
        // B: 10 received and 4 shipped in January
        movements("KPI-2002-B", 6, "2002-01-05T08:00:00Z", "RECEIPT", 10, "2002-01-15T08:00:00Z", "SHIPMENT", -4);
        // C: moved in January, but without a cost it is only counted
        movements("KPI-2002-C", 5, "2002-01-05T08:00:00Z", "RECEIPT", 7, "2002-01-16T08:00:00Z", "SHIPMENT", -2);
    }

    @Test
    void fulfilmentAccuracyIsDeliveredShipmentsWithoutAWrongOrDamagedReturnOverDeliveredShipments() {
        JsonNode rate = kpis().get("fulfilmentAccuracy");
        assertThat(rate.get("numerator").asLong()).isEqualTo(2);
        assertThat(rate.get("denominator").asLong()).isEqualTo(3);
        assertThat(rate.get("value").decimalValue()).isEqualByComparingTo("0.6667");
    }

    @Test
    void inventoryTurnoverIsCostOfGoodsShippedOverAverageInventoryValueFromTheLedger() {
        JsonNode turnover = kpis().get("inventoryTurnover");
        assertThat(turnover.get("skusWithoutCost").asLong()).isEqualTo(1);
        assertThat(turnover.get("byCurrency")).singleElement().satisfies(eur -> {
            assertThat(eur.get("currency").asString()).isEqualTo("EUR");
            assertThat(eur.get("skus").asLong()).isEqualTo(2);
            // 50 × 2.00 + 4 × 5.00
            assertThat(eur.get("costOfGoodsShipped").get("amount").asString()).isEqualTo("120.00");
            // start: 100 × 2.00; end: 100 × 2.00 + 6 × 5.00
            assertThat(eur.get("openingValue").get("amount").asString()).isEqualTo("200.00");
            assertThat(eur.get("closingValue").get("amount").asString()).isEqualTo("230.00");
            assertThat(eur.get("averageInventoryValue").get("amount").asString())
                    .isEqualTo("215.00");
            assertThat(eur.get("value").decimalValue()).isEqualByComparingTo("0.5581");
            // January's pace over a year: 0.5581 × 365 ÷ 31
            assertThat(eur.get("perYear").decimalValue()).isEqualByComparingTo("6.57");
        });
    }

    @Test
    void emptyPeriodHasNoTurnoverAndNoAccuracy() {
        JsonNode empty = admin.get("/api/reports/kpis?from=1990-01-01&to=1990-01-31")
                .expect(200)
                .json();
        assertThat(empty.get("fulfilmentAccuracy").get("value").isNull()).isTrue();
        assertThat(empty.get("inventoryTurnover").get("byCurrency")).isEmpty();
        assertThat(empty.get("inventoryTurnover").get("skusWithoutCost").asLong())
                .isZero();
    }

    private JsonNode kpis() {
        return admin.get("/api/reports/kpis?" + PERIOD).expect(200).json();
    }

    private UUID customer() {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "INSERT INTO customer (id, number, name, currency, credit_limit, payment_terms_days, created_at, updated_at) "
                        + "VALUES (?, ?, 'KPI 2002', 'EUR', 0, 30, ?, ?)",
                id,
                "CUS-T" + id.toString().substring(0, 8),
                now,
                now);
        return id;
    }

    private UUID order(String number, UUID customer) {
        UUID id = UUID.randomUUID();
        Timestamp placed = Timestamp.from(Instant.parse("2002-01-02T09:00:00Z"));
        jdbc.update(
                "INSERT INTO sales_order (id, number, customer_id, channel, currency, status, shipping_method, subtotal, discount, "
                        + "shipping, tax, total, placed_at, placed_by, version, updated_at) "
                        + "VALUES (?, ?, ?, 'API', 'EUR', 'DELIVERED', 'STANDARD', 0, 0, 0, 0, 0, ?, 'test', 0, ?)",
                id,
                number,
                customer,
                placed,
                placed);
        return id;
    }

    private UUID shipment(String number, UUID order, String deliveredAt, int... lineNumbers) {
        UUID id = UUID.randomUUID();
        Timestamp planned = Timestamp.from(Instant.parse("2002-01-03T09:00:00Z"));
        jdbc.update(
                "INSERT INTO warehouse (code, name, active, created_at) SELECT 'KPI-WH-2002S', 'KPI 2002 shipping', FALSE, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM warehouse WHERE code = 'KPI-WH-2002S')",
                planned);
        jdbc.update(
                "INSERT INTO shipment (id, number, order_id, order_number, customer_id, warehouse, status, planned_at, planned_by, "
                        + "delivered_at, version, updated_at) SELECT ?, ?, id, number, customer_id, 'KPI-WH-2002S', 'DELIVERED', ?, 'test', ?, 0, ? "
                        + "FROM sales_order WHERE id = ?",
                id,
                number,
                planned,
                Timestamp.from(Instant.parse(deliveredAt)),
                planned,
                order);
        for (int line : lineNumbers) {
            jdbc.update(
                    "INSERT INTO shipment_line (shipment_id, line_number, sku, product_name, quantity, picked_quantity, packed_quantity) "
                            + "VALUES (?, ?, 'KPI-2002-SKU', 'KPI product', 1, 1, 1)",
                    id,
                    line);
        }
        return id;
    }

    private void rma(String number, UUID order, String status, int lineNumber, String reason) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.parse("2002-01-22T09:00:00Z"));
        jdbc.update(
                "INSERT INTO return_authorization (id, number, order_id, order_number, customer_id, currency, status, resolution, "
                        + "requested_at, requested_by, version, updated_at) SELECT ?, ?, id, number, customer_id, 'EUR', ?, 'CREDIT', ?, 'test', 0, ? "
                        + "FROM sales_order WHERE id = ?",
                id,
                number,
                status,
                at,
                at,
                order);
        jdbc.update(
                "INSERT INTO return_line (return_id, line_number, sku, product_name, quantity, reason) "
                        + "VALUES (?, ?, 'KPI-2002-SKU', 'KPI product', 1, ?)",
                id,
                lineNumber,
                reason);
    }

    private void product(String sku, String cost) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "INSERT INTO product (sku, name, unit_price, currency, unit_cost, cost_currency, tax_category, active, version, "
                        + "created_at, updated_at) VALUES (?, ?, 10.00, 'EUR', ?, ?, 'STANDARD', TRUE, 0, ?, ?)",
                sku,
                sku,
                cost == null ? null : new BigDecimal(cost),
                cost == null ? null : "EUR",
                now,
                now);
    }

    /** A stock level with {@code onHand} (= the sum of the movements) and its ledger: time, type, quantity, repeated. */
    private void movements(String sku, long onHand, Object... timeTypeQuantity) {
        jdbc.update(
                "INSERT INTO stock_level (sku, warehouse, on_hand, reserved) VALUES (?, 'KPI-WH-2002', ?, 0)",
                sku,
                onHand);
        for (int i = 0; i < timeTypeQuantity.length; i += 3) {
            jdbc.update(
                    "INSERT INTO stock_movement (sku, warehouse, type, quantity, actor, created_at) VALUES (?, 'KPI-WH-2002', ?, ?, 'test', ?)",
                    sku,
                    timeTypeQuantity[i + 1],
                    ((Number) timeTypeQuantity[i + 2]).longValue(),
                    Timestamp.from(Instant.parse((String) timeTypeQuantity[i])));
        }
    }
}
