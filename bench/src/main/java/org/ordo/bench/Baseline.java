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
 *
 * <p>With {@code --equal-work} it writes the rows the application writes for an order, as a careful hand-coder
 * would with one statement per round trip, in one transaction: the idempotency claim, the customer locked for the
 * credit check and its open orders summed, the order, its lines, the stock updates, one reservation per line, two
 * history entries, the audit entry (SHA-256 of the order's JSON), the event publication, the idempotency answer
 * (the order's JSON); after the commit the publication is marked complete. 3 N + 11 round trips for N lines.
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
        boolean equalWork = args.values().containsKey("equal-work");
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
                        Placement placement = new Placement(connections.get(client), equalWork);
                        return () -> placement.place(prefix + "-" + NUMBERS.incrementAndGet(), lines);
                    });
            String notes = "plain JDBC, 1 connection per client, "
                    + (equalWork
                            ? 3 * lines + 11 + " round trips per order, the rows Ordo writes"
                            : 2 * lines + 2 + " round trips per order");
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
            s.execute("CREATE TABLE bench_idempotency_record (LIKE idempotency_record INCLUDING ALL)");
            s.execute("CREATE TABLE bench_reservation (LIKE reservation INCLUDING ALL)");
            s.execute("CREATE TABLE bench_order_history (LIKE order_history INCLUDING ALL)");
            s.execute("ALTER TABLE bench_order_history ADD FOREIGN KEY (order_id) REFERENCES bench_order (id)");
            s.execute("CREATE TABLE bench_audit_entry (LIKE audit_entry INCLUDING ALL)");
            s.execute("CREATE TABLE bench_event_publication (LIKE event_publication INCLUDING ALL)");
            c.commit();
            s.execute("ANALYZE bench_stock");
        }
    }

    /** One client's statements, prepared once on its connection. */
    private static final class Placement {

        private final Connection connection;
        private final boolean equalWork;
        private final PreparedStatement order;
        private final PreparedStatement line;
        private final PreparedStatement reserve;
        private final EqualWork extra;

        Placement(Connection connection, boolean equalWork) {
            this.connection = connection;
            this.equalWork = equalWork;
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
                extra = equalWork ? new EqualWork(connection) : null;
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
            UUID customer = BenchData.randomCustomer();
            Timestamp now = Timestamp.from(Instant.now());
            try {
                if (equalWork) {
                    extra.claimAndLock(number, customer);
                }
                insertOrder(id, number, customer, subtotal, tax, now);
                insertLines(id, products, quantities, nets, taxes, now);
                if (!reserve(products, quantities, warehouse)) {
                    connection.rollback();
                    return "out of stock";
                }
                UUID publication = null;
                if (equalWork) {
                    publication = extra.record(id, number, products, quantities, warehouse, subtotal.add(tax), now);
                }
                connection.commit();
                if (publication != null) {
                    extra.complete(publication);
                }
                return null;
            } catch (SQLException e) {
                connection.rollback();
                return "SQLState " + e.getSQLState();
            }
        }

        private void insertOrder(
                UUID id, String number, UUID customer, BigDecimal subtotal, BigDecimal tax, Timestamp now)
                throws SQLException {
            order.setObject(1, id);
            order.setString(2, number);
            order.setObject(3, customer);
            order.setString(4, "bench-" + number);
            order.setString(5, "Bench customer");
            order.setDate(6, Date.valueOf(LocalDate.now().plusDays(4)));
            order.setBigDecimal(7, subtotal);
            order.setBigDecimal(8, tax);
            order.setBigDecimal(9, subtotal.add(tax));
            order.setTimestamp(10, now);
            order.setTimestamp(11, now);
            order.executeUpdate();
        }

        private void insertLines(
                UUID id, int[] products, long[] quantities, BigDecimal[] nets, BigDecimal[] taxes, Timestamp now)
                throws SQLException {
            for (int i = 0; i < products.length; i++) {
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
        }

        private boolean reserve(int[] products, long[] quantities, String warehouse) throws SQLException {
            for (int i = 0; i < products.length; i++) {
                reserve.setLong(1, quantities[i]);
                reserve.setString(2, BenchData.sku(products[i]));
                reserve.setString(3, warehouse);
                reserve.setLong(4, quantities[i]);
                if (reserve.executeUpdate() != 1) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The rest of what the application writes for an order, one statement per round trip. */
    private static final class EqualWork {

        private final Connection connection;
        private final PreparedStatement claim;
        private final PreparedStatement lockCustomer;
        private final PreparedStatement openOrders;
        private final PreparedStatement reservation;
        private final PreparedStatement history;
        private final PreparedStatement audit;
        private final PreparedStatement publication;
        private final PreparedStatement answer;
        private final PreparedStatement completion;
        private String key;

        EqualWork(Connection connection) throws SQLException {
            this.connection = connection;
            claim = connection.prepareStatement("INSERT INTO bench_idempotency_record (principal, scope, idem_key, "
                    + "request_hash, created_at) VALUES ('bench-sales', 'orders', ?, ?, now())");
            lockCustomer = connection.prepareStatement("SELECT credit_limit FROM customer WHERE id = ? FOR UPDATE");
            openOrders = connection.prepareStatement("SELECT COALESCE(SUM(total), 0) FROM bench_order "
                    + "WHERE customer_id = ? AND status IN ('PLACED', 'CONFIRMED', 'ON_HOLD', 'IN_FULFILLMENT')");
            reservation = connection.prepareStatement("INSERT INTO bench_reservation (id, order_id, line_number, sku, "
                    + "warehouse, quantity, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)");
            history = connection.prepareStatement("INSERT INTO bench_order_history (order_id, at, actor, kind, "
                    + "from_status, to_status, reason, details) VALUES (?, ?, 'bench-sales', ?, ?, ?, NULL, ?)");
            audit = connection.prepareStatement("INSERT INTO bench_audit_entry (entity, entity_id, chain_seq, at, "
                    + "actor, action, before_state, after_state, prev_hash, hash) "
                    + "VALUES ('ORDER', ?, 1, ?, 'bench-sales', 'CREATED', NULL, ?, ?, ?)");
            publication = connection.prepareStatement("INSERT INTO bench_event_publication (id, listener_id, "
                    + "event_type, serialized_event, publication_date) VALUES (?, 'invoicing', 'OrderPlaced', ?, ?)");
            answer = connection.prepareStatement(
                    "UPDATE bench_idempotency_record SET response_status = 201, "
                            + "location = ?, response_body = ? WHERE principal = 'bench-sales' AND scope = 'orders' AND idem_key = ?");
            completion = connection.prepareStatement(
                    "UPDATE bench_event_publication SET completion_date = now() WHERE id = ?");
        }

        void claimAndLock(String number, UUID customer) throws SQLException {
            key = UUID.randomUUID().toString();
            claim.setString(1, key);
            claim.setString(2, sha256(number));
            claim.executeUpdate();
            lockCustomer.setObject(1, customer);
            try (var rs = lockCustomer.executeQuery()) {
                rs.next();
            }
            openOrders.setObject(1, customer);
            try (var rs = openOrders.executeQuery()) {
                rs.next();
            }
        }

        UUID record(
                UUID id,
                String number,
                int[] products,
                long[] quantities,
                String warehouse,
                BigDecimal total,
                Timestamp now)
                throws SQLException {
            for (int i = 0; i < products.length; i++) {
                reservation.setObject(1, UUID.randomUUID());
                reservation.setObject(2, id);
                reservation.setInt(3, i + 1);
                reservation.setString(4, BenchData.sku(products[i]));
                reservation.setString(5, warehouse);
                reservation.setLong(6, quantities[i]);
                reservation.setTimestamp(7, now);
                reservation.setTimestamp(8, now);
                reservation.executeUpdate();
            }
            String json = orderJson(id, number, products, quantities, total);
            history(id, now, "PLACED", null, "PLACED");
            history(id, now, "STATUS", "PLACED", "CONFIRMED");
            audit.setString(1, id.toString());
            audit.setTimestamp(2, now);
            audit.setString(3, json);
            audit.setString(4, "0".repeat(64));
            audit.setString(5, sha256(json));
            audit.executeUpdate();
            UUID publicationId = UUID.randomUUID();
            publication.setObject(1, publicationId);
            publication.setString(2, "{\"orderId\":\"" + id + "\",\"number\":\"" + number + "\"}");
            publication.setTimestamp(3, now);
            publication.executeUpdate();
            answer.setString(1, "/api/orders/" + id);
            answer.setString(2, json);
            answer.setString(3, key);
            answer.executeUpdate();
            return publicationId;
        }

        void complete(UUID publicationId) throws SQLException {
            completion.setObject(1, publicationId);
            completion.executeUpdate();
            connection.commit();
        }

        private void history(UUID id, Timestamp at, String kind, String from, String to) throws SQLException {
            history.setObject(1, id);
            history.setTimestamp(2, at);
            history.setString(3, kind);
            history.setString(4, from);
            history.setString(5, to);
            history.setString(6, null);
            history.executeUpdate();
        }

        private static String orderJson(UUID id, String number, int[] products, long[] quantities, BigDecimal total) {
            StringBuilder json = new StringBuilder("{\"id\":\"" + id + "\",\"number\":\"" + number + "\",\"lines\":[");
            for (int i = 0; i < products.length; i++) {
                json.append(i == 0 ? "" : ",")
                        .append("{\"lineNumber\":")
                        .append(i + 1)
                        .append(",\"sku\":\"")
                        .append(BenchData.sku(products[i]))
                        .append("\",\"productName\":\"")
                        .append(BenchData.productName(products[i]))
                        .append("\",\"quantity\":")
                        .append(quantities[i])
                        .append(",\"unitPrice\":{\"amount\":\"")
                        .append(BenchData.unitPrice(products[i]))
                        .append("\",\"currency\":\"EUR\"},\"status\":\"RESERVED\"}");
            }
            return json.append("],\"total\":{\"amount\":\"")
                    .append(total)
                    .append("\",\"currency\":\"EUR\"}}")
                    .toString();
        }

        private static String sha256(String text) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(digest);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
