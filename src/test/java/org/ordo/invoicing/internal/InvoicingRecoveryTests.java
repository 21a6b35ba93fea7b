package org.ordo.invoicing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordo.fulfillment.ShipmentShipped;
import org.ordo.invoicing.InvoicingSupport;
import org.ordo.orders.OrderFulfillment;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A crash between shipping and invoicing ends with exactly one invoice: the listener's transaction rolls back with the
 * invoice it wrote, the event publication stays incomplete, and resubmitting it (what a restart does) invoices once.
 */
@OrdoTest
class InvoicingRecoveryTests {

    @LocalServerPort
    int port;

    @Autowired
    InvoicingService invoicing;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @AfterEach
    void noMoreCrashes() {
        invoicing.afterInvoiceWritten(invoice -> {});
    }

    @Test
    void aCrashAfterWritingTheInvoiceEndsWithExactlyOneInvoiceOnceThePublicationIsResubmitted()
            throws InterruptedException {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        InvoicingSupport flow = new InvoicingSupport(port, fulfillment, tx, events);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("9.99");
        fixtures.receive(sku, warehouse, 2);
        JsonNode order = flow.order(flow.customer("DE", Map.of()), sku, 2);
        UUID orderId = UUID.fromString(order.get("id").asString());
        AtomicInteger crashes = new AtomicInteger();
        invoicing.afterInvoiceWritten(invoice -> {
            if (invoice.orderId().equals(orderId) && crashes.getAndIncrement() == 0) {
                throw new IllegalStateException("simulated crash after writing " + invoice.number());
            }
        });

        ShipmentShipped shipment = flow.ship(order, warehouse, 1, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> crashes.get() == 1);
        Thread.sleep(300);
        assertThat(count(admin, orderId)).isZero();

        incomplete.resubmitIncompletePublications(
                p -> p.getEvent() instanceof ShipmentShipped s && s.shipmentId().equals(shipment.shipmentId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(admin, orderId) == 1);

        // once more, and the same event delivered again: still one invoice
        incomplete.resubmitIncompletePublications(
                p -> p.getEvent() instanceof ShipmentShipped s && s.shipmentId().equals(shipment.shipmentId()));
        flow.publish(shipment);
        Thread.sleep(500);
        assertThat(count(admin, orderId)).isEqualTo(1);
        assertThat(crashes.get()).isEqualTo(2);
        assertThat(fixtures.consistency().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void concurrentShipmentsOfOneOrderNeverInvoiceMoreThanShipped() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        InvoicingSupport flow = new InvoicingSupport(port, fulfillment, tx, events);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("1.00");
        fixtures.receive(sku, warehouse, 6);
        JsonNode order = flow.order(flow.customer("DE", Map.of()), sku, 6);
        UUID orderId = UUID.fromString(order.get("id").asString());

        flow.ship(order, warehouse, 1, 2);
        flow.ship(order, warehouse, 1, 2);
        flow.ship(order, warehouse, 1, 2);

        JsonNode documents = flow.awaitDocuments(orderId.toString(), 3);
        long invoiced = 0;
        for (JsonNode d : documents) {
            invoiced += flow.invoice(d.get("id").asString())
                    .get("lines")
                    .get(0)
                    .get("quantity")
                    .asLong();
        }
        assertThat(invoiced).isEqualTo(6);
        assertThat(count(admin, orderId)).isEqualTo(3);
    }

    private static long count(Api admin, UUID orderId) {
        return admin.get("/api/invoices?orderId=" + orderId)
                .expect(200)
                .json()
                .get("totalItems")
                .asLong();
    }
}
