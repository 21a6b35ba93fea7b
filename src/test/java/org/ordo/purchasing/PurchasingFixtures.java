package org.ordo.purchasing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/** Suppliers, offers and purchase orders through the API, for the purchasing tests. */
final class PurchasingFixtures {

    final Api admin;
    final Fixtures fixtures;

    PurchasingFixtures(int port) {
        this.admin = Api.at(port).asAdmin();
        this.fixtures = new Fixtures(port);
    }

    /** A new active supplier invoicing in EUR; its id. */
    String supplier(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Fixtures.unique(name));
        body.put("contactName", "Erika Muster");
        body.put("email", "sales@supplier.example");
        body.put("currency", "EUR");
        body.put("paymentTermsDays", 30);
        body.put("address", Fixtures.address(name));
        return admin.post("/api/suppliers", body).expect(201).json().get("id").asString();
    }

    static Map<String, Object> offer(String price, long moq, long packSize, int leadTimeDays) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("supplierItemCode", "X-" + price);
        body.put("unitPrice", Fixtures.money(price, "EUR"));
        body.put("minimumOrderQuantity", moq);
        body.put("packSize", packSize);
        body.put("leadTimeDays", leadTimeDays);
        return body;
    }

    void offer(String supplierId, String sku, String price, long moq, long packSize, int leadTimeDays) {
        admin.put("/api/suppliers/" + supplierId + "/items/" + sku, offer(price, moq, packSize, leadTimeDays))
                .expect(200);
    }

    /** A purchase order body: {@code skuAndQuantity} alternates SKU and quantity; prices from the offers. */
    static Map<String, Object> purchaseOrder(String supplierId, String warehouse, Object... skuAndQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1]));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("supplierId", supplierId);
        body.put("warehouse", warehouse);
        body.put("lines", lines);
        return body;
    }

    /** A DRAFT purchase order. */
    JsonNode draft(String supplierId, String warehouse, Object... skuAndQuantity) {
        return admin.post("/api/purchase-orders", purchaseOrder(supplierId, warehouse, skuAndQuantity))
                .expect(201)
                .json();
    }

    /** A SENT purchase order; its id. */
    String sent(String supplierId, String warehouse, Object... skuAndQuantity) {
        String id = draft(supplierId, warehouse, skuAndQuantity).get("id").asString();
        admin.post("/api/purchase-orders/" + id + "/send", Map.of()).expect(200);
        return id;
    }

    /** A receipt body: {@code lineAndQuantity} alternates line number and quantity. */
    static Map<String, Object> receipt(String reason, Object... lineAndQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < lineAndQuantity.length; i += 2) {
            lines.add(Map.of("lineNumber", lineAndQuantity[i], "quantity", lineAndQuantity[i + 1]));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lines", lines);
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    JsonNode purchaseOrder(String id) {
        return admin.get("/api/purchase-orders/" + id).expect(200).json();
    }
}
