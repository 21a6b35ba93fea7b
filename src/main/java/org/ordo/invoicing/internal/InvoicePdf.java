package org.ordo.invoicing.internal;

import org.ordo.platform.PdfRenderer;
import org.ordo.shared.Address;
import org.ordo.shared.Money;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;

/**
 * Renders an invoice or credit note as PDF: an XHTML page (seller, buyer, lines, tax summary, totals, payment terms)
 * through openhtmltopdf. Text stays text, so the PDF can be searched and read back. Every value is escaped.
 */
@Component
class InvoicePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final PdfRenderer pdf;

    InvoicePdf(PdfRenderer pdf) {
        this.pdf = pdf;
    }

    byte[] render(Invoice invoice) {
        return pdf.render(html(invoice));
    }

    static String html(Invoice i) {
        String title = i.isCreditNote() ? "Credit note" : "Invoice";
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>").append(esc(title + " " + number(i))).append("</title>")
                .append("<style>")
                .append("@page { size: A4; margin: 18mm 16mm 22mm 16mm; ")
                .append("@bottom-center { content: \"Page \" counter(page) \" of \" counter(pages); font-size: 8pt; color: #666; } }")
                .append("body { font-family: Helvetica, Arial, sans-serif; font-size: 9.5pt; color: #222; }")
                .append("h1 { font-size: 18pt; margin: 0 0 4mm 0; }")
                .append(".seller { font-size: 8pt; color: #555; border-bottom: 0.5pt solid #999; padding-bottom: 1mm; margin-bottom: 6mm; }")
                .append("table { width: 100%; border-collapse: collapse; }")
                .append("td, th { padding: 1.2mm 1.5mm; vertical-align: top; }")
                .append("th { text-align: left; border-bottom: 0.8pt solid #333; font-size: 8.5pt; }")
                .append(".lines td { border-bottom: 0.3pt solid #ccc; }")
                .append(".num { text-align: right; white-space: nowrap; }")
                .append(".head td { padding: 0; }")
                .append(".meta td { padding: 0.4mm 0; }")
                .append(".totals { width: 45%; margin-left: 55%; margin-top: 4mm; }")
                .append(".totals .grand td { border-top: 0.8pt solid #333; font-weight: bold; font-size: 11pt; }")
                .append(".section { margin-top: 6mm; }")
                .append(".small { font-size: 8pt; color: #555; }")
                .append("</style></head><body>");
        Party seller = i.seller();
        h.append("<div class=\"seller\">").append(esc(seller.name())).append(" · ").append(esc(oneLine(seller.address()))).append("</div>");
        h.append("<table class=\"head\"><tr><td style=\"width:55%\">");
        h.append("<div class=\"small\">Bill to</div>").append(partyBlock(i.buyer()));
        if (i.shipTo() != null) {
            h.append("<div class=\"small\" style=\"margin-top:3mm\">Ship to</div>").append(addressBlock(i.shipTo()));
        }
        h.append("</td><td>");
        h.append("<h1>").append(esc(title)).append("</h1><table class=\"meta\">");
        meta(h, title + " number", number(i));
        meta(h, "Issue date", i.issueDate() == null ? "—" : DATE.format(i.issueDate()));
        if (!i.isCreditNote() && i.dueDate() != null) {
            meta(h, "Due date", DATE.format(i.dueDate()));
        }
        if (i.isCreditNote()) {
            meta(h, "Credits invoice", i.originalInvoiceNumber());
        }
        meta(h, "Order", i.orderNumber() + (i.orderReference() != null ? " (" + i.orderReference() + ")" : ""));
        if (i.shipmentNumber() != null) {
            meta(h, "Shipment", i.shipmentNumber());
        }
        if (i.buyer().vatId() != null) {
            meta(h, "Your VAT ID", i.buyer().vatId());
        }
        meta(h, "Status", i.status().name());
        h.append("</table></td></tr></table>");
        if (i.reason() != null) {
            h.append("<p class=\"section\">Reason: ").append(esc(i.reason())).append("</p>");
        }

        h.append("<table class=\"lines section\"><thead><tr><th>#</th><th>Item</th><th class=\"num\">Qty</th><th class=\"num\">Unit price</th>")
                .append("<th class=\"num\">VAT</th><th class=\"num\">Net</th></tr></thead><tbody>");
        for (InvoiceLine line : i.lines()) {
            h.append("<tr><td>").append(line.lineNumber()).append("</td><td>").append(esc(line.description()));
            if (line.sku() != null) {
                h.append("<br/><span class=\"small\">").append(esc(line.sku())).append("</span>");
            }
            h.append("</td><td class=\"num\">").append(line.quantity()).append("</td><td class=\"num\">").append(esc(amount(line.unitPrice())))
                    .append("</td><td class=\"num\">").append(esc(percent(line.taxRate()))).append(' ').append(esc(line.vatCategory()))
                    .append("</td><td class=\"num\">").append(esc(amount(line.lineNet()))).append("</td></tr>");
        }
        h.append("</tbody></table>");

        h.append("<table class=\"lines section\" style=\"width:70%\"><thead><tr><th>VAT</th><th class=\"num\">Rate</th>")
                .append("<th class=\"num\">Taxable amount</th><th class=\"num\">VAT amount</th></tr></thead><tbody>");
        for (TaxSubtotal group : i.taxSummary()) {
            h.append("<tr><td>").append(esc(group.vatCategory()));
            if (group.exemptionReason() != null) {
                h.append(" – ").append(esc(group.exemptionReason()));
            }
            h.append("</td><td class=\"num\">").append(esc(percent(group.taxRate()))).append("</td><td class=\"num\">")
                    .append(esc(amount(group.taxableAmount()))).append("</td><td class=\"num\">").append(esc(amount(group.tax())))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>");

        Totals t = i.totals();
        h.append("<table class=\"totals\">");
        total(h, "Subtotal", t.subtotal(), false);
        if (!t.discount().isZero()) {
            total(h, "Discount", t.discount(), false);
        }
        if (!t.shipping().isZero()) {
            total(h, "Shipping", t.shipping(), false);
        }
        total(h, "VAT", t.tax(), false);
        total(h, "Total " + i.currency(), t.total(), true);
        h.append("</table>");

        h.append("<div class=\"section\">");
        if (i.isCreditNote()) {
            h.append("<p>This credit note reduces invoice ").append(esc(i.originalInvoiceNumber())).append(" by ")
                    .append(esc(amount(new Money(t.total().amount().negate(), t.total().currency())))).append(' ').append(esc(i.currency())).append(".</p>");
        } else {
            h.append("<p>Payment terms: ").append(i.paymentTermsDays() == 0 ? "payable immediately" : "payable within "
                    + i.paymentTermsDays() + " days").append(i.dueDate() == null ? "" : ", by " + DATE.format(i.dueDate())).append(".");
            if (seller.iban() != null) {
                h.append(" Please transfer the amount to IBAN ").append(esc(seller.iban()));
                if (seller.bic() != null) {
                    h.append(" (BIC ").append(esc(seller.bic())).append(')');
                }
                h.append(", quoting ").append(esc(number(i))).append('.');
            }
            h.append("</p>");
        }
        h.append("</div>");
        h.append("<div class=\"section small\">").append(esc(seller.name())).append(" · ").append(esc(oneLine(seller.address())));
        if (seller.vatId() != null) {
            h.append(" · VAT ID ").append(esc(seller.vatId()));
        }
        if (seller.registration() != null) {
            h.append(" · ").append(esc(seller.registration()));
        }
        if (seller.email() != null) {
            h.append(" · ").append(esc(seller.email()));
        }
        if (seller.phone() != null) {
            h.append(" · ").append(esc(seller.phone()));
        }
        h.append("</div></body></html>");
        return h.toString();
    }

    private static void meta(StringBuilder h, String label, String value) {
        h.append("<tr><td class=\"small\" style=\"width:40%\">").append(esc(label)).append("</td><td>").append(esc(value)).append("</td></tr>");
    }

    private static void total(StringBuilder h, String label, Money value, boolean grand) {
        h.append("<tr").append(grand ? " class=\"grand\"" : "").append("><td>").append(esc(label)).append("</td><td class=\"num\">")
                .append(esc(amount(value))).append("</td></tr>");
    }

    private static String partyBlock(Party party) {
        return addressBlock(party.address() == null
                ? new Address(party.name(), null, null, null, null, null, null)
                : new Address(party.name(), party.address().line1(), party.address().line2(), party.address().city(),
                        party.address().region(), party.address().postalCode(), party.address().country()));
    }

    private static String addressBlock(Address a) {
        StringBuilder b = new StringBuilder("<div>");
        b.append("<b>").append(esc(a.name())).append("</b>");
        for (String part : new String[] {a.line1(), a.line2(), join(a.postalCode(), a.city()), a.region(), a.country()}) {
            if (part != null && !part.isBlank()) {
                b.append("<br/>").append(esc(part));
            }
        }
        return b.append("</div>").toString();
    }

    private static String oneLine(Address a) {
        if (a == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (String part : new String[] {a.line1(), a.line2(), join(a.postalCode(), a.city()), a.country()}) {
            if (part != null && !part.isBlank()) {
                s.append(s.isEmpty() ? "" : ", ").append(part);
            }
        }
        return s.toString();
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

    /** Escapes text for XHTML, and drops control characters that XML does not allow. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}
