package org.ordo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * After a load: {@code GET /api/admin/consistency} must say {@code "consistent": true}, and, counted independently
 * in SQL, no stock level may hold more reservations than stock and the order lines of each contention set may
 * not have reserved more units than the set had. Exit status 1 otherwise.
 */
final class Check {

    private Check() {}

    static int run(Bench.Args args) throws Exception {
        String url = args.get("url").split(",")[0];
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/admin/consistency"))
                        .timeout(Duration.ofMinutes(5))
                        .header("Accept", "application/json")
                        .header("Authorization", OrdoLoad.basic("admin", args.get("admin-password")))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double checkSeconds = (System.nanoTime() - started) / 1e9;
        boolean consistent =
                response.statusCode() == 200 && response.body().replace(" ", "").contains("\"consistent\":true");
        List<String> notes = new ArrayList<>();
        notes.add((consistent
                        ? "consistency check clean"
                        : "CONSISTENCY CHECK FAILED: HTTP " + response.statusCode() + " "
                                + abbreviate(response.body(), 600))
                + String.format(Locale.ROOT, " (%.1f s)", checkSeconds));
        long oversell = 0;
        if (args.values().containsKey("jdbc")) {
            try (Connection c =
                    DriverManager.getConnection(args.get("jdbc"), args.get("user"), args.get("password", ""))) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(
                                "SELECT COUNT(*), COALESCE(SUM(reserved - on_hand), 0) FROM stock_level WHERE reserved > on_hand")) {
                    rs.next();
                    oversell += rs.getLong(2);
                    if (rs.getLong(1) > 0) {
                        notes.add(rs.getLong(1) + " stock levels oversold");
                    }
                }
                for (String set : args.get("hot", "").split(",")) {
                    if (set.isBlank()) {
                        continue;
                    }
                    long[] totals = hotTotals(c, set);
                    oversell += Math.max(0, totals[1] - totals[0]);
                    notes.add(String.format(
                            Locale.ROOT,
                            "%s: %d of %d units reserved by %d orders",
                            set,
                            totals[1],
                            totals[0],
                            totals[2]));
                }
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sales_order")) {
                    rs.next();
                    notes.add(rs.getLong(1) + " orders in the database");
                }
            }
            notes.add("oversell " + oversell);
        }
        Results.append(
                args.get("out"),
                new Results.Row(
                        args.get("scenario", "check"),
                        args.get("level", "consistency"),
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        "",
                        "",
                        String.join("; ", notes)));
        return consistent && oversell == 0 ? 0 : 1;
    }

    /** On hand, reserved by order lines (as the orders say) and the number of orders, over a contention set's SKUs. */
    private static long[] hotTotals(Connection c, String set) throws Exception {
        long[] totals = new long[3];
        try (PreparedStatement ps =
                c.prepareStatement("SELECT COALESCE(SUM(on_hand), 0) FROM stock_level WHERE sku LIKE ?")) {
            ps.setString(1, set + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                totals[0] = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(SUM(reserved_quantity + shipped_quantity), 0), COUNT(DISTINCT order_id) FROM order_line WHERE sku LIKE ?")) {
            ps.setString(1, set + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                totals[1] = rs.getLong(1);
                totals[2] = rs.getLong(2);
            }
        }
        return totals;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
