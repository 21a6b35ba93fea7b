package org.ordo.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/** Builds test data through the API, with unique names so that tests sharing one database never collide. */
public final class Fixtures {

    private final Api admin;

    public Fixtures(int port) {
        this.admin = Api.at(port).asAdmin();
    }

    public static String unique(String prefix) {
        return prefix + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36)
                        .toUpperCase();
    }

    public static Map<String, Object> money(String amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    public static Map<String, Object> address(String name) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("line1", "Hauptstraße 1");
        a.put("city", "Berlin");
        a.put("postalCode", "10115");
        a.put("country", "DE");
        return a;
    }

    public String warehouse() {
        String code = unique("WH");
        admin.post(
                        "/api/warehouses",
                        Map.of("code", code, "name", "Warehouse " + code, "address", address("Warehouse " + code)))
                .expect(201);
        return code;
    }

    public String product(String price) {
        return product(price, "STANDARD");
    }

    public String product(String price, String taxCategory) {
        String sku = unique("SKU");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("name", "Product " + sku);
        body.put("unitPrice", money(price, "EUR"));
        body.put("taxCategory", taxCategory);
        body.put("weightGrams", 250);
        admin.post("/api/products", body).expect(201);
        return sku;
    }

    public UUID customer(String creditLimit) {
        return customer(creditLimit, null);
    }

    public UUID customer(String creditLimit, String preferredWarehouse) {
        Map<String, Object> body = new LinkedHashMap<>();
        String name = unique("Customer");
        body.put("name", name);
        body.put("email", name.toLowerCase() + "@example.com");
        body.put("currency", "EUR");
        body.put("creditLimit", money(creditLimit, "EUR"));
        body.put("paymentTermsDays", 30);
        body.put("billingAddress", address(name));
        if (preferredWarehouse != null) {
            body.put("preferredWarehouse", preferredWarehouse);
        }
        JsonNode created = admin.post("/api/customers", body).expect(201).json();
        return UUID.fromString(created.get("id").asString());
    }

    public void receive(String sku, String warehouse, long quantity) {
        admin.post(
                        "/api/inventory/movements",
                        Map.of(
                                "sku",
                                sku,
                                "warehouse",
                                warehouse,
                                "quantity",
                                quantity,
                                "type",
                                "RECEIPT",
                                "reason",
                                "test stock"))
                .expect(201);
    }

    /** An order body: {@code skuAndQuantity} alternates SKU and quantity. */
    public static Map<String, Object> order(UUID customerId, Object... skuAndQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1]));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId.toString());
        body.put("lines", lines);
        return body;
    }

    /** The stock level of one SKU in one warehouse: {onHand, reserved, available, backordered, ...}. */
    public JsonNode level(String sku, String warehouse) {
        JsonNode items = admin.get("/api/inventory?sku=" + sku + "&warehouse=" + warehouse)
                .expect(200)
                .json()
                .get("items");
        return items.isEmpty() ? null : items.get(0);
    }

    /** The fields named by a problem document's {@code errors}. */
    public static List<String> fields(JsonNode problem) {
        return problem.get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    public JsonNode consistency() {
        return admin.get("/api/admin/consistency").expect(200).json();
    }
}
