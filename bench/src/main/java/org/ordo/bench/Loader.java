package org.ordo.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Bulk-loads the data set into the application's own tables with JDBC batches (the API would audit and check each
 * row, which is not what is measured). Stock is written as a level plus its RECEIPT movement, so the ledger
 * invariant holds and the consistency check stays clean. Runs after the application started (its migrations made
 * the schema) and does nothing when the data is already there.
 */
final class Loader {

    private static final int BATCH = 1_000;

    private Loader() {}

    static int run(Bench.Args args) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(args.get("jdbc"), args.get("user"), args.get("password", ""))) {
            c.setAutoCommit(false);
            try (PreparedStatement exists = c.prepareStatement("SELECT COUNT(*) FROM product WHERE sku = ?")) {
                exists.setString(1, BenchData.sku(0));
                try (ResultSet rs = exists.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        System.out.println("data already loaded");
                        return 0;
                    }
                }
            }
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO warehouse (code, name, city, country, active, created_at) VALUES (?, ?, ?, 'DE', TRUE, ?)")) {
                for (String code : BenchData.WAREHOUSES) {
                    ps.setString(1, code);
                    ps.setString(2, "Bench warehouse " + code);
                    ps.setString(3, "Berlin");
                    ps.setTimestamp(4, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement product = c.prepareStatement(
                            "INSERT INTO product (sku, name, unit_price, currency, tax_category, "
                                    + "weight_grams, active, version, created_at, updated_at) VALUES (?, ?, ?, 'EUR', 'STANDARD', ?, TRUE, 0, ?, ?)");
                    PreparedStatement level = c.prepareStatement(
                            "INSERT INTO stock_level (sku, warehouse, on_hand, reserved) VALUES (?, ?, ?, 0)");
                    PreparedStatement movement = c.prepareStatement(
                            "INSERT INTO stock_movement (sku, warehouse, type, quantity, reason, "
                                    + "reference, actor, created_at) VALUES (?, ?, 'RECEIPT', ?, 'benchmark data', 'bench-load', 'bench-loader', ?)")) {
                int n = 0;
                for (int i = 0; i < BenchData.PRODUCTS; i++) {
                    addProduct(product, BenchData.sku(i), BenchData.productName(i), BenchData.unitPrice(i), now);
                    for (String wh : BenchData.WAREHOUSES) {
                        addStock(level, movement, BenchData.sku(i), wh, BenchData.STOCK_PER_LEVEL, now);
                    }
                    if (++n % BATCH == 0) {
                        flush(product, level, movement);
                    }
                }
                for (String set : BenchData.HOT_SETS) {
                    for (String sku : BenchData.hotSkus(set)) {
                        addProduct(product, sku, "Last units " + sku, new BigDecimal("19.99"), now);
                        for (int w = 0; w < BenchData.WAREHOUSES.size(); w++) {
                            addStock(level, movement, sku, BenchData.WAREHOUSES.get(w), BenchData.HOT_STOCK[w], now);
                        }
                    }
                }
                flush(product, level, movement);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO customer (id, number, name, email, billing_name, billing_line1, billing_city, "
                            + "billing_postal_code, billing_country, shipping_name, shipping_line1, shipping_city, shipping_postal_code, "
                            + "shipping_country, currency, credit_limit, payment_terms_days, active, version, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, 'Hauptstraße 1', 'Berlin', '10115', 'DE', ?, 'Lagerweg 2', 'Hamburg', '20095', 'DE', 'EUR', ?, 30, "
                            + "TRUE, 0, ?, ?)")) {
                for (int i = 0; i < BenchData.CUSTOMERS; i++) {
                    UUID id = BenchData.customerId(i);
                    String name = "Bench customer " + i;
                    ps.setObject(1, id);
                    // a series of its own, apart from the numbers Ordo gives
                    ps.setString(2, "CUS-B" + i);
                    ps.setString(3, name);
                    ps.setString(4, "customer" + i + "@bench.example");
                    ps.setString(5, name);
                    ps.setString(6, name);
                    // high enough that no benchmark order is ever held for credit
                    ps.setBigDecimal(7, new BigDecimal("100000000000.0000"));
                    ps.setTimestamp(8, now);
                    ps.setTimestamp(9, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        System.out.printf(
                "loaded %d products, %d warehouses, %d customers in %.1f s%n",
                BenchData.PRODUCTS,
                BenchData.WAREHOUSES.size(),
                BenchData.CUSTOMERS,
                (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static void addProduct(PreparedStatement ps, String sku, String name, BigDecimal price, Timestamp now)
            throws SQLException {
        ps.setString(1, sku);
        ps.setString(2, name);
        ps.setBigDecimal(3, price);
        ps.setInt(4, 250);
        ps.setTimestamp(5, now);
        ps.setTimestamp(6, now);
        ps.addBatch();
    }

    private static void addStock(
            PreparedStatement level,
            PreparedStatement movement,
            String sku,
            String warehouse,
            long quantity,
            Timestamp now)
            throws SQLException {
        level.setString(1, sku);
        level.setString(2, warehouse);
        level.setLong(3, quantity);
        level.addBatch();
        movement.setString(1, sku);
        movement.setString(2, warehouse);
        movement.setLong(3, quantity);
        movement.setTimestamp(4, now);
        movement.addBatch();
    }

    private static void flush(PreparedStatement product, PreparedStatement level, PreparedStatement movement)
            throws SQLException {
        product.executeBatch();
        level.executeBatch();
        movement.executeBatch();
    }
}
