package org.ordo.notifications.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.ordo.customers.CustomerLanguages;
import org.ordo.fulfillment.ShipmentShipped;
import org.ordo.fulfillment.TrackingLinks;
import org.ordo.notifications.MailPreviews;
import org.ordo.notifications.MessageKind;
import org.ordo.shared.Money;
import org.springframework.stereotype.Component;

/** Renders each kind with sample data: what the templates read, nothing from the database. */
@Component
class MailPreviewService implements MailPreviews {

    record SampleCustomer(String name) {}

    record SampleLine(String sku, String name, long quantity) {}

    record SampleOrder(String number, List<SampleLine> lines, Money total, String currency, LocalDate promisedDate) {}

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
        Map<String, Object> model = new HashMap<>(sample(kind));
        model.put("customer", new SampleCustomer("Muster GmbH"));
        model.put("company", company);
        model.put("portalUrl", properties.portalUrl());
        MailRenderer.Rendered r =
                renderer.render(kind, Locale.forLanguageTag(tag), model, List.of(subjectArgument(kind)));
        return new Preview(r.subject(), r.html(), r.text());
    }

    private static String subjectArgument(MessageKind kind) {
        return switch (kind) {
            case ORDER_CONFIRMED, SHIPPED -> "SO-2026-000123";
            case INVOICE_ISSUED, PAYMENT_REMINDER -> "INV-2026-000045";
            case PAYMENT_RECEIVED -> "119.00 EUR";
            case RETURN_APPROVED, RETURN_REFUNDED -> "RMA-2026-000007";
            case CASE_REPLY -> "CASE-2026-000012";
        };
    }

    private static Map<String, Object> sample(MessageKind kind) {
        List<SampleLine> lines = List.of(
                new SampleLine("PAPER-A4", "Copy paper A4, 500 sheets", 10),
                new SampleLine("PEN-BLUE", "Pen, blue", 20));
        SampleOrder order = new SampleOrder(
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
            case RETURN_APPROVED, RETURN_REFUNDED ->
                Map.of("returnNumber", "RMA-2026-000007", "orderNumber", order.number());
            case CASE_REPLY ->
                Map.of(
                        "caseNumber", "CASE-2026-000012",
                        "caseSubject", "Where is my parcel?",
                        "body", "Your parcel was held at the depot; it will be delivered tomorrow.");
        };
    }
}
