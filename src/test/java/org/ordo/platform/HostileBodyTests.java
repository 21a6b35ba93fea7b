package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every write operation of the OpenAPI document, sent malformed and hostile bodies derived from its request schema, answers
 * with a 4xx problem document naming the field to blame, never a server error, and leaves the data consistent.
 */
@OrdoTest
class HostileBodyTests {

    private static final long SEED = 20_261_204L;
    private static final long MILLIS_PER_OPERATION = 3_000;
    private static final String HOLE = "\"@@hostile@@\"";
    private static final String HUGE = "x".repeat(1024 * 1024);
    private static final String DEEP = "[".repeat(5000) + "]".repeat(5000);

    @LocalServerPort
    int port;

    private final List<String> failures = new ArrayList<>();
    private Random random;
    private JsonNode spec;

    @Test
    void noHostileBodyOnAnyWriteOperationGetsAServerErrorOrLeavesTheDataInconsistent() {
        random = new Random(SEED);
        Api admin = Api.at(port).asAdmin();
        String token = admin.post("/api/users/admin/tokens", Map.of("name", Fixtures.unique("hostile")))
                .expect(201)
                .json()
                .get("token")
                .asString();
        Api api = Api.at(port).bearer(token);
        spec = admin.get("/v3/api-docs").expect(200).json();
        Map<String, String> ids = realIds(admin);
        int operations = 0;
        Map<String, JsonNode> paths = new TreeMap<>();
        spec.get("paths").properties().forEach(p -> paths.put(p.getKey(), p.getValue()));
        for (Map.Entry<String, JsonNode> path : paths.entrySet()) {
            for (String method : List.of("post", "put", "patch")) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null && !path.getKey().startsWith("/api/users/me")) {
                    attack(api, method.toUpperCase(), fill(path.getKey(), ids), operation);
                    operations++;
                }
            }
        }

        assertThat(operations).as("write operations in the OpenAPI document").isGreaterThan(30);
        assertThat(failures).isEmpty();
        assertThat(new Fixtures(port).consistency().get("consistent").asBoolean())
                .as("consistency after the attack")
                .isTrue();
    }

    /** Real resources, so that operations on them get past "not found" into deeper code. */
    private Map<String, String> realIds(Api admin) {
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("12.50");
        fixtures.receive(sku, warehouse, 10);
        UUID customer = fixtures.customer("1000.00", warehouse);
        String order = admin.post("/api/orders", Fixtures.order(customer, sku, 2))
                .expect(201)
                .json()
                .get("id")
                .asString();
        String user = Fixtures.unique("hostile").toLowerCase();
        admin.post(
                        "/api/users",
                        Map.of("username", user, "password", "a long enough password", "roles", List.of("SALES")))
                .expect(201);
        return Map.of(
                "/api/customers/{id}",
                customer.toString(),
                "/api/orders/{id}",
                order,
                "{sku}",
                sku,
                "{warehouse}",
                warehouse,
                "{username}",
                user,
                "{code}",
                "UPS",
                "{system}",
                "hostile-crm",
                "{externalId}",
                Fixtures.unique("ext"),
                "{deliveryId}",
                UUID.randomUUID().toString());
    }

    private String fill(String template, Map<String, String> ids) {
        String path = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            String key = id.getKey();
            if (key.startsWith("/") && path.startsWith(key)) {
                path = id.getValue() == null ? path : key.replace("{id}", id.getValue()) + path.substring(key.length());
            } else if (!key.startsWith("/")) {
                path = path.replace(key, id.getValue());
            }
        }
        return path.replace("{id}", new UUID(random.nextLong(), random.nextLong()).toString());
    }

    private void attack(Api api, String method, String path, JsonNode operation) {
        long deadline = System.currentTimeMillis() + MILLIS_PER_OPERATION;
        JsonNode body = operation.path("requestBody");
        JsonNode content = body.path("content");
        if (!content.path("multipart/form-data").isMissingNode()
                || (!content.isMissingNode() && content.path("application/json").isMissingNode())) {
            return; // a file upload or a raw document (EDI): no JSON to attack, its own tests check what it reads
        }
        boolean bodyRequired = body.path("required").asBoolean(false);
        JsonNode schema = resolve(body.path("content").path("application/json").path("schema"));
        JsonNode sample = sample("body", schema, 0);
        String valid = Api.JSON.writeValueAsString(sample);
        List<Attack> attacks = new ArrayList<>(wholeBodyAttacks(valid, sample, bodyRequired));
        List<Field> fields = new ArrayList<>();
        leaves(schema, sample, "", List.of(), fields, 0);
        List<Field> texts =
                fields.stream().filter(f -> "string".equals(type(f.schema))).toList();
        Field huge = texts.isEmpty() ? null : texts.get(random.nextInt(texts.size()));
        for (Field field : fields) {
            attacks.addAll(fieldAttacks(sample, field, field == huge));
        }
        for (Attack attack : attacks) {
            if (System.currentTimeMillis() > deadline) {
                break;
            }
            // an operation without a body ignores what is sent: only a server error counts there; so on the carriers'
            // webhook, which reports each refused event in its answer instead of refusing the call
            check(api, method, path, body.isMissingNode() || isCarrierWebhook(path) ? attack.tolerated() : attack);
        }
    }

    private static List<Attack> wholeBodyAttacks(String valid, JsonNode sample, boolean bodyRequired) {
        List<Attack> attacks = new ArrayList<>();
        attacks.add(new Attack("empty body", "", bodyRequired, null));
        attacks.add(new Attack("null body", "null", bodyRequired, null));
        attacks.add(new Attack("5000 nested arrays", DEEP, true, null));
        attacks.add(new Attack("raw NaN", "NaN", true, null));
        attacks.add(new Attack("cut short", valid.substring(0, Math.max(1, valid.length() / 2)), true, null));
        if (sample.isObject()) {
            attacks.add(new Attack("array for the object", "[" + valid + "]", true, null));
            attacks.add(new Attack("number for the object", "42", true, null));
            Iterator<String> names = sample.propertyNames().iterator();
            if (names.hasNext()) {
                String first = names.next();
                String value = Api.JSON.writeValueAsString(sample.get(first));
                attacks.add(new Attack(
                        "duplicated key " + first,
                        "{\"" + first + "\":" + value + "," + valid.substring(1),
                        true,
                        null));
                attacks.add(
                        new Attack("5000 nested arrays in " + first, with(sample, List.of(first), DEEP), true, null));
            }
        }
        return attacks;
    }

    private static List<Attack> fieldAttacks(JsonNode sample, Field field, boolean huge) {
        List<String> bound = new ArrayList<>();
        List<String> content = new ArrayList<>();
        List<String> malformed = new ArrayList<>(List.of("NaN", "Infinity", "-Infinity"));
        List<String> odd = new ArrayList<>();
        switch (type(field.schema)) {
            case "integer" ->
                bound.addAll(List.of(
                        "\"twelve\"",
                        "1e400",
                        "99999999999999999999",
                        "-99999999999999999999",
                        "1.5",
                        "\"NaN\"",
                        "\"Infinity\"",
                        "{}"));
            case "number" -> bound.addAll(List.of("\"twelve\"", "\"NaN\"", "\"Infinity\"", "{}", "[]"));
            case "boolean" -> bound.addAll(List.of("\"maybe\"", "{}", "[]"));
            case "array" -> bound.addAll(List.of("{}", "\"text\""));
            case "object" -> bound.addAll(List.of("[]", "true"));
            default -> {
                bound.addAll(List.of("{}", "\"a\\u0000b\"", "\"bell\\u0007\""));
                if (!field.schema.path("format").asString("").startsWith("date")) {
                    // a date is still read from an empty array as no date at all (Jackson's dates-as-arrays)
                    bound.add("[]");
                }
                content.add("\"\\u202eevil\"");
                if (huge) {
                    content.add("\"" + HUGE + "\"");
                }
                if (field.schema.has("enum")) {
                    bound.add("0");
                }
            }
        }
        if ("number".equals(type(field.schema))) {
            content.addAll(List.of("1e400", "99999999999999999999"));
        }
        List<Attack> attacks = new ArrayList<>();
        for (String value : bound) {
            attacks.add(new Attack(
                    field.path + " = " + abbreviate(value), with(sample, field.steps, value), true, field.path));
        }
        for (String value : content) {
            attacks.add(
                    new Attack(field.path + " = " + abbreviate(value), with(sample, field.steps, value), true, null));
        }
        if (List.of("integer", "number").contains(type(field.schema))) {
            odd.addAll(List.of("-1", "0", "0.0000001"));
        }
        for (String value : odd) {
            attacks.add(new Attack(field.path + " = " + value, with(sample, field.steps, value), false, null));
        }
        for (String value : malformed) {
            attacks.add(new Attack(field.path + " = " + value, with(sample, field.steps, value), true, null));
        }
        return attacks;
    }

    private static boolean isCarrierWebhook(String path) {
        return path.startsWith("/api/carriers/");
    }

    /** Sends one attack and notes what went wrong: a server error, an acceptance, or a refusal that blames no field. */
    private void check(Api api, String method, String path, Attack attack) {
        Api caller = api.header("Idempotency-Key", UUID.randomUUID().toString());
        if (isCarrierWebhook(path)) {
            // signed, so that the body gets past the signature into the parsing
            caller = Api.at(port).signedByCarrier(Api.CARRIER_SECRET, Instant.now(), String.valueOf(attack.body));
        }
        Api.Response response = caller.send(method, path, attack.body);
        String where = method + " " + path + " [" + attack.name + "] ";
        if (response.status() >= 500) {
            failures.add(where + "got " + response.status() + ": " + abbreviate(response.text()));
            return;
        }
        if (!attack.mustRefuse) {
            return;
        }
        String attacked = attack.field != null
                ? attack.field
                : attack.name.contains(" = ") ? attack.name.substring(0, attack.name.indexOf(" = ")) : null;
        if (response.status() < 400 && quoteNames(path, response, attacked)) {
            return; // a quote places nothing: it answers with the problems, as order entry shows them while typing
        }
        if (response.status() < 400) {
            failures.add(where + "was accepted with " + response.status() + ": " + abbreviate(response.text()));
            return;
        }
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            failures.add(where + "answered " + response.status() + " as " + type);
            return;
        }
        if (attack.field != null && !blames(response.json(), attack.field)) {
            failures.add(where + "does not name " + attack.field + ": " + abbreviate(response.text()));
        }
    }

    /** Whether the problem names the field, or the value that holds it (a money amount is blamed on the money). */
    private static boolean quoteNames(String path, Api.Response response, String field) {
        if (!path.endsWith("/quote") || response.status() != 200 || field == null) {
            return false;
        }
        return StreamSupport.stream(response.json().path("problems").spliterator(), false)
                .map(p -> p.path("field").asString())
                .anyMatch(
                        named -> named.equals(field) || field.startsWith(named + ".") || field.startsWith(named + "["));
    }

    private static boolean blames(JsonNode problem, String field) {
        if (problem.path("status").asInt() != 400 || !problem.has("errors")) {
            return false;
        }
        return Fixtures.fields(problem).stream()
                .anyMatch(
                        named -> named.equals(field) || field.startsWith(named + ".") || field.startsWith(named + "["));
    }

    /** The sample as JSON with the value at {@code steps} replaced by raw JSON text (which may be malformed). */
    private static String with(JsonNode sample, List<Object> steps, String raw) {
        JsonNode copy = sample.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < steps.size() - 1; i++) {
            Object step = steps.get(i);
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, Api.JSON.getNodeFactory().stringNode("@@hostile@@"));
        } else {
            ((ObjectNode) parent).put((String) last, "@@hostile@@");
        }
        return Api.JSON.writeValueAsString(copy).replace(HOLE, raw);
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return Api.JSON.createObjectNode();
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return resolve(spec.path("components").path("schemas").path(name));
        }
        for (String choice : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(choice) && !schema.get(choice).isEmpty()) {
                return resolve(schema.get(choice).get(0));
            }
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    /** A plausible value for the schema; a made-up id or code where one is wanted. */
    private JsonNode sample(String name, JsonNode schema, int depth) {
        var nodes = Api.JSON.getNodeFactory();
        switch (type(schema)) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                // deep enough for a Money inside a line's discount (body, lines, line, discount, amount)
                if (depth < 6) {
                    schema.path("properties")
                            .properties()
                            .forEach(p -> object.set(p.getKey(), sample(p.getKey(), resolve(p.getValue()), depth + 1)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                if (depth < 6) {
                    array.add(sample("item", resolve(schema.path("items")), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return nodes.numberNode(1);
            }
            case "number" -> {
                return nodes.numberNode(new java.math.BigDecimal("1.00"));
            }
            case "boolean" -> {
                return nodes.booleanNode(false);
            }
            default -> {
                return nodes.stringNode(sampleText(name, schema));
            }
        }
    }

    private String sampleText(String name, JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        switch (name) {
            case "amount", "unitPrice", "price" -> {
                return "10.00";
            }
            case "currency" -> {
                return "EUR";
            }
            case "country" -> {
                return "DE";
            }
            default -> {
                // a plain text below
            }
        }
        return switch (schema.path("format").asString("")) {
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            case "date" -> "2026-12-31";
            case "date-time" -> "2026-12-31T12:00:00Z";
            default -> "Sample" + random.nextInt(1000);
        };
    }

    /** Every field of the sample reachable from the schema: objects and arrays themselves, and the values in them. */
    private void leaves(JsonNode schema, JsonNode sample, String path, List<Object> steps, List<Field> out, int depth) {
        if (depth > 3) {
            return;
        }
        if (sample.isObject()) {
            schema.path("properties").properties().forEach(p -> {
                List<Object> next = new ArrayList<>(steps);
                next.add(p.getKey());
                String name = path.isEmpty() ? p.getKey() : path + "." + p.getKey();
                JsonNode child = resolve(p.getValue());
                out.add(new Field(name, next, child));
                leaves(child, sample.get(p.getKey()), name, next, out, depth + 1);
            });
        } else if (sample.isArray() && !sample.isEmpty()) {
            List<Object> next = new ArrayList<>(steps);
            next.add(0);
            JsonNode items = resolve(schema.path("items"));
            out.add(new Field(path + "[0]", next, items));
            leaves(items, sample.get(0), path + "[0]", next, out, depth + 1);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }

    private record Field(String path, List<Object> steps, JsonNode schema) {}

    /** One hostile body; {@code field} is the field a refusal must name, when one field is to blame. */
    private record Attack(String name, String body, boolean mustRefuse, String field) {

        Attack tolerated() {
            return new Attack(name, body, false, null);
        }
    }
}
