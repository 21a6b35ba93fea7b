package org.ordo.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario 6, data at scale. {@code scale-load} bulk-loads a year of order history (default 1,000,000 orders) straight
 * into the application's tables with set-based SQL on the server (PostgreSQL only); {@code scale-time} then times the
 * read requests people make on such a database — through the HTTP API, as the pages and integrators see them.
 * <p>
 * The history is what a year of trade leaves behind: orders over 365 days from 20,000 customers (names like "Becker
 * Metallbau Köln"), 1–5 lines each; older
 * orders completed (shipped, delivered, invoiced, paid) or cancelled, recent ones delivered and unpaid, shipped, or still
 * open. Each shipped order has its shipment, its stock movements, its invoice, and — when paid — its payment and
 * allocation, so the key figures and the AR aging read what they would read in production. It is imported history, not
 * placed orders: it has no audit trail, timeline or reservations, so the consistency check is not run on this database.
 */
final class Scale {

    /** Order numbers and external references of the history, apart from those the application gives. */
    static final long FIRST_NUMBER = 10_000_000;

    static final int CUSTOMERS = 20_000;

    private Scale() {}

    static int load(Bench.Args args) throws SQLException {
        long orders = Long.parseLong(args.get("orders", "1000000"));
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(args.get("jdbc"), args.get("user"), args.get("password", ""));
                Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery("SELECT COUNT(*) FROM sales_order WHERE external_reference LIKE 'SCALE-%'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    System.out.println("history already loaded");
                    return 0;
                }
            }
            // an import: each statement is committed once, and a crash means loading again
            s.execute("SET synchronous_commit = off");
            s.execute("SET work_mem = '64MB'");
            // 20,400 distinct names of the kind a wholesaler's customers have: surname, trade, city
            s.execute("""
                    CREATE FUNCTION pg_temp.scale_name(n bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
                    SELECT (ARRAY['Müller','Schmidt','Schneider','Fischer','Weber','Meyer','Wagner','Becker','Schulz','Hoffmann',
                                  'Schäfer','Koch','Bauer','Richter','Klein','Wolf','Schröder','Neumann','Schwarz','Zimmermann',
                                  'Braun','Krüger','Hofmann','Hartmann','Lange','Schmitt','Werner','Schmitz','Krause','Meier'])[1 + n % 30]
                        || ' ' || (ARRAY['Metallbau','Elektro','Sanitär','Holzbau','Gartenbau','Dachdeckerei','Malerbetrieb','Kfz-Technik',
                                  'Bäckerei','Druckerei','Haustechnik','Möbelwerk','Feinkost','Bürobedarf','Landhandel','Werkzeugbau',
                                  'Textil','Getränke','Baustoffe','Optik'])[1 + (n / 30) % 20]
                        || ' ' || (ARRAY['Köln','Berlin','Hamburg','München','Frankfurt','Stuttgart','Düsseldorf','Leipzig','Dortmund',
                                  'Essen','Bremen','Dresden','Hannover','Nürnberg','Duisburg','Bochum','Wuppertal','Bielefeld','Bonn',
                                  'Münster','Mannheim','Karlsruhe','Augsburg','Wiesbaden','Mönchengladbach','Gelsenkirchen','Aachen',
                                  'Braunschweig','Kiel','Chemnitz','Halle','Magdeburg','Freiburg','Krefeld'])[1 + (n / 600) % 34]
                    $$""");
            step(s, "customers", """
                    INSERT INTO customer (id, number, name, email, billing_name, billing_line1, billing_city, billing_postal_code, billing_country,
                        shipping_name, shipping_line1, shipping_city, shipping_postal_code, shipping_country, currency, credit_limit,
                        payment_terms_days, active, version, created_at, updated_at)
                    SELECT md5('scale-customer-' || n)::uuid, 'CUS-S' || n, pg_temp.scale_name(n), 'scale' || n || '@bench.example', pg_temp.scale_name(n),
                        'Marktplatz ' || (n %% 90 + 1), 'Köln', '50667', 'DE', pg_temp.scale_name(n), 'Marktplatz ' || (n %% 90 + 1), 'Köln',
                        '50667', 'DE', 'EUR', 100000000, 30, TRUE, 0, now() - interval '400 days', now() - interval '400 days'
                    FROM generate_series(0, %d) n ON CONFLICT DO NOTHING""".formatted(CUSTOMERS - 1));
            // g: the order's index; its age spreads the orders evenly over the year, its hash picks the rest
            step(s, "orders", """
                    INSERT INTO sales_order (id, number, customer_id, channel, external_reference, currency, status, ship_name, ship_line1,
                        ship_city, ship_postal_code, ship_country, promised_date, shipping_method, subtotal, discount, shipping, tax, total,
                        placed_at, placed_by, version, updated_at, shipped_at, delivered_at, completed_at)
                    SELECT md5('scale-order-' || g)::uuid,
                        'SO-' || EXTRACT(YEAR FROM o.placed_at AT TIME ZONE 'UTC') || '-' || (%1$d + g),
                        md5('scale-customer-' || o.customer)::uuid,
                        (ARRAY['API','WEB','PHONE','EMAIL','PORTAL','EDI','CSV'])[1 + abs(hashint4(g::int + 17)) %% 7],
                        'SCALE-' || g, 'EUR', o.status, pg_temp.scale_name(o.customer), 'Marktplatz ' || (o.customer %% 90 + 1), 'Köln',
                        '50667', 'DE', (o.placed_at + CASE WHEN g %% 5 = 0 THEN interval '2 days' ELSE interval '4 days' END)::date,
                        'STANDARD', t.net, 0, 0, t.tax, t.net + t.tax, o.placed_at, 'scale-import', 0, o.placed_at,
                        CASE WHEN o.status IN ('SHIPPED','DELIVERED','COMPLETED') THEN o.placed_at + interval '20 hours' END,
                        CASE WHEN o.status IN ('DELIVERED','COMPLETED') THEN o.placed_at + interval '3 days' END,
                        CASE WHEN o.status = 'COMPLETED' THEN o.placed_at + interval '35 days' END
                    FROM generate_series(1::bigint, %2$d) g
                    CROSS JOIN LATERAL (SELECT now() - (%2$d - g) * (interval '365 days' / %2$d) AS placed_at,
                                               (g * 7919) %% %3$d AS customer, abs(hashint4(g::int)) %% 100 AS dice) r
                    CROSS JOIN LATERAL (SELECT r.placed_at, r.customer, CASE
                        WHEN r.placed_at < now() - interval '60 days' THEN CASE WHEN r.dice < 4 THEN 'CANCELLED' ELSE 'COMPLETED' END
                        WHEN r.placed_at < now() - interval '7 days' THEN
                            CASE WHEN r.dice < 4 THEN 'CANCELLED' WHEN r.dice < 30 THEN 'DELIVERED' ELSE 'COMPLETED' END
                        WHEN r.placed_at < now() - interval '2 days' THEN
                            CASE WHEN r.dice < 5 THEN 'CANCELLED' WHEN r.dice < 40 THEN 'DELIVERED' ELSE 'SHIPPED' END
                        ELSE CASE WHEN r.dice < 10 THEN 'CANCELLED' WHEN r.dice < 20 THEN 'ON_HOLD' WHEN r.dice < 30 THEN 'IN_FULFILLMENT'
                                  ELSE 'CONFIRMED' END END AS status) o
                    CROSS JOIN LATERAL (SELECT SUM(l.net) AS net, SUM(round(l.net * 0.19, 2)) AS tax FROM (
                        SELECT (1 + (g + i) %% 3) * (500 + (((g * 31 + i * 977) %% 10000) %% 200) * 100 + 99) / 100.0 AS net
                        FROM generate_series(1, 1 + g %% 5) i) l) t""".formatted(FIRST_NUMBER, orders, CUSTOMERS));
            step(s, "order lines", """
                    INSERT INTO order_line (order_id, line_number, sku, product_name, quantity, unit_price, price_overridden, tax_category,
                        tax_rate, line_net, tax, reserved_quantity, backordered_quantity, cancelled_quantity, shipped_quantity,
                        backordered_at_placement, status, placed_at, returned_quantity)
                    SELECT o.id, i, 'BENCH-' || lpad(((o.g * 31 + i * 977) % 10000)::text, 5, '0'),
                        'Bench product ' || ((o.g * 31 + i * 977) % 10000), q.qty, q.price, FALSE, 'STANDARD', 19,
                        q.qty * q.price, round(q.qty * q.price * 0.19, 2),
                        CASE WHEN o.status IN ('CONFIRMED','ON_HOLD','IN_FULFILLMENT') AND NOT q.short THEN q.qty ELSE 0 END,
                        CASE WHEN q.short THEN q.qty ELSE 0 END,
                        CASE WHEN o.status = 'CANCELLED' THEN q.qty ELSE 0 END,
                        CASE WHEN o.status IN ('SHIPPED','DELIVERED','COMPLETED') THEN q.qty ELSE 0 END,
                        CASE WHEN (o.g + i) % 20 = 0 THEN q.qty ELSE 0 END,
                        CASE WHEN o.status = 'CANCELLED' THEN 'CANCELLED' WHEN q.short THEN 'BACKORDERED'
                             WHEN o.status IN ('CONFIRMED','ON_HOLD','IN_FULFILLMENT') THEN 'RESERVED' ELSE 'SHIPPED' END,
                        o.placed_at, 0
                    FROM (SELECT id, status, placed_at, substr(external_reference, 7)::bigint AS g FROM sales_order
                          WHERE external_reference LIKE 'SCALE-%') o
                    CROSS JOIN generate_series(1, 1 + (o.g % 5)::int) i
                    CROSS JOIN LATERAL (SELECT 1 + (o.g + i) % 3 AS qty, o.status = 'CONFIRMED' AND (o.g + i) % 20 = 0 AS short,
                        (500 + (((o.g * 31 + i * 977) % 10000) % 200) * 100 + 99) / 100.0 AS price) q""");
            step(s, "shipments", """
                    INSERT INTO shipment (id, number, order_id, order_number, customer_id, warehouse, status, ship_name, ship_line1, ship_city,
                        ship_postal_code, ship_country, carrier, service, expected_delivery_date, planned_at, planned_by,
                        picking_started_at, packed_at, shipped_at, delivered_at, version, updated_at)
                    SELECT md5('scale-shipment-' || o.id)::uuid, 'SH-' || substr(o.number, 4), o.id, o.number, o.customer_id,
                        (ARRAY['BW1','BW2','BW3'])[1 + abs(hashtext(o.number)) % 3], CASE WHEN o.status = 'SHIPPED' THEN 'SHIPPED' ELSE 'DELIVERED' END,
                        o.ship_name, o.ship_line1, o.ship_city, o.ship_postal_code, o.ship_country, 'DHL', 'STANDARD', o.promised_date,
                        o.placed_at + interval '1 hour', 'scale-import', o.placed_at + interval '2 hours', o.placed_at + interval '3 hours',
                        o.shipped_at, o.delivered_at, 0, o.shipped_at
                    FROM sales_order o WHERE o.external_reference LIKE 'SCALE-%' AND o.shipped_at IS NOT NULL""");
            step(s, "stock movements of the shipments", """
                    INSERT INTO stock_movement (sku, warehouse, type, quantity, reason, reference, actor, created_at)
                    SELECT l.sku, s.warehouse, 'SHIPMENT', -l.quantity, 'imported history', s.number, 'scale-import', s.shipped_at
                    FROM shipment s JOIN order_line l ON l.order_id = s.order_id WHERE s.planned_by = 'scale-import'""");
            step(s, "invoices", """
                    INSERT INTO invoice (id, type, status, series, sequence_number, number, source_key, order_id, order_number, shipment_id,
                        shipment_number, customer_id, currency, issue_date, due_date, payment_terms_days, buyer_name, buyer_line1, buyer_city,
                        buyer_postal_code, buyer_country, seller_name, seller_country, subtotal, discount, shipping, tax, total, amount_paid,
                        created_at, created_by, issued_at)
                    SELECT md5('scale-invoice-' || s.id)::uuid, 'INVOICE',
                        CASE WHEN o.status = 'COMPLETED' THEN 'PAID' WHEN s.shipped_at::date + 30 < current_date THEN 'OVERDUE' ELSE 'ISSUED' END,
                        'SCALE', substr(o.number, 9)::bigint, 'INV-' || substr(o.number, 4), 'scale:' || s.id, o.id, o.number, s.id, s.number,
                        o.customer_id, 'EUR', s.shipped_at::date, s.shipped_at::date + 30, 30, o.ship_name, o.ship_line1, o.ship_city,
                        o.ship_postal_code, 'DE', 'Ordo Bench GmbH', 'DE', o.subtotal, 0, 0, o.tax, o.total,
                        CASE WHEN o.status = 'COMPLETED' THEN o.total ELSE 0 END, s.shipped_at, 'scale-import', s.shipped_at
                    FROM shipment s JOIN sales_order o ON o.id = s.order_id WHERE s.planned_by = 'scale-import'""");
            step(s, "payments", """
                    INSERT INTO payment (id, customer_id, status, method, reference, received_on, currency, amount, amount_allocated, created_at,
                        created_by)
                    SELECT md5('scale-payment-' || i.id)::uuid, i.customer_id, 'ALLOCATED', 'BANK_TRANSFER', i.number, o.completed_at::date,
                        'EUR', i.total, i.total, o.completed_at, 'scale-import'
                    FROM invoice i JOIN sales_order o ON o.id = i.order_id WHERE i.series = 'SCALE' AND i.status = 'PAID'""");
            step(s, "payment allocations", """
                    INSERT INTO payment_allocation (payment_id, invoice_id, amount, created_at, created_by)
                    SELECT md5('scale-payment-' || i.id)::uuid, i.id, i.total, p.created_at, 'scale-import'
                    FROM invoice i JOIN payment p ON p.id = md5('scale-payment-' || i.id)::uuid WHERE i.series = 'SCALE' AND i.status = 'PAID'""");
            // as autovacuum leaves a table that settled: statistics, and the visibility map that index-only scans rely
            // on
            step(s, "vacuum and statistics", "VACUUM ANALYZE");
            try (ResultSet rs =
                    s.executeQuery("SELECT (SELECT COUNT(*) FROM sales_order), (SELECT COUNT(*) FROM order_line), "
                            + "(SELECT COUNT(*) FROM shipment), (SELECT COUNT(*) FROM invoice), (SELECT COUNT(*) FROM stock_movement), "
                            + "pg_size_pretty(pg_database_size(current_database()))")) {
                rs.next();
                System.out.printf(
                        Locale.ROOT,
                        "history: %,d orders, %,d lines, %,d shipments, %,d invoices, %,d stock movements, %s, "
                                + "loaded in %.0f s%n",
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getString(6),
                        (System.nanoTime() - started) / 1e9);
            }
        }
        return 0;
    }

    private static void step(Statement s, String what, String sql) throws SQLException {
        long started = System.nanoTime();
        int rows = s.executeUpdate(sql);
        System.out.printf(Locale.ROOT, "  %-34s %,10d rows %6.1f s%n", what, rows, (System.nanoTime() - started) / 1e9);
    }

    /** One request people make on a big database: its path, and the target its first answer must meet. */
    record Probe(String name, String path, double targetMillis) {}

    static int time(Bench.Args args) throws Exception {
        String base = args.get("url");
        String auth = OrdoLoad.basic("admin", args.get("admin-password"));
        int repeats = args.integer("repeats", 15);
        long orders = Long.parseLong(args.get("orders", "1000000"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String customer;
        String customerName;
        try (Connection c = DriverManager.getConnection(args.get("jdbc"), args.get("user"), args.get("password", ""));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT customer_id, ship_name FROM sales_order WHERE external_reference = 'SCALE-" + orders / 2
                                + "'")) {
            if (!rs.next()) {
                throw new IllegalStateException("no history loaded: run scale-load first");
            }
            customer = rs.getString(1);
            customerName = rs.getString(2);
        }
        String month = today.minusDays(45).toString();
        List<Probe> probes = List.of(
                new Probe("order list, first page", "/api/orders?size=25", 100),
                new Probe("order list, status CONFIRMED", "/api/orders?size=25&status=CONFIRMED", 100),
                new Probe(
                        "order list, channel EDI + one month",
                        "/api/orders?size=25&channel=EDI&placedFrom=" + month + "&placedTo=" + today.minusDays(15),
                        100),
                new Probe("order list, page 400", "/api/orders?size=25&page=400", 100),
                new Probe("orders of one customer", "/api/orders?size=25&customerId=" + customer, 100),
                new Probe(
                        "order search, number",
                        "/api/orders?size=25&q=SO-" + today.getYear() + "-" + (FIRST_NUMBER + orders),
                        100),
                new Probe("order search, a customer's name", "/api/orders?size=25&q=" + encode(customerName), 100),
                new Probe(
                        "order search, a surname (1 in 30 orders)",
                        "/api/orders?size=25&q=" + encode(customerName.split(" ")[0]),
                        100),
                new Probe(
                        "key figures, one year", "/api/reports/kpis?from=" + today.minusYears(1) + "&to=" + today, 200),
                new Probe(
                        "sales by month, one year",
                        "/api/reports/sales?groupBy=month&from=" + today.minusYears(1) + "&to=" + today,
                        100),
                new Probe("AR aging, today", "/api/reports/ar-aging", 2000));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Map<String, double[]> timings = new LinkedHashMap<>();
        for (Probe probe : probes) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + probe.path()))
                    .header("Authorization", auth)
                    .timeout(Duration.ofSeconds(120))
                    .GET()
                    .build();
            // the first answer warms the JIT and the buffer cache; what counts is a user's repeated look
            String warm =
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            double[] millis = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                millis[i] = (System.nanoTime() - t0) / 1e6;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                            probe.path() + " answered " + response.statusCode() + ": " + response.body());
                }
            }
            Arrays.sort(millis);
            timings.put(probe.name(), millis);
            double p50 = millis[millis.length / 2];
            double max = millis[millis.length - 1];
            String verdict = p50 < probe.targetMillis() ? "met" : "MISSED";
            Results.append(
                    args.get("out"),
                    new Results.Row(
                            "6 data at scale",
                            probe.name(),
                            Double.NaN,
                            p50,
                            Double.NaN,
                            max,
                            "",
                            "",
                            String.format(
                                    Locale.ROOT,
                                    "target p50 < %.0f ms: %s; %d requests, p99 column is the slowest; %s",
                                    probe.targetMillis(),
                                    verdict,
                                    repeats,
                                    summary(warm))));
        }
        return 0;
    }

    private static String summary(String body) {
        int at = body.indexOf("\"totalItems\":");
        if (at >= 0) {
            int end = at + 13;
            while (end < body.length() && Character.isDigit(body.charAt(end))) {
                end++;
            }
            return "totalItems " + body.substring(at + 13, end);
        }
        return body.length() + " bytes";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
