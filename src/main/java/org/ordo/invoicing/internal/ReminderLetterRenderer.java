package org.ordo.invoicing.internal;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.stream.Stream;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.platform.PdfRenderer;
import org.ordo.shared.Address;
import org.ordo.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The letter of a payment reminder (template {@code templates/pdf/reminder.html}, wording in {@code letters/reminder*.properties}):
 * level 1 a friendly reminder, 2 a second reminder, 3 a final notice. It is dated the day the reminder was sent and lists the
 * customer's invoices in the reminded invoice's currency that were past due on that day and still have something due now, so a
 * reprint never asks for money paid since. The seller is the company as configured now ({@code ordo.company.*}): the letter
 * is written today, to today's bank account.
 */
@Component
class ReminderLetterRenderer {

    private final PdfRenderer pdf;
    private final DunningService dunning;
    private final InvoiceStore invoices;
    private final CompanyProperties company;
    private final Customers customers;

    ReminderLetterRenderer(
            PdfRenderer pdf,
            DunningService dunning,
            InvoiceStore invoices,
            CompanyProperties company,
            Customers customers) {
        this.pdf = pdf;
        this.dunning = dunning;
        this.invoices = invoices;
        this.company = company;
        this.customers = customers;
    }

    /** The letter's language: the customer's own (English for a customer no longer found). */
    Locale languageOf(UUID customerId) {
        return customers.find(customerId).map(CustomerSnapshot::locale).orElse(Locale.ENGLISH);
    }

    /** The PDF of the reminder of this level; empty when that level was not sent for the invoice. */
    Optional<byte[]> render(Invoice invoice, int level) {
        return dunning.reminders(invoice).stream()
                .filter(r -> r.level() == level)
                .findFirst()
                .map(r -> pdf.render("reminder", Map.of("letter", letter(invoice, r))));
    }

    /** The letter as the template prints it: every value a finished text in the customer's language. */
    record Letter(
            String language,
            String title,
            String seller,
            InvoicePdfRenderer.Block recipient,
            List<InvoicePdfRenderer.Row> meta,
            String salutation,
            String body,
            List<String> columns,
            List<Overdue> invoices,
            InvoicePdfRenderer.Row total,
            String payment,
            String closing,
            String signature,
            String footer) {}

    record Overdue(String number, String dueDate, String daysOverdue, String total, String amountDue) {}

    Letter letter(Invoice reminded, DunningService.Reminder reminder) {
        Locale language = languageOf(reminded.customerId());
        ResourceBundle texts = ResourceBundle.getBundle(
                "letters.reminder",
                language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        LocalDate sentOn = LocalDate.ofInstant(reminder.createdAt(), ZoneOffset.UTC);
        List<Overdue> rows = new ArrayList<>();
        BigDecimal due = BigDecimal.ZERO;
        for (InvoiceStore.Summary s : overdue(reminded, sentOn)) {
            rows.add(new Overdue(
                    s.number(),
                    DateTimeFormatter.ISO_LOCAL_DATE.format(s.dueDate()),
                    Long.toString(ChronoUnit.DAYS.between(s.dueDate(), sentOn)),
                    amount(s.total()),
                    amount(s.amountDue())));
            due = due.add(s.amountDue().amount());
        }
        int level = reminder.level();
        String currency = reminded.currency();
        return new Letter(
                language.toLanguageTag(),
                text(texts, "title." + level),
                oneLine(company.name(), sellerAddress()),
                addressBlock(reminded.buyer()),
                List.of(
                        new InvoicePdfRenderer.Row(
                                text(texts, "date"), DateTimeFormatter.ISO_LOCAL_DATE.format(sentOn)),
                        new InvoicePdfRenderer.Row(
                                text(texts, "customer"), reminded.buyer().name()),
                        new InvoicePdfRenderer.Row(text(texts, "reminded"), reminded.number())),
                text(texts, "salutation"),
                text(texts, "body." + level),
                List.of(
                        text(texts, "col.number"),
                        text(texts, "col.dueDate"),
                        text(texts, "col.daysOverdue"),
                        text(texts, "col.total", currency),
                        text(texts, "col.amountDue", currency)),
                rows,
                new InvoicePdfRenderer.Row(
                        text(texts, "total", currency), amount(new Money(due, Money.currency(currency)))),
                payment(texts, reminded),
                text(texts, "closing." + level),
                text(texts, "signature", Objects.toString(company.name(), "")),
                footer(texts));
    }

    /** The customer's invoices in the reminded one's currency past due on the letter's day, the reminded one always among them. */
    private List<InvoiceStore.Summary> overdue(Invoice reminded, LocalDate sentOn) {
        List<InvoiceStore.Summary> open = invoices.openFor(reminded.customerId()).stream()
                .filter(s -> s.amountDue().currencyCode().equals(reminded.currency()))
                .filter(s -> s.id().equals(reminded.id()) || s.dueDate().isBefore(sentOn))
                .toList();
        if (open.stream().noneMatch(s -> s.id().equals(reminded.id()))) {
            // paid in full since: the letter still names the invoice it was about, with nothing left due
            List<InvoiceStore.Summary> withReminded = new ArrayList<>(open);
            withReminded.add(0, summary(reminded));
            return withReminded;
        }
        return open;
    }

    private static InvoiceStore.Summary summary(Invoice i) {
        return new InvoiceStore.Summary(
                i.id(),
                i.number(),
                i.type(),
                i.status(),
                i.orderId(),
                i.orderNumber(),
                i.shipmentNumber(),
                i.originalInvoiceNumber(),
                i.customerId(),
                i.buyer().name(),
                i.issueDate(),
                i.dueDate(),
                i.totals().total(),
                i.amountDue());
    }

    private String payment(ResourceBundle texts, Invoice reminded) {
        if (company.iban() == null || company.iban().isBlank()) {
            return text(texts, "payment.noBank", reminded.number());
        }
        String bank = company.bic() == null || company.bic().isBlank()
                ? company.iban()
                : company.iban() + " (BIC " + company.bic() + ")";
        return text(texts, "payment", Objects.toString(company.name(), ""), bank, reminded.number());
    }

    private Address sellerAddress() {
        return new Address(
                company.name(),
                company.line1(),
                company.line2(),
                company.city(),
                company.region(),
                company.postalCode(),
                company.country());
    }

    private String footer(ResourceBundle texts) {
        List<String> parts = new ArrayList<>();
        parts.add(oneLine(company.name(), sellerAddress()));
        if (company.vatId() != null) {
            parts.add(text(texts, "vatId", company.vatId()));
        }
        Stream.of(company.registration(), company.email(), company.phone())
                .filter(p -> p != null && !p.isBlank())
                .forEach(parts::add);
        return String.join(" · ", parts);
    }

    private static InvoicePdfRenderer.Block addressBlock(Party buyer) {
        Address a = buyer.address();
        List<String> lines = a == null
                ? List.of()
                : Stream.of(a.line1(), a.line2(), join(a.postalCode(), a.city()), a.region(), a.country())
                        .filter(part -> part != null && !part.isBlank())
                        .toList();
        return new InvoicePdfRenderer.Block(buyer.name(), lines);
    }

    private static String oneLine(String name, Address a) {
        String address = String.join(
                ", ",
                Stream.of(a.line1(), a.line2(), join(a.postalCode(), a.city()), a.country())
                        .filter(part -> part != null && !part.isBlank())
                        .toList());
        return Objects.toString(name, "") + " · " + address;
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a) + " " + (b == null ? "" : b)).trim();
    }

    private static String amount(Money money) {
        return money.amount()
                .setScale(money.currency().getDefaultFractionDigits(), java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static String text(ResourceBundle texts, String key, Object... args) {
        // always through MessageFormat, so a quote is written '' in every text alike
        return new MessageFormat(texts.getString(key), texts.getLocale()).format(args);
    }
}
