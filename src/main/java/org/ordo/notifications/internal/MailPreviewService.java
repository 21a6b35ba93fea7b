package org.ordo.notifications.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.ordo.customers.CustomerLanguages;
import org.ordo.fulfillment.DeliveryExceptionReported;
import org.ordo.fulfillment.ShipmentShipped;
import org.ordo.fulfillment.TrackingLinks;
import org.ordo.notifications.MailPreviews;
import org.ordo.notifications.MessageKind;
import org.ordo.shared.Money;
import org.springframework.stereotype.Component;

/** Renders each kind with sample data: what the templates read, nothing from the database. */
@Component
class MailPreviewService implements MailPreviews {

    record SampleCustomer(String name, String number) {}

    record SampleLine(String sku, String name, long quantity) {}

    record SampleWaiting(String sku, String name, long backordered, LocalDate promisedDate) {}

    record SampleOrder(
            UUID id, String number, List<SampleLine> lines, Money total, String currency, LocalDate promisedDate) {}

    record SampleInvoice(String number, String orderNumber, Money amountDue, String currency, LocalDate dueDate) {}

    private final MailRenderer renderer;
    private final MailCompany company;
    private final NotificationProperties properties;

    MailPreviewService(MailRenderer renderer, MailCompany company, NotificationProperties properties) {
        this.renderer = renderer;
        this.company = company;
        this.properties = properties;
    }

    @Override
    public Preview preview(MessageKind kind, String language) {
        String tag = CustomerLanguages.TAGS.contains(language) ? language : CustomerLanguages.DEFAULT;
        Map<String, Object> model =
                new HashMap<>(kind == MessageKind.QUOTATION_SENT ? quotation(Money.of("119.00", "EUR")) : sample(kind));
        model.put("customer", new SampleCustomer("Muster GmbH", "CUS-000042"));
        model.put("company", company);
        model.put("portalUrl", properties.portalUrl());
        MailRenderer.Rendered r =
                renderer.render(kind, Locale.forLanguageTag(tag), model, List.of(subjectArgument(kind), "Muster GmbH"));
        return new Preview(r.subject(), r.html(), r.text());
    }

    private static String subjectArgument(MessageKind kind) {
        return switch (kind) {
            case ORDER_CONFIRMED,
                    SHIPPED,
                    ORDER_ON_HOLD,
                    LINE_BACKORDERED,
                    PROMISE_CHANGED,
                    DELIVERED,
                    DELIVERY_EXCEPTION -> "SO-2026-000123";
            case INVOICE_ISSUED, PAYMENT_REMINDER -> "INV-2026-000045";
            case PAYMENT_RECEIVED -> "119.00 EUR";
            case RETURN_APPROVED, RETURN_RECEIVED, RETURN_REFUNDED -> "RMA-2026-000007";
            case CASE_REPLY -> "CASE-2026-000012";
            case QUOTATION_SENT -> "QT-2026-000031";
        };
    }

    private static Map<String, Object> quotation(Money total) {
        return Map.of(
                "quotationNumber",
                "QT-2026-000031",
                "revision",
                2,
                "validUntil",
                LocalDate.now().plusDays(30),
                "total",
                total);
    }

    private static Map<String, Object> sample(MessageKind kind) {
        List<SampleLine> lines = List.of(
                new SampleLine("PAPER-A4", "Copy paper A4, 500 sheets", 10),
                new SampleLine("PEN-BLUE", "Pen, blue", 20));
        SampleOrder order = new SampleOrder(
                UUID.fromString("00000000-0000-0000-0000-000000000123"),
                "SO-2026-000123",
                lines,
                Money.of("119.00", "EUR"),
                "EUR",
                LocalDate.now().plusDays(3));
        return switch (kind) {
            case ORDER_CONFIRMED -> Map.of("order", order);
            case SHIPPED ->
                Map.of(
                        "order",
                        order,
                        "shipment",
                        new ShipmentShipped(
                                UUID.randomUUID(),
                                "SHP-2026-000077",
                                UUID.randomUUID(),
                                order.number(),
                                "MAIN",
                                "DHL",
                                "STANDARD",
                                "00340434161234567890",
                                Instant.now(),
                                List.of()),
                        "items",
                        lines,
                        "trackingUrl",
                        TrackingLinks.url("DHL", "00340434161234567890"));
            case INVOICE_ISSUED ->
                Map.of(
                        "invoice",
                        new SampleInvoice(
                                "INV-2026-000045",
                                order.number(),
                                order.total(),
                                "EUR",
                                LocalDate.now().plusDays(30)));
            case PAYMENT_RECEIVED ->
                Map.of(
                        "amount", order.total(),
                        "allocated", Money.of("100.00", "EUR"),
                        "onAccount", Money.of("19.00", "EUR"),
                        "hasOnAccount", true);
            case PAYMENT_REMINDER ->
                Map.of("level", 1, "invoiceNumber", "INV-2026-000045", "daysPastDue", 8, "amountDue", order.total());
            case RETURN_APPROVED, RETURN_RECEIVED, RETURN_REFUNDED ->
                Map.of("returnNumber", "RMA-2026-000007", "orderNumber", order.number());
            case CASE_REPLY ->
                Map.of(
                        "caseNumber", "CASE-2026-000012",
                        "caseSubject", "Where is my parcel?",
                        "body", "Your parcel was held at the depot; it will be delivered tomorrow.");
            default -> orderNews(kind, order, "FAILED_ATTEMPT");
        };
    }

    /** The samples of the news about an order; {@code exceptionKind} is the carrier's kind of a delivery exception. */
    static Map<String, Object> orderNews(MessageKind kind, SampleOrder order, String exceptionKind) {
        LocalDate promised = order.promisedDate();
        return switch (kind) {
            case ORDER_ON_HOLD -> Map.of("order", order, "reason", "credit limit exceeded", "placedBy", "sales");
            case LINE_BACKORDERED ->
                Map.of(
                        "order",
                        order,
                        "lines",
                        List.of(new SampleWaiting("PEN-BLUE", "Pen, blue", 12, promised.plusDays(10))));
            case PROMISE_CHANGED -> Map.of("order", order, "from", promised, "to", promised.plusDays(5), "later", true);
            case DELIVERY_EXCEPTION ->
                Map.of(
                        "order",
                        order,
                        "report",
                        new DeliveryExceptionReported(
                                UUID.randomUUID(),
                                "SHP-2026-000077",
                                order.id(),
                                order.number(),
                                "DHL",
                                "00340434161234567890",
                                exceptionKind,
                                Instant.now(),
                                "Nobody home",
                                "carrier"),
                        "note",
                        "Nobody home",
                        "trackingUrl",
                        TrackingLinks.url("DHL", "00340434161234567890"));
            default -> Map.of("order", order);
        };
    }
}
