package org.ordo.integration.internal;

import java.util.List;
import org.ordo.fulfillment.ShipmentShipped;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.fulfillment.ShipmentTracked;
import org.ordo.integration.EventType;
import org.ordo.inventory.StockLow;
import org.ordo.invoicing.DocumentType;
import org.ordo.invoicing.InvoiceIssued;
import org.ordo.invoicing.InvoiceOverdue;
import org.ordo.invoicing.InvoicePaid;
import org.ordo.invoicing.PaymentReceived;
import org.ordo.invoicing.PaymentRefunded;
import org.ordo.orders.OrderBackordered;
import org.ordo.orders.OrderChanged;
import org.ordo.orders.OrderPlaced;
import org.ordo.orders.OrderStatusChanged;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.purchasing.PurchaseOrderStatusChanged;
import org.ordo.returns.ReturnStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Maps the modules' public events to the catalogue. A plain, synchronous {@link EventListener}: it runs inside the
 * transaction that publishes the event, so the outbox row commits or rolls back with the change (an
 * after-commit listener could lose the event in a crash between the commit and the listener). The event record itself
 * is the payload's {@code data}.
 */
@Component
class IntegrationEventListener {

    private final OutboxService outbox;

    IntegrationEventListener(OutboxService outbox) {
        this.outbox = outbox;
    }

    /** Placed; an order placed already confirmed or held is also confirmed or held. */
    @EventListener
    void on(OrderPlaced e) {
        List<EventType> types = switch (e.status()) {
            case CONFIRMED -> List.of(EventType.ORDER_PLACED, EventType.ORDER_CONFIRMED);
            case ON_HOLD -> List.of(EventType.ORDER_PLACED, EventType.ORDER_HELD);
            default -> List.of(EventType.ORDER_PLACED);
        };
        outbox.record(types, e.orderId(), e.orderId(), e);
    }

    @EventListener
    void on(OrderStatusChanged e) {
        EventType type = switch (e.to()) {
            case CONFIRMED -> EventType.ORDER_CONFIRMED;
            case ON_HOLD -> EventType.ORDER_HELD;
            case CANCELLED -> EventType.ORDER_CANCELLED;
            case SHIPPED -> EventType.ORDER_SHIPPED;
            case DELIVERED -> EventType.ORDER_DELIVERED;
            case COMPLETED -> EventType.ORDER_COMPLETED;
            default -> null;
        };
        if (type != null) {
            outbox.record(type, e.orderId(), e.orderId(), e);
        }
    }

    @EventListener
    void on(OrderChanged e) {
        outbox.record(EventType.ORDER_CHANGED, e.orderId(), e.orderId(), e);
    }

    @EventListener
    void on(OrderBackordered e) {
        outbox.record(EventType.ORDER_BACKORDERED, e.orderId(), e.orderId(), e);
    }

    @EventListener
    void on(ShipmentShipped e) {
        outbox.record(EventType.SHIPMENT_SHIPPED, e.shipmentId(), e.orderId(), e);
    }

    @EventListener
    void on(ShipmentTracked e) {
        if (e.status() == ShipmentStatus.DELIVERED) {
            outbox.record(EventType.SHIPMENT_DELIVERED, e.shipmentId(), e.orderId(), e);
        } else if (e.status() == ShipmentStatus.EXCEPTION) {
            outbox.record(EventType.SHIPMENT_EXCEPTION, e.shipmentId(), e.orderId(), e);
        }
    }

    @EventListener
    void on(InvoiceIssued e) {
        EventType type = e.type() == DocumentType.CREDIT_NOTE ? EventType.CREDIT_NOTE_ISSUED : EventType.INVOICE_ISSUED;
        outbox.record(type, e.invoiceId(), e.orderId(), e);
    }

    @EventListener
    void on(InvoicePaid e) {
        outbox.record(EventType.INVOICE_PAID, e.invoiceId(), e.orderId(), e);
    }

    @EventListener
    void on(InvoiceOverdue e) {
        outbox.record(EventType.INVOICE_OVERDUE, e.invoiceId(), e.orderId(), e);
    }

    @EventListener
    void on(PaymentReceived e) {
        outbox.record(EventType.PAYMENT_RECEIVED, e.paymentId(), null, e);
    }

    @EventListener
    void on(PaymentRefunded e) {
        outbox.record(EventType.PAYMENT_REFUNDED, e.paymentId(), null, e);
    }

    /** Opened (requested), approved, received, and resolved by a refund, a replacement or a credit. */
    @EventListener
    void on(ReturnStatusChanged e) {
        EventType type = switch (e.to()) {
            case REQUESTED -> EventType.RETURN_OPENED;
            case APPROVED -> EventType.RETURN_APPROVED;
            case RECEIVED -> EventType.RETURN_RECEIVED;
            case REFUNDED, REPLACED, CREDITED -> EventType.RETURN_RESOLVED;
            default -> null;
        };
        if (type != null) {
            outbox.record(type, e.returnId(), e.orderId(), e);
        }
    }

    @EventListener
    void on(PurchaseOrderStatusChanged e) {
        if (e.to() == PurchaseOrderStatus.CONFIRMED) {
            outbox.record(EventType.PURCHASE_ORDER_CONFIRMED, e.purchaseOrderId(), null, e);
        } else if (e.to() == PurchaseOrderStatus.RECEIVED) {
            outbox.record(EventType.PURCHASE_ORDER_RECEIVED, e.purchaseOrderId(), null, e);
        }
    }

    /** A level's events keep their order per SKU and warehouse, its id ({@code sku@warehouse}, as the audit trail's). */
    @EventListener
    void on(StockLow e) {
        outbox.record(EventType.STOCK_LOW, e.sku() + "@" + e.warehouse(), null, e);
    }
}
