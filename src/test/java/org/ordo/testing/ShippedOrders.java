package org.ordo.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.fulfillment.ShippingFixtures;
import tools.jackson.databind.JsonNode;

/** Orders that went all the way to the customer: placed, shipped by UPS in full, delivered and invoiced, through the API. */
public final class ShippedOrders {

    private final Api admin;
    private final ShippingFixtures shipping;
    private final Fixtures fixtures;

    public ShippedOrders(int port) {
        this.admin = Api.at(port).asAdmin();
        this.shipping = new ShippingFixtures(port);
        this.fixtures = shipping.fixtures();
    }

    public Fixtures fixtures() {
        return fixtures;
    }

    /** {@code invoiceNumber} is the issued invoice of the shipment; {@code trackingNumber} the UPS one. */
    public record Shipped(
            UUID customer,
            String orderId,
            String orderNumber,
            List<String> skus,
            String invoiceNumber,
            String trackingNumber) {}

    /** A new customer's order of {@code quantities[i]} units of a new 4.00 EUR product per line, delivered and invoiced. */
    public Shipped forNewCustomer(long... quantities) {
        return forCustomer(fixtures.customer("100000.00"), quantities);
    }

    public Shipped forCustomer(UUID customer, long... quantities) {
        String warehouse = fixtures.warehouse();
        List<String> skus = new ArrayList<>();
        List<Object> lines = new ArrayList<>();
        for (long quantity : quantities) {
            String sku = shipping.product(ShippingFixtures.gtin());
            fixtures.receive(sku, warehouse, quantity + 5);
            skus.add(sku);
            lines.add(sku);
            lines.add(quantity);
        }
        JsonNode order = shipping.order(customer, null, lines.toArray());
        String orderId = order.get("id").asString();
        String shipmentId = shipping.plan(orderId).get(0).get("id").asString();
        shipping.pickAndPack(shipmentId);
        JsonNode shipped = admin.post(
                        "/api/shipments/" + shipmentId + "/ship", Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200)
                .json();
        admin.post("/api/shipments/" + shipmentId + "/deliver", Map.of()).expect(200);
        JsonNode[] items = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    items[0] = admin.get("/api/invoices?orderId=" + orderId + "&type=INVOICE")
                            .expect(200)
                            .json()
                            .get("items");
                    return items[0].size() >= 1
                            && !items[0].get(0).get("number").isNull();
                });
        return new Shipped(
                customer,
                orderId,
                order.get("number").asString(),
                skus,
                items[0].get(0).get("number").asString(),
                shipped.get("trackingNumber").asString());
    }
}
