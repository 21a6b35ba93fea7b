package org.ordo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places orders through {@code POST /api/orders} as an integrator does: JSON, a unique Idempotency-Key per order,
 * HTTP Basic (or a Bearer API token), keep-alive connections, requests spread round-robin over the given base URLs.
 *
 * <p>With {@code --hot=SET} it is the contention load instead: every order asks for 1 to 3 units of two of the
 * five SKUs of that set, which have 1,000 units in all; the units reserved, as the answers say, are tallied, and
 * more than 1,000 is an oversell (exit status 1). A failed request, nothing placed or a hung client fail it too.
 */
final class OrdoLoad {

    static final String USER = "bench-sales";
    static final String PASSWORD = "bench-sales-password-1";
    private static final Pattern RESERVED = Pattern.compile("\"reservedQuantity\"\\s*:\\s*(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private OrdoLoad() {}

    static int run(Bench.Args args) throws Exception {
        List<String> urls = List.of(args.get("urls").split(","));
        int clients = args.integer("clients", 1);
        int lines = args.integer("lines", 10);
        String hot = args.get("hot", "");
        String auth = args.get("auth", "basic");
        String adminPassword = args.get("admin-password");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        ensureUser(http, urls.get(0), adminPassword);
        String authorization =
                "bearer".equals(auth) ? "Bearer " + issueToken(http, urls.get(0)) : basic(USER, PASSWORD);

        LongAdder reservedUnits = new LongAdder();
        AtomicLong soldOutAt = new AtomicLong();
        long hotUnits = BenchData.HOT_SKUS
                * java.util.Arrays.stream(BenchData.HOT_STOCK).sum();
        AtomicLong next = new AtomicLong();
        long started = System.nanoTime();
        ClosedLoop.Result result = ClosedLoop.run(
                clients,
                Double.parseDouble(args.get("warmup", "5")),
                Double.parseDouble(args.get("seconds", "20")),
                client -> () -> {
                    String body = hot.isEmpty() ? orderBody(lines) : hotOrderBody(hot);
                    String url = urls.get((int) (next.getAndIncrement() % urls.size()));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/orders"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .header("Authorization", authorization)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build();
                    HttpResponse<String> response =
                            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (response.statusCode() != 201) {
                        return "HTTP " + response.statusCode();
                    }
                    if (!hot.isEmpty()) {
                        Matcher m = RESERVED.matcher(response.body());
                        long units = 0;
                        while (m.find()) {
                            units += Long.parseLong(m.group(1));
                        }
                        reservedUnits.add(units);
                        if (units > 0 && reservedUnits.sum() >= hotUnits) {
                            soldOutAt.compareAndSet(0, System.nanoTime());
                        }
                    }
                    return null;
                });

        List<String> notes = new ArrayList<>();
        notes.add(auth.equals("bearer") ? "Bearer token" : "Basic auth");
        if (urls.size() > 1) {
            notes.add(urls.size() + " processes");
        }
        if (args.values().containsKey("per-line")) {
            notes.add(String.format(
                    Locale.ROOT,
                    "per line p50 %.2f ms, p99 %.2f ms",
                    result.millis(50) / lines,
                    result.millis(99) / lines));
        }
        long oversold = 0;
        if (!hot.isEmpty()) {
            long reserved = reservedUnits.sum();
            oversold = Math.max(0, reserved - hotUnits);
            notes.add("reserved " + reserved + " of " + hotUnits + " units");
            notes.add(
                    soldOutAt.get() == 0
                            ? "not sold out"
                            : String.format(Locale.ROOT, "sold out after %.1f s", (soldOutAt.get() - started) / 1e9));
            notes.add("oversell " + oversold);
        }
        if (result.errorCount() > 0) {
            notes.add(result.errorSummary());
        }
        if (result.stuckClients() > 0) {
            notes.add(result.stuckClients() + " clients did not finish");
        }
        if (result.completed() == 0) {
            notes.add("nothing placed");
        }
        if (args.values().containsKey("notes")) {
            notes.add(args.get("notes"));
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
                        String.join("; ", notes)));
        return oversold > 0 || result.failed() ? 1 : 0;
    }

    /** {@code lines} distinct SKUs of the catalog, 1 to 3 units each, for a random customer. */
    static String orderBody(int lines) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder b = new StringBuilder(64 + lines * 40);
        b.append("{\"customerId\":\"")
                .append(BenchData.randomCustomer())
                .append("\",\"channel\":\"API\",\"externalReference\":\"bench-")
                .append(random.nextLong(Long.MAX_VALUE))
                .append("\",\"lines\":[");
        int[] products = BenchData.randomProducts(lines);
        for (int i = 0; i < products.length; i++) {
            b.append(i == 0 ? "" : ",")
                    .append("{\"sku\":\"")
                    .append(BenchData.sku(products[i]))
                    .append("\",\"quantity\":")
                    .append(1 + random.nextInt(3))
                    .append('}');
        }
        return b.append("]}").toString();
    }

    static String hotOrderBody(String set) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> skus = BenchData.hotSkus(set);
        int first = random.nextInt(skus.size());
        int second = (first + 1 + random.nextInt(skus.size() - 1)) % skus.size();
        return "{\"customerId\":\"" + BenchData.randomCustomer() + "\",\"channel\":\"API\",\"lines\":["
                + "{\"sku\":\"" + skus.get(first) + "\",\"quantity\":" + (1 + random.nextInt(3)) + "},"
                + "{\"sku\":\"" + skus.get(second) + "\",\"quantity\":" + (1 + random.nextInt(3)) + "}]}";
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Creates the SALES user the load runs as; a 409 means an earlier step created it. */
    static void ensureUser(HttpClient http, String url, String adminPassword) throws IOException, InterruptedException {
        String body = "{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"Benchmark client\",\"roles\":[\"SALES\"]}";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/users"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", basic("admin", adminPassword))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException(
                    "creating the benchmark user: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    static String issueToken(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/users/" + USER + "/tokens"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", basic(USER, PASSWORD))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench-" + UUID.randomUUID() + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(response.body());
        if (response.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException(
                    "issuing an API token: HTTP " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }
}
