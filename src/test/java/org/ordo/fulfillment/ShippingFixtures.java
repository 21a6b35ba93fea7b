package org.ordo.fulfillment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.ordo.shared.Gtin;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/** Builds orders and moves shipments along through the API, for the fulfilment tests. */
public final class ShippingFixtures {

    private final Api admin;
    private final Fixtures fixtures;

    public ShippingFixtures(int port) {
        this.admin = Api.at(port).asAdmin();
        this.fixtures = new Fixtures(port);
    }

    public Fixtures fixtures() {
        return fixtures;
    }

    /** A random valid GTIN-13. */
    public static String gtin() {
        StringBuilder digits = new StringBuilder("4");
        for (int i = 0; i < 11; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString() + Gtin.checkDigit(digits.toString());
    }

    /** A product of 250 g with this GTIN. */
    public String product(String gtin) {
        String sku = Fixtures.unique("SKU");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("name", "Product " + sku);
        body.put("unitPrice", Fixtures.money("4.00", "EUR"));
        body.put("taxCategory", "STANDARD");
        body.put("gtin", gtin);
        body.put("weightGrams", 250);
        admin.post("/api/products", body).expect(201);
        return sku;
    }

    public void bin(String warehouse, String sku, String bin) {
        admin.put(
                        "/api/inventory/levels/" + warehouse + "/" + sku,
                        Map.of("safetyStock", 0, "reorderPoint", 0, "binLocation", bin))
                .expect(200);
    }

    /** Places an order; {@code skuAndQuantity} alternates SKU and quantity. */
    public JsonNode order(UUID customer, String shippingMethod, Object... skuAndQuantity) {
        Map<String, Object> body = Fixtures.order(customer, skuAndQuantity);
        if (shippingMethod != null) {
            body.put("shippingMethod", shippingMethod);
        }
        return admin.post("/api/orders", body).expect(201).json();
    }

    /** Plans everything reserved; returns the created shipments. */
    public JsonNode plan(String orderId) {
        return admin.post("/api/orders/" + orderId + "/shipments", Map.of())
                .expect(201)
                .json()
                .get("shipments");
    }

    /** Starts picking, scans every unit by SKU and packs. */
    public JsonNode pickAndPack(String shipmentId) {
        admin.post("/api/shipments/" + shipmentId + "/pick", null).expect(200);
        JsonNode shipment =
                admin.get("/api/shipments/" + shipmentId).expect(200).json();
        for (JsonNode line : shipment.get("lines")) {
            for (long i = 0; i < line.get("quantity").asLong(); i++) {
                admin.post(
                                "/api/shipments/" + shipmentId + "/scan",
                                Map.of("code", line.get("sku").asString()))
                        .expect(200);
            }
        }
        return admin.post("/api/shipments/" + shipmentId + "/pack", null)
                .expect(200)
                .json();
    }

    /** A single-warehouse order of {@code quantity} units, planned, picked and packed; returns the shipment. */
    public JsonNode packedShipment(long quantity) {
        String warehouse = fixtures.warehouse();
        String sku = product(gtin());
        fixtures.receive(sku, warehouse, quantity);
        JsonNode order = order(fixtures.customer("100000.00"), null, sku, quantity);
        JsonNode shipment = plan(order.get("id").asString()).get(0);
        return pickAndPack(shipment.get("id").asString());
    }

    public static List<String> fields(JsonNode problem) {
        JsonNode errors = problem.get("errors");
        return errors == null
                ? List.of()
                : errors.valueStream().map(e -> e.get("field").asString()).toList();
    }
}
