package org.ordo.integration;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The public event catalogue: what other systems may subscribe to, by its dotted lower-case name. Each type's payload
 * has a version (docs/events.md); a field is only ever added within a version.
 */
public enum EventType {
    ORDER_PLACED("order.placed"),
    ORDER_CONFIRMED("order.confirmed"),
    ORDER_HELD("order.held"),
    ORDER_CHANGED("order.changed"),
    ORDER_BACKORDERED("order.backordered"),
    ORDER_CANCELLED("order.cancelled"),
    ORDER_SHIPPED("order.shipped"),
    ORDER_DELIVERED("order.delivered"),
    ORDER_COMPLETED("order.completed"),
    SHIPMENT_SHIPPED("shipment.shipped"),
    SHIPMENT_DELIVERED("shipment.delivered"),
    SHIPMENT_EXCEPTION("shipment.exception"),
    INVOICE_ISSUED("invoice.issued"),
    INVOICE_PAID("invoice.paid"),
    INVOICE_OVERDUE("invoice.overdue"),
    PAYMENT_RECEIVED("payment.received"),
    PAYMENT_REFUNDED("payment.refunded"),
    CREDIT_NOTE_ISSUED("credit_note.issued"),
    RETURN_OPENED("return.opened"),
    RETURN_APPROVED("return.approved"),
    RETURN_RECEIVED("return.received"),
    RETURN_RESOLVED("return.resolved"),
    PURCHASE_ORDER_CONFIRMED("purchase_order.confirmed"),
    PURCHASE_ORDER_RECEIVED("purchase_order.received"),
    STOCK_LOW("stock.low");

    /** Every type in a subscription: {@code *}. */
    public static final String ALL = "*";

    private final String key;

    EventType(String key) {
        this.key = key;
    }

    /** The name other systems see, e.g. {@code order.placed}. */
    public String key() {
        return key;
    }

    /** What the event is about, e.g. {@code order}: the Kafka topic's and the payload's subject. */
    public String aggregate() {
        return key.substring(0, key.indexOf('.'));
    }

    /** The payload's version. */
    public int version() {
        return 1;
    }

    public static Optional<EventType> of(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(EventType::key).toList();
    }
}
