package org.ordo.notifications;

/**
 * The messages a customer may get. A {@code transactional} one (the order's confirmation, the invoice, the payment
 * reminder) is part of the business the customer entered into and cannot be turned off; the others can.
 */
public enum MessageKind {
    ORDER_CONFIRMED(true),
    SHIPPED(false),
    INVOICE_ISSUED(true),
    PAYMENT_RECEIVED(false),
    PAYMENT_REMINDER(true),
    RETURN_APPROVED(false),
    RETURN_REFUNDED(false),
    /** Customer service answered on a case: the conversation the customer started, never turned off. */
    CASE_REPLY(true);

    private final boolean transactional;

    MessageKind(boolean transactional) {
        this.transactional = transactional;
    }

    public boolean transactional() {
        return transactional;
    }

    /** The name of its templates and message keys: {@code order-confirmed}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
