package org.ordo.invoicing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.fulfillment.ShipmentShipped;
import org.ordo.orders.OrderFulfillment;
import org.ordo.orders.OrderSnapshot;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Drives the flow invoicing reacts to: customers with invoicing fields, orders shipped through {@link OrderFulfillment},
 * and the {@link ShipmentShipped} event the fulfilment module publishes, published here in a transaction of its own.
 */
public final class InvoicingSupport {

    private final Api admin;
    private final Fixtures fixtures;
    private final OrderFulfillment fulfillment;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    public InvoicingSupport(
            int port, OrderFulfillment fulfillment, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.admin = Api.at(port).asAdmin();
        this.fixtures = new Fixtures(port);
        this.fulfillment = fulfillment;
        this.tx = tx;
        this.events = events;
    }

    public static Map<String, Object> address(String name, String country) {
        Map<String, Object> a = new LinkedHashMap<>(Fixtures.address(name));
        a.put("country", country);
        return a;
    }

    /** A customer with a 100 000 EUR credit limit; {@code extra} adds or replaces fields (invoicingPolicy, taxExempt, vatId, ...). */
    public UUID customer(String country, Map<String, Object> extra) {
        String name = Fixtures.unique("Buyer");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", name.toLowerCase() + "@example.com");
        body.put("currency", "EUR");
        body.put("creditLimit", Fixtures.money("100000.00", "EUR"));
        body.put("paymentTermsDays", 14);
        body.put("billingAddress", address(name, country));
        body.putAll(extra);
        return UUID.fromString(
                admin.post("/api/customers", body).expect(201).json().get("id").asString());
    }

    /** The invoice of {@code units} × 10.00 (standard rate) ordered by the customer and shipped from a new warehouse. */
    public JsonNode shippedInvoice(UUID customer, int units) {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, units);
        JsonNode order = order(customer, sku, units);
        ship(order, warehouse, 1, units);
        return awaitInvoice(order.get("id").asString());
    }

    /** Places an order (alternating SKU and quantity) and returns its JSON. */
    public JsonNode order(UUID customer, Object... skuAndQuantity) {
        return admin.post("/api/orders", Fixtures.order(customer, skuAndQuantity))
                .expect(201)
                .json();
    }

    /** Ships these quantities (alternating line number and quantity) from one warehouse and publishes ShipmentShipped. */
    public ShipmentShipped ship(JsonNode order, String warehouse, long... lineAndQuantity) {
        ShipmentShipped event = recordShipment(order, warehouse, lineAndQuantity);
        publish(event);
        return event;
    }

    /** Records these quantities as shipped on the order, as fulfilment does; returns the ShipmentShipped, not published yet. */
    public ShipmentShipped recordShipment(JsonNode order, String warehouse, long... lineAndQuantity) {
        UUID orderId = UUID.fromString(order.get("id").asString());
        String number = Fixtures.unique("SHP");
        List<OrderFulfillment.ShippedQuantity> quantities = new ArrayList<>();
        for (int i = 0; i < lineAndQuantity.length; i += 2) {
            quantities.add(
                    new OrderFulfillment.ShippedQuantity((int) lineAndQuantity[i], warehouse, lineAndQuantity[i + 1]));
        }
        OrderSnapshot shipped = tx.execute(s -> {
            fulfillment.beginFulfillment(orderId);
            return fulfillment.recordShipment(orderId, number, quantities);
        });
        List<ShipmentShipped.Line> lines = quantities.stream()
                .map(q -> new ShipmentShipped.Line(
                        q.lineNumber(), shipped.line(q.lineNumber()).sku(), q.quantity()))
                .toList();
        return new ShipmentShipped(
                UUID.randomUUID(),
                number,
                orderId,
                shipped.number(),
                warehouse,
                "DHL",
                "STANDARD",
                "TRACK-" + number,
                Instant.now(),
                lines);
    }

    public void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    /** The invoices and credit notes of an order, once there are at least {@code expected} (listeners run after commit). */
    public JsonNode awaitDocuments(String orderId, int expected) {
        JsonNode[] items = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    items[0] = admin.get("/api/invoices?orderId=" + orderId + "&size=100")
                            .expect(200)
                            .json()
                            .get("items");
                    return items[0].size() >= expected;
                });
        return items[0];
    }

    /** The one invoice of an order, in full. */
    public JsonNode awaitInvoice(String orderId) {
        JsonNode items = awaitDocuments(orderId, 1);
        return admin.get("/api/invoices/" + items.get(0).get("id").asString())
                .expect(200)
                .json();
    }

    public JsonNode invoice(String idOrNumber) {
        return admin.get("/api/invoices/" + idOrNumber).expect(200).json();
    }
}
