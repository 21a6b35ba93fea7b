package org.ordo.notifications;

/**
 * The messages Ordo sends. A {@code transactional} one (the order's confirmation, the invoice, the payment reminder) is
 * part of the business the customer entered into and cannot be turned off; the others can. An {@code internal} one
 * goes to the company's own people about a customer's order, never to the customer, and is no customer's choice.
 */
public enum MessageKind {
    ORDER_CONFIRMED(true),
    SHIPPED(false),
    INVOICE_ISSUED(true),
    PAYMENT_RECEIVED(false),
    PAYMENT_REMINDER(true),
    RETURN_APPROVED(false),
    RETURN_REFUNDED(false),
    /** To the staff user who placed the order, or the sales desk: the order is held (credit or other). */
    ORDER_ON_HOLD(false, true),
    /** Lines of a confirmed order wait for stock, each with its promised date. */
    LINE_BACKORDERED(false),
    /** The order's promised date moved, e.g. because what is on its way in changed. */
    PROMISE_CHANGED(false),
    DELIVERED(false),
    /** The carrier could not deliver (failed attempt, address problem, damage, loss, back to sender). */
    DELIVERY_EXCEPTION(false),
    RETURN_RECEIVED(false),
    /** Customer service answered on a case: the conversation the customer started, never turned off. */
    CASE_REPLY(true),
    /** A quotation, or its new revision, sent to the customer with its PDF: the offer the customer asked for. */
    QUOTATION_SENT(true);

    private final boolean transactional;
    private final boolean internal;

    MessageKind(boolean transactional) {
        this(transactional, false);
    }

    MessageKind(boolean transactional, boolean internal) {
        this.transactional = transactional;
        this.internal = internal;
    }

    public boolean transactional() {
        return transactional;
    }

    /** For the company's own people: not listed among a customer's choices nor shown to the customer. */
    public boolean internal() {
        return internal;
    }

    /** The name of its templates and message keys: {@code order-confirmed}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
