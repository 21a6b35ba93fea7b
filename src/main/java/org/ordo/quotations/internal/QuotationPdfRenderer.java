package org.ordo.quotations.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.PdfRenderer;
import org.ordo.shared.Address;
import org.ordo.shared.Money;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The quotation as the customer reads it: who offers, to whom, what at which price, and until when. */
@Component
class QuotationPdfRenderer {

    /** What the template {@code templates/pdf/quotation.html} prints. */
    record Printout(
            String number,
            int revision,
            String date,
            String validUntil,
            List<String> seller,
            List<String> customer,
            List<Line> lines,
            String total,
            String note) {}

    record Line(int number, String sku, String name, long quantity, String unitPrice, String lineTotal) {}

    private final PdfRenderer pdf;
    private final Customers customers;
    private final Catalog catalog;
    private final CompanyDetails company;
    private final CompanyCalendar calendar;

    QuotationPdfRenderer(
            PdfRenderer pdf, Customers customers, Catalog catalog, Environment environment, CompanyCalendar calendar) {
        this.pdf = pdf;
        this.customers = customers;
        this.catalog = catalog;
        this.calendar = calendar;
        this.company = Binder.get(environment).bindOrCreate("ordo.company", CompanyDetails.class);
    }

    byte[] render(Quotation q) {
        return pdf.render("quotation", Map.of("q", printout(q)));
    }

    Printout printout(Quotation q) {
        Map<String, ProductSnapshot> products =
                catalog.find(q.lines().stream().map(Quotation.Line::sku).toList());
        List<Line> lines = q.lines().stream()
                .map(l -> new Line(
                        l.lineNumber(),
                        l.sku(),
                        products.containsKey(l.sku()) ? products.get(l.sku()).name() : "",
                        l.quantity(),
                        amount(l.unitPrice(), q.currency()),
                        amount(l.lineTotal(), q.currency())))
                .toList();
        return new Printout(
                q.number(),
                q.revision(),
                calendar.dayOf(q.sentAt() == null ? q.createdAt() : q.sentAt()).toString(),
                q.validUntil().toString(),
                seller(),
                customer(q),
                lines,
                Money.of(q.total(), q.currency()).rounded().toString(),
                q.note());
    }

    private static String amount(BigDecimal amount, String currency) {
        return Money.of(amount, currency).rounded().amountText();
    }

    private List<String> customer(Quotation q) {
        CustomerSnapshot customer = customers.find(q.customerId()).orElse(null);
        if (customer == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(customer.name(), customer.number()));
        lines.addAll(address(customer.billingAddress()));
        return lines.stream().filter(Objects::nonNull).toList();
    }

    private List<String> seller() {
        List<String> lines = new ArrayList<>(List.of(company.name(), company.line1()));
        if (company.line2() != null) {
            lines.add(company.line2());
        }
        lines.add(company.postalCode() + " " + company.city());
        lines.add(company.country());
        lines.add("VAT ID " + company.vatId());
        lines.add(company.email());
        return lines.stream().filter(Objects::nonNull).toList();
    }

    private static List<String> address(Address a) {
        if (a == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(a.line1());
        if (a.line2() != null) {
            lines.add(a.line2());
        }
        lines.add(a.postalCode() + " " + a.city() + (a.region() == null ? "" : ", " + a.region()));
        lines.add(a.country());
        return lines;
    }
}
