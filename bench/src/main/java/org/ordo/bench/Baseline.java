package org.ordo.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw-SQL baseline: the least any correct placement must do, by plain JDBC on one connection per client — insert
 * the order, insert its lines, one conditional stock update per line ({@code ... WHERE on_hand - reserved >= ?}),
 * commit; one statement per round trip, no batching, no HTTP, no reads (names and prices are known to the client).
 *
 * <p>It writes to its own tables, copies of the application's ({@code CREATE TABLE ... (LIKE ... INCLUDING ALL)}:
 * same columns, checks and indexes, plus the foreign keys order → customer and line → order), with stock copied
 * from the loaded levels: the same database and the same row shapes, without touching the application's
 * reservations, which must keep matching its stock levels for the consistency check.
 */
final class Baseline {

    private static final BigDecimal TAX_RATE = new BigDecimal("0.2000");
    private static final AtomicLong NUMBERS = new AtomicLong();

    private Baseline() {}

    static int run(Bench.Args args) throws Exception {
        String url = args.get("jdbc");
        String user = args.get("user");
        String password = args.get("password", "");
        int clients = args.integer("clients", 1);
        int lines = args.integer("lines", 10);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            createTables(c);
        }
        String prefix = Long.toString(System.currentTimeMillis(), 36);
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Connection c = DriverManager.getConnection(url, user, password);
                c.setAutoCommit(false);
                connections.add(c);
            }
            ClosedLoop.Result result = ClosedLoop.run(
                    clients,
                    Double.parseDouble(args.get("warmup", "5")),
                    Double.parseDouble(args.get("seconds", "20")),
                    client -> {
                        Placement placement = new Placement(connections.get(client));
                        return () -> placement.place(prefix + "-" + NUMBERS.incrementAndGet(), lines);
                    });
            String notes = "plain JDBC, 1 connection per client, " + (2 * lines + 2) + " round trips per order";
            if (args.values().containsKey("per-line")) {
                notes += String.format(java.util.Locale.ROOT, "; per line p50 %.2f ms", result.millis(50) / lines);
            }
            if (result.errorCount() > 0) {
                notes += "; " + result.errorSummary();
            }
            Results.append(
                    args.get("out"),
                    new Results.Row(
                            args.get("scenario"),
                            args.get("level", clients + (clients == 1 ? " client" : " clients")),
                            result.perSecond(),
                            result.millis(50),
                            result.millis(95),
                            result.millis(99),
                            args.get("group", ""),
                            args.get("compare", ""),
                            notes));
            return 0;
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private static void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT to_regclass('bench_stock') IS NOT NULL");
            rs.next();
            if (rs.getBoolean(1)) {
                return;
            }
            c.setAutoCommit(false);
            s.execute("CREATE TABLE bench_order (LIKE sales_order INCLUDING ALL)");
            s.execute("ALTER TABLE bench_order ADD FOREIGN KEY (customer_id) REFERENCES customer (id)");
            s.execute("CREATE TABLE bench_order_line (LIKE order_line INCLUDING ALL)");
            s.execute("ALTER TABLE bench_order_line ADD FOREIGN KEY (order_id) REFERENCES bench_order (id)");
            s.execute("CREATE TABLE bench_stock (LIKE stock_level INCLUDING ALL)");
            s.execute("INSERT INTO bench_stock SELECT * FROM stock_level WHERE sku LIKE 'BENCH-%'");
            c.commit();
            s.execute("ANALYZE bench_stock");
        }
    }

    /** One client's statements, prepared once on its connection. */
    private static final class Placement {

        private final Connection connection;
        private final PreparedStatement order;
        private final PreparedStatement line;
        private final PreparedStatement reserve;

        Placement(Connection connection) {
            this.connection = connection;
            try {
                order = connection.prepareStatement(
                        "INSERT INTO bench_order (id, number, customer_id, channel, external_reference, currency, "
                                + "status, ship_name, ship_line1, ship_city, ship_postal_code, ship_country, promised_date, shipping_method, "
                                + "subtotal, discount, shipping, tax, total, placed_at, placed_by, version, updated_at) "
                                + "VALUES (?, ?, ?, 'API', ?, 'EUR', 'CONFIRMED', ?, 'Lagerweg 2', 'Hamburg', '20095', 'DE', ?, 'STANDARD', "
                                + "?, 0, 0, ?, ?, ?, 'bench-sales', 0, ?)");
                line = connection.prepareStatement(
                        "INSERT INTO bench_order_line (order_id, line_number, sku, product_name, quantity, "
                                + "unit_price, price_overridden, tax_category, tax_rate, line_net, tax, reserved_quantity, backordered_quantity, "
                                + "cancelled_quantity, shipped_quantity, backordered_at_placement, status, placed_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, FALSE, 'STANDARD', ?, ?, ?, ?, 0, 0, 0, 0, 'RESERVED', ?)");
                reserve = connection.prepareStatement(
                        "UPDATE bench_stock SET reserved = reserved + ? WHERE sku = ? AND warehouse = ? AND on_hand - reserved >= ?");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        String place(String number, int lineCount) throws SQLException {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            // stock rows are updated in (warehouse, sku) order, the application's lock order: no deadlocks
            int[] products = BenchData.sorted(BenchData.randomProducts(lineCount));
            String warehouse = BenchData.WAREHOUSES.get(random.nextInt(BenchData.WAREHOUSES.size()));
            long[] quantities = new long[lineCount];
            BigDecimal subtotal = BigDecimal.ZERO;
            BigDecimal tax = BigDecimal.ZERO;
            BigDecimal[] nets = new BigDecimal[lineCount];
            BigDecimal[] taxes = new BigDecimal[lineCount];
            for (int i = 0; i < lineCount; i++) {
                quantities[i] = 1 + random.nextInt(3);
                nets[i] = BenchData.unitPrice(products[i]).multiply(BigDecimal.valueOf(quantities[i]));
                taxes[i] = nets[i].multiply(TAX_RATE).setScale(2, RoundingMode.HALF_EVEN);
                subtotal = subtotal.add(nets[i]);
                tax = tax.add(taxes[i]);
            }
            UUID id = UUID.randomUUID();
            Timestamp now = Timestamp.from(Instant.now());
            try {
                order.setObject(1, id);
                order.setString(2, number);
                order.setObject(3, BenchData.randomCustomer());
                order.setString(4, "bench-" + number);
                order.setString(5, "Bench customer");
                order.setDate(6, Date.valueOf(LocalDate.now().plusDays(4)));
                order.setBigDecimal(7, subtotal);
                order.setBigDecimal(8, tax);
                order.setBigDecimal(9, subtotal.add(tax));
                order.setTimestamp(10, now);
                order.setTimestamp(11, now);
                order.executeUpdate();
                for (int i = 0; i < lineCount; i++) {
                    line.setObject(1, id);
                    line.setInt(2, i + 1);
                    line.setString(3, BenchData.sku(products[i]));
                    line.setString(4, BenchData.productName(products[i]));
                    line.setLong(5, quantities[i]);
                    line.setBigDecimal(6, BenchData.unitPrice(products[i]));
                    line.setBigDecimal(7, TAX_RATE);
                    line.setBigDecimal(8, nets[i]);
                    line.setBigDecimal(9, taxes[i]);
                    line.setLong(10, quantities[i]);
                    line.setTimestamp(11, now);
                    line.executeUpdate();
                }
                for (int i = 0; i < lineCount; i++) {
                    reserve.setLong(1, quantities[i]);
                    reserve.setString(2, BenchData.sku(products[i]));
                    reserve.setString(3, warehouse);
                    reserve.setLong(4, quantities[i]);
                    if (reserve.executeUpdate() != 1) {
                        connection.rollback();
                        return "out of stock";
                    }
                }
                connection.commit();
                return null;
            } catch (SQLException e) {
                connection.rollback();
                return "SQLState " + e.getSQLState();
            }
        }
    }
}
