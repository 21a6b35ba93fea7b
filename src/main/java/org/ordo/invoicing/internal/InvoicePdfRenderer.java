package org.ordo.invoicing.internal;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.platform.PdfRenderer;
import org.ordo.shared.Address;
import org.ordo.shared.Money;
import org.springframework.stereotype.Component;

/**
 * Renders an invoice or credit note as PDF: the template {@code templates/pdf/invoice.html} (seller, buyer, lines, tax
 * summary, totals, payment terms) through openhtmltopdf. Text stays text, so the PDF can be searched and read back.
 */
@Component
class InvoicePdfRenderer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final PdfRenderer pdf;

    private final Customers customers;

    InvoicePdfRenderer(PdfRenderer pdf, Customers customers) {
        this.pdf = pdf;
        this.customers = customers;
    }

    byte[] render(Invoice invoice) {
        // the customer number never changes, so a reprint shows what the first print showed
        String customerNumber = customers
                .find(invoice.customerId())
                .map(CustomerSnapshot::number)
                .orElse(null);
        return pdf.render("invoice", Map.of("invoice", printout(invoice, customerNumber)));
    }

    static Printout printout(Invoice i, String customerNumber) {
        String title = i.isCreditNote() ? "Credit note" : "Invoice";
        Party seller = i.seller();
        return new Printout(
                title,
                number(i),
                Objects.toString(seller.name(), "") + " · " + oneLine(seller.address()),
                partyBlock(i.buyer()),
                i.shipTo() == null ? null : addressBlock(i.shipTo()),
                meta(i, title, customerNumber),
                i.reason(),
                i.lines().stream().map(Line::of).toList(),
                i.taxSummary().stream().map(Tax::of).toList(),
                totals(i),
                i.isCreditNote() ? credit(i) : paymentTerms(i),
                footer(seller));
    }

    /** The document as the template prints it: every value a finished text, every list only the rows that print. */
    record Printout(
            String title,
            String number,
            String seller,
            Block billTo,
            Block shipTo,
            List<Row> meta,
            String reason,
            List<Line> lines,
            List<Tax> taxes,
            List<Row> totals,
            String terms,
            String footer) {}

    /** A name in bold over the lines of an address. */
    record Block(String name, List<String> lines) {}

    record Row(String label, String value) {}

    record Line(int number, String description, String sku, long quantity, String unitPrice, String vat, String net) {

        static Line of(InvoiceLine line) {
            return new Line(
                    line.lineNumber(),
                    line.description(),
                    line.sku(),
                    line.quantity(),
                    amount(line.unitPrice()),
                    percent(line.taxRate()) + " " + Objects.toString(line.vatCategory(), ""),
                    amount(line.lineNet()));
        }
    }

    record Tax(String category, String rate, String taxableAmount, String tax) {

        static Tax of(TaxSubtotal group) {
            String category = Objects.toString(group.vatCategory(), "")
                    + (group.exemptionReason() != null ? " – " + group.exemptionReason() : "");
            return new Tax(category, percent(group.taxRate()), amount(group.taxableAmount()), amount(group.tax()));
        }
    }

    private static List<Row> meta(Invoice i, String title, String customerNumber) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(title + " number", number(i)));
        if (customerNumber != null) {
            rows.add(new Row("Customer no.", customerNumber));
        }
        rows.add(new Row("Issue date", i.issueDate() == null ? "—" : DATE.format(i.issueDate())));
        if (!i.isCreditNote() && i.dueDate() != null) {
            rows.add(new Row("Due date", DATE.format(i.dueDate())));
        }
        if (i.isCreditNote()) {
            rows.add(new Row("Credits invoice", i.originalInvoiceNumber()));
        }
        rows.add(new Row(
                "Order", i.orderNumber() + (i.orderReference() != null ? " (" + i.orderReference() + ")" : "")));
        if (i.shipmentNumber() != null) {
            rows.add(new Row("Shipment", i.shipmentNumber()));
            if (i.supplyDate() != null) {
                rows.add(new Row("Date of supply", DATE.format(i.supplyDate())));
            }
        }
        if (i.buyer().vatId() != null) {
            rows.add(new Row("Your VAT ID", i.buyer().vatId()));
        }
        rows.add(new Row("Status", status(i.status())));
        return rows;
    }

    /** The status in words, in English like every other label of the document. */
    static String status(InvoiceStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case ISSUED -> "Issued";
            case OVERDUE -> "Overdue";
            case PARTIALLY_PAID -> "Partially paid";
            case PAID -> "Paid";
            case CREDITED -> "Credited in full";
            case VOID -> "Void";
        };
    }

    /** Subtotal, discount and shipping when there are any, VAT, and the total last (printed in bold). */
    private static List<Row> totals(Invoice i) {
        Totals t = i.totals();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Subtotal", amount(t.subtotal())));
        if (!t.discount().isZero()) {
            rows.add(new Row("Discount", amount(t.discount())));
        }
        if (!t.shipping().isZero()) {
            rows.add(new Row("Shipping", amount(t.shipping())));
        }
        rows.add(new Row("VAT", amount(t.tax())));
        rows.add(new Row("Total " + i.currency(), amount(t.total())));
        return rows;
    }

    private static String credit(Invoice i) {
        Money total = i.totals().total();
        return "This credit note reduces invoice " + Objects.toString(i.originalInvoiceNumber(), "") + " by "
                + amount(new Money(total.amount().negate(), total.currency())) + " "
                + Objects.toString(i.currency(), "") + ".";
    }

    private static String paymentTerms(Invoice i) {
        Party seller = i.seller();
        StringBuilder terms = new StringBuilder("Payment terms: ")
                .append(
                        i.paymentTermsDays() == 0
                                ? "payable immediately"
                                : "payable within " + i.paymentTermsDays() + " days")
                .append(i.dueDate() == null ? "" : ", by " + DATE.format(i.dueDate()))
                .append('.');
        if (seller.iban() != null) {
            terms.append(" Please transfer the amount to IBAN ").append(seller.iban());
            if (seller.bic() != null) {
                terms.append(" (BIC ").append(seller.bic()).append(')');
            }
            terms.append(", quoting ").append(number(i)).append('.');
        }
        return terms.toString();
    }

    /** The seller's name, address and whichever of VAT ID, registration, email and phone it has. */
    private static String footer(Party seller) {
        StringBuilder footer = new StringBuilder(Objects.toString(seller.name(), ""))
                .append(" · ")
                .append(oneLine(seller.address()));
        if (seller.vatId() != null) {
            footer.append(" · VAT ID ").append(seller.vatId());
        }
        Stream.of(seller.registration(), seller.email(), seller.phone())
                .filter(Objects::nonNull)
                .forEach(part -> footer.append(" · ").append(part));
        return footer.toString();
    }

    private static Block partyBlock(Party party) {
        return addressBlock(
                party.address() == null
                        ? new Address(party.name(), null, null, null, null, null, null)
                        : new Address(
                                party.name(),
                                party.address().line1(),
                                party.address().line2(),
                                party.address().city(),
                                party.address().region(),
                                party.address().postalCode(),
                                party.address().country()));
    }

    private static Block addressBlock(Address a) {
        return new Block(
                a.name(),
                Stream.of(a.line1(), a.line2(), join(a.postalCode(), a.city()), a.region(), a.country())
                        .filter(part -> part != null && !part.isBlank())
                        .toList());
    }

    private static String oneLine(Address a) {
        if (a == null) {
            return "";
        }
        return String.join(
                ", ",
                Stream.of(a.line1(), a.line2(), join(a.postalCode(), a.city()), a.country())
                        .filter(part -> part != null && !part.isBlank())
                        .toList());
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a) + " " + (b == null ? "" : b)).trim();
    }

    private static String number(Invoice i) {
        return i.number() != null ? i.number() : "DRAFT";
    }

    private static String amount(Money money) {
        return money.amount().toPlainString();
    }

    private static String percent(BigDecimal rate) {
        return rate.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + " %";
    }
}
