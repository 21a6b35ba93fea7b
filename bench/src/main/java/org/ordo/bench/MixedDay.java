package org.ordo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario 3, a mixed day: closed-loop clients each pick their next piece of work by the day's weights — 45 % place an
 * order (3 lines), 30 % look one up (the order itself, or the first page of its customer's orders), 10 % ship one
 * (plan, pick, scan every unit, pack, ship: what a packer does for one order), 10 % pay one (a payment for a shipped
 * order's total, allocated oldest-first), 5 % cancel or change one (a line's quantity). Work needs its object: ship,
 * pay and cancel/change take orders placed earlier in the run, and when none waits a client places an order instead.
 * Prints one row for all work (operations per second) and one per kind.
 */
final class MixedDay {

    enum Kind {
        PLACE("place"),
        LOOKUP("look up"),
        SHIP("ship"),
        PAY("pay"),
        CANCEL_OR_CHANGE("cancel or change");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    record Placed(String id, String customerId, String total, String currency) {}

    private MixedDay() {}

    static int run(Bench.Args args) throws Exception {
        String url = args.get("urls").split(",")[0];
        int clients = args.integer("clients", 16);
        String adminPassword = args.get("admin-password");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        OrdoLoad.ensureUser(http, url, adminPassword);
        String sales = OrdoLoad.basic(OrdoLoad.USER, OrdoLoad.PASSWORD);
        // the warehouse and accounting work: the administrator has both roles
        String staff = OrdoLoad.basic("admin", adminPassword);

        ConcurrentLinkedQueue<Placed> toShip = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Placed> toPay = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Placed> toLookUp = new ConcurrentLinkedQueue<>();
        Map<Kind, Histogram> perKind = new ConcurrentHashMap<>();
        for (Kind kind : Kind.values()) {
            perKind.put(kind, new Histogram(120_000_000L, 3));
        }
        Client client = new Client(http, url, sales, staff);

        ClosedLoop.Result result = ClosedLoop.run(
                clients,
                Double.parseDouble(args.get("warmup", "5")),
                Double.parseDouble(args.get("seconds", "20")),
                n -> () -> {
                    int dice = ThreadLocalRandom.current().nextInt(100);
                    Kind kind = dice < 45
                            ? Kind.PLACE
                            : dice < 75
                                    ? Kind.LOOKUP
                                    : dice < 85 ? Kind.SHIP : dice < 95 ? Kind.PAY : Kind.CANCEL_OR_CHANGE;
                    Placed work = switch (kind) {
                        case SHIP, CANCEL_OR_CHANGE -> toShip.poll();
                        case PAY -> toPay.poll();
                        case LOOKUP -> toLookUp.peek();
                        case PLACE -> null;
                    };
                    if (work == null) {
                        kind = Kind.PLACE;
                    }
                    long t0 = System.nanoTime();
                    String error = switch (kind) {
                        case PLACE -> client.place(toShip, toLookUp);
                        case LOOKUP -> client.lookUp(work);
                        case SHIP -> client.ship(work, toPay);
                        case PAY -> client.pay(work);
                        case CANCEL_OR_CHANGE -> client.cancelOrChange(work, toShip);
                    };
                    if (error == null) {
                        Histogram h = perKind.get(kind);
                        synchronized (h) {
                            h.recordValue(Math.min((System.nanoTime() - t0) / 1000, 120_000_000L));
                        }
                    }
                    return error == null ? null : kind + " " + error;
                });

        String level = clients + " clients";
        StringBuilder mix = new StringBuilder();
        long total =
                perKind.values().stream().mapToLong(Histogram::getTotalCount).sum();
        for (Kind kind : Kind.values()) {
            mix.append(String.format(
                    Locale.ROOT,
                    "%s%s %.0f%%",
                    mix.isEmpty() ? "" : ", ",
                    kind.label,
                    total == 0 ? 0.0 : 100.0 * perKind.get(kind).getTotalCount() / total));
        }
        String notes = "operations/s; done: " + mix + (result.errorCount() > 0 ? "; " + result.errorSummary() : "");
        Results.append(
                args.get("out"),
                new Results.Row(
                        "3 mixed day, all work",
                        level,
                        result.perSecond(),
                        result.millis(50),
                        result.millis(95),
                        result.millis(99),
                        "",
                        "",
                        notes));
        for (Kind kind : Kind.values()) {
            Histogram h = perKind.get(kind);
            if (h.getTotalCount() > 0) {
                Results.append(
                        args.get("out"),
                        new Results.Row(
                                "3 mixed day, " + kind.label,
                                level,
                                Double.NaN,
                                h.getValueAtPercentile(50) / 1000.0,
                                h.getValueAtPercentile(95) / 1000.0,
                                h.getValueAtPercentile(99) / 1000.0,
                                "",
                                "",
                                kind == Kind.SHIP
                                        ? "plan, pick, one scan per unit, pack, ship"
                                        : kind == Kind.LOOKUP ? "the order, or its customer's first page" : ""));
            }
        }
        return result.failed() ? 1 : 0;
    }

    /** The HTTP calls of each kind of work; each returns null when it succeeded, else what went wrong. */
    record Client(HttpClient http, String url, String sales, String staff) {

        String place(ConcurrentLinkedQueue<Placed> toShip, ConcurrentLinkedQueue<Placed> toLookUp) throws Exception {
            HttpResponse<String> r = send("POST", "/api/orders", OrdoLoad.orderBody(3), sales, true);
            if (r.statusCode() != 201) {
                return "HTTP " + r.statusCode();
            }
            JsonNode order = JSON.readTree(r.body());
            Placed placed = new Placed(
                    order.get("id").asString(),
                    order.get("customerId").asString(),
                    order.get("totals").get("total").get("amount").asString(),
                    order.get("totals").get("total").get("currency").asString());
            toShip.add(placed);
            toLookUp.add(placed);
            if (toLookUp.size() > 1000) {
                toLookUp.poll();
            }
            return null;
        }

        String lookUp(Placed order) throws Exception {
            String path = ThreadLocalRandom.current().nextBoolean()
                    ? "/api/orders/" + order.id()
                    : "/api/orders?size=25&customerId=" + order.customerId();
            HttpResponse<String> r = send("GET", path, null, sales, false);
            return r.statusCode() == 200 ? null : "HTTP " + r.statusCode();
        }

        String ship(Placed order, ConcurrentLinkedQueue<Placed> toPay) throws Exception {
            HttpResponse<String> planned = send("POST", "/api/orders/" + order.id() + "/shipments", "{}", staff, true);
            if (planned.statusCode() != 201) {
                return "plan HTTP " + planned.statusCode();
            }
            for (JsonNode shipment : JSON.readTree(planned.body()).get("shipments")) {
                String id = shipment.get("id").asString();
                HttpResponse<String> picked = send("POST", "/api/shipments/" + id + "/pick", null, staff, false);
                if (picked.statusCode() != 200) {
                    return "pick HTTP " + picked.statusCode();
                }
                for (JsonNode line : shipment.get("lines")) {
                    for (long unit = 0; unit < line.get("quantity").asLong(); unit++) {
                        HttpResponse<String> scanned = send(
                                "POST",
                                "/api/shipments/" + id + "/scan",
                                "{\"code\":\"" + line.get("sku").asString() + "\"}",
                                staff,
                                false);
                        if (scanned.statusCode() != 200) {
                            return "scan HTTP " + scanned.statusCode();
                        }
                    }
                }
                HttpResponse<String> packed = send("POST", "/api/shipments/" + id + "/pack", null, staff, false);
                if (packed.statusCode() != 200) {
                    return "pack HTTP " + packed.statusCode();
                }
                HttpResponse<String> shipped =
                        send("POST", "/api/shipments/" + id + "/ship", "{\"carrier\":\"DHL\"}", staff, true);
                if (shipped.statusCode() != 200) {
                    return "ship HTTP " + shipped.statusCode();
                }
            }
            toPay.add(order);
            return null;
        }

        String pay(Placed order) throws Exception {
            String body = "{\"customerId\":\"" + order.customerId() + "\",\"amount\":{\"amount\":\"" + order.total()
                    + "\",\"currency\":\"" + order.currency()
                    + "\"},\"method\":\"BANK_TRANSFER\",\"reference\":\"mixed-day " + order.id() + "\"}";
            HttpResponse<String> r = send("POST", "/api/payments", body, staff, true);
            return r.statusCode() == 201 ? null : "HTTP " + r.statusCode();
        }

        String cancelOrChange(Placed order, ConcurrentLinkedQueue<Placed> toShip) throws Exception {
            if (ThreadLocalRandom.current().nextBoolean()) {
                HttpResponse<String> r = send(
                        "POST",
                        "/api/orders/" + order.id() + "/cancel",
                        "{\"reason\":\"customer changed their mind\"}",
                        sales,
                        false);
                return r.statusCode() == 200 ? null : "cancel HTTP " + r.statusCode();
            }
            HttpResponse<String> r = send(
                    "PATCH",
                    "/api/orders/" + order.id(),
                    "{\"lines\":[{\"lineNumber\":1,\"quantity\":4}],\"reason\":\"customer called\"}",
                    sales,
                    false);
            if (r.statusCode() != 200) {
                return "change HTTP " + r.statusCode();
            }
            // a changed order still ships
            toShip.add(order);
            return null;
        }

        private HttpResponse<String> send(
                String method, String path, String body, String authorization, boolean idempotent) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .header("Authorization", authorization)
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (idempotent) {
                request.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
