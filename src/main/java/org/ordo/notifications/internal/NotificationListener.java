package org.ordo.notifications.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.fulfillment.DeliveryExceptionReported;
import org.ordo.fulfillment.ShipmentShipped;
import org.ordo.fulfillment.TrackingLinks;
import org.ordo.invoicing.Accounting;
import org.ordo.invoicing.DocumentType;
import org.ordo.invoicing.InvoiceIssued;
import org.ordo.invoicing.PaymentReceived;
import org.ordo.invoicing.ReminderSent;
import org.ordo.notifications.MessageKind;
import org.ordo.orders.OrderPlaced;
import org.ordo.orders.OrderPromiseChanged;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.OrderStatus;
import org.ordo.orders.OrderStatusChanged;
import org.ordo.orders.Orders;
import org.ordo.quotations.QuotationSent;
import org.ordo.returns.ReturnStatusChanged;
import org.ordo.service.CaseReplied;
import org.ordo.shared.Money;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the public events into messages. Each listener runs after the publisher's commit, in its own transaction, from the
 * event publication registry; the event's key makes a redelivered event queue nothing new. Without a mail server (and
 * without {@code ordo.notifications.log-only}) there is no listener at all, so an order's placement writes no event
 * publication for messages nobody sends.
 */
@Component
@ConditionalOnExpression("'${spring.mail.host:}' != '' or ${ordo.notifications.log-only:false}")
class NotificationListener {

    private final NotificationService notifications;
    private final Orders orders;
    private final Accounting accounting;
    private final NotificationPreferenceService preferences;

    NotificationListener(
            NotificationService notifications,
            Orders orders,
            Accounting accounting,
            NotificationPreferenceService preferences) {
        this.notifications = notifications;
        this.orders = orders;
        this.accounting = accounting;
        this.preferences = preferences;
    }

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        if (placed.status() == OrderStatus.CONFIRMED) {
            confirmed(placed.orderId());
        }
    }

    @ApplicationModuleListener
    void on(OrderStatusChanged changed) {
        if (changed.to() == OrderStatus.CONFIRMED) {
            confirmed(changed.orderId());
        } else if (changed.to() == OrderStatus.DELIVERED) {
            orders.find(changed.orderId())
                    .ifPresent(order -> notifications.queue(new NotificationService.Request(
                            MessageKind.DELIVERED,
                            "delivered:" + order.id(),
                            order.customerId(),
                            false,
                            Map.of("order", order),
                            List.of(order.number()),
                            null)));
        }
    }

    /** Once per new date: a promise that moves back to a date already told of is not told again. */
    @ApplicationModuleListener
    void on(OrderPromiseChanged changed) {
        orders.find(changed.orderId())
                .ifPresent(order -> notifications.queue(new NotificationService.Request(
                        MessageKind.PROMISE_CHANGED,
                        "promise-changed:" + order.id() + ":" + changed.to(),
                        order.customerId(),
                        false,
                        Map.of(
                                "order",
                                order,
                                "from",
                                changed.from(),
                                "to",
                                changed.to(),
                                "later",
                                changed.from() != null && changed.to().isAfter(changed.from())),
                        List.of(order.number()),
                        null)));
    }

    /** The carrier's tracking event is the key: each exception is told once. */
    @ApplicationModuleListener
    void on(DeliveryExceptionReported reported) {
        if ("EXCEPTION".equals(reported.kind())) {
            return; // a delay or other plain exception: customer service looks into it before anyone is told
        }
        orders.find(reported.orderId())
                .ifPresent(order -> notifications.queue(new NotificationService.Request(
                        MessageKind.DELIVERY_EXCEPTION,
                        "delivery-exception:" + reported.shipmentId() + ":" + reported.kind() + ":"
                                + reported.at().toEpochMilli(),
                        order.customerId(),
                        false,
                        Map.of(
                                "order",
                                order,
                                "report",
                                reported,
                                "note",
                                nullToEmpty(reported.note()),
                                "trackingUrl",
                                nullToEmpty(TrackingLinks.url(reported.carrier(), reported.trackingNumber()))),
                        List.of(order.number()),
                        null)));
    }

    /**
     * An order is confirmed once, whether it was placed confirmed or released from a hold; lines that wait for stock
     * are told of once too, each with its promised date.
     */
    private void confirmed(UUID orderId) {
        OrderSnapshot order = orders.find(orderId).orElse(null);
        if (order == null) {
            return;
        }
        notifications.queue(new NotificationService.Request(
                MessageKind.ORDER_CONFIRMED,
                "order-confirmed:" + order.id(),
                order.customerId(),
                false,
                Map.of("order", order),
                List.of(order.number()),
                null));
        List<OrderSnapshot.Line> waiting =
                order.lines().stream().filter(l -> l.backordered() > 0).toList();
        if (!waiting.isEmpty()) {
            notifications.queue(new NotificationService.Request(
                    MessageKind.LINE_BACKORDERED,
                    "line-backordered:" + order.id(),
                    order.customerId(),
                    false,
                    Map.of("order", order, "lines", waiting),
                    List.of(order.number()),
                    null));
        }
    }

    @ApplicationModuleListener
    void on(ShipmentShipped shipped) {
        OrderSnapshot order = orders.find(shipped.orderId()).orElse(null);
        if (order == null) {
            return;
        }
        List<Item> items = shipped.lines().stream()
                .map(l -> new Item(l.sku(), name(order, l.lineNumber()), l.quantity()))
                .toList();
        String tracking = TrackingLinks.url(shipped.carrier(), shipped.trackingNumber());
        notifications.queue(new NotificationService.Request(
                MessageKind.SHIPPED,
                "shipped:" + shipped.shipmentId(),
                order.customerId(),
                false,
                Map.of(
                        "order", order,
                        "shipment", shipped,
                        "items", items,
                        "trackingUrl", tracking == null ? "" : tracking),
                List.of(order.number()),
                null));
    }

    /** A shipped line in the message: the product's name as ordered. */
    record Item(String sku, String name, long quantity) {}

    private static String name(OrderSnapshot order, int lineNumber) {
        OrderSnapshot.Line line = order.line(lineNumber);
        return line == null ? "" : line.name();
    }

    /** Invoices only: a credit note reaches the customer with its return's refund. */
    @ApplicationModuleListener
    void on(InvoiceIssued issued) {
        if (issued.type() != DocumentType.INVOICE) {
            return;
        }
        accounting
                .details(issued.invoiceId().toString())
                .ifPresent(invoice -> notifications.queue(new NotificationService.Request(
                        MessageKind.INVOICE_ISSUED,
                        "invoice-issued:" + issued.invoiceId(),
                        issued.customerId(),
                        true,
                        Map.of("invoice", invoice),
                        List.of(invoice.number()),
                        attachments(issued))));
    }

    /** The PDF, and the UBL XML for a customer who wants it. */
    private String attachments(InvoiceIssued issued) {
        String pdf = MailDeliveryService.INVOICE_PDF + issued.invoiceId();
        return preferences.wantsUblInvoices(issued.customerId())
                ? pdf + " " + MailDeliveryService.INVOICE_UBL + issued.invoiceId()
                : pdf;
    }

    @ApplicationModuleListener
    void on(PaymentReceived payment) {
        notifications.queue(new NotificationService.Request(
                MessageKind.PAYMENT_RECEIVED,
                "payment-received:" + payment.paymentId(),
                payment.customerId(),
                true,
                Map.of(
                        "amount", Money.of(payment.amount(), payment.currency()),
                        "allocated", Money.of(payment.allocated(), payment.currency()),
                        "onAccount", Money.of(payment.amount().subtract(payment.allocated()), payment.currency()),
                        "hasOnAccount", payment.amount().compareTo(payment.allocated()) > 0),
                List.of(payment.amount().setScale(2, java.math.RoundingMode.HALF_UP) + " " + payment.currency()),
                null));
    }

    /** Each level once, its letter attached. */
    @ApplicationModuleListener
    void on(ReminderSent reminder) {
        notifications.queue(new NotificationService.Request(
                MessageKind.PAYMENT_REMINDER,
                "payment-reminder:" + reminder.invoiceId() + ":" + reminder.level(),
                reminder.customerId(),
                true,
                Map.of(
                        "level", reminder.level(),
                        "invoiceNumber", reminder.invoiceNumber(),
                        "daysPastDue", reminder.daysPastDue(),
                        "amountDue", Money.of(reminder.amountDue(), reminder.currency())),
                List.of(reminder.invoiceNumber()),
                MailDeliveryService.REMINDER_PDF + reminder.invoiceId() + ":" + reminder.level()));
    }

    @ApplicationModuleListener
    void on(ReturnStatusChanged changed) {
        MessageKind kind = switch (changed.to()) {
            case APPROVED -> MessageKind.RETURN_APPROVED;
            case RECEIVED -> MessageKind.RETURN_RECEIVED;
            case REFUNDED -> MessageKind.RETURN_REFUNDED;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        notifications.queue(new NotificationService.Request(
                kind,
                kind.key() + ":" + changed.returnId(),
                changed.customerId(),
                false,
                Map.of("returnNumber", changed.number(), "orderNumber", nullToEmpty(changed.orderNumber())),
                List.of(changed.number()),
                null));
    }

    /** Each reply once: the conversation goes on by e-mail. */
    @ApplicationModuleListener
    void on(CaseReplied replied) {
        notifications.queue(new NotificationService.Request(
                MessageKind.CASE_REPLY,
                "case-reply:" + replied.messageId(),
                replied.customerId(),
                false,
                Map.of("caseNumber", replied.caseNumber(), "caseSubject", replied.subject(), "body", replied.body()),
                List.of(replied.caseNumber()),
                null));
    }

    /** Each revision once, its PDF attached as the customer's copy of the offer. */
    @ApplicationModuleListener
    void on(QuotationSent sent) {
        notifications.queue(new NotificationService.Request(
                MessageKind.QUOTATION_SENT,
                "quotation-sent:" + sent.quotationId() + ":" + sent.revision(),
                sent.customerId(),
                false,
                Map.of(
                        "quotationNumber", sent.number(),
                        "revision", sent.revision(),
                        "validUntil", sent.validUntil(),
                        "total", Money.of(sent.total(), sent.currency())),
                List.of(sent.number()),
                MailDeliveryService.QUOTATION_PDF + sent.quotationId()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
