package org.ordo.edi.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.LongSupplier;
import org.ordo.shared.Money;

/**
 * The invoice of an EDI order: an X12 810 (BIG with the PO number, IT1 and TXI per line, TDS total, SAC for the
 * shipping charge) or an EDIFACT INVOIC (D:96A, LIN with QTY+47, MOA+203, PRI and TAX per line, the totals as MOA 79,
 * 125, 176 and 77, ALC+C for the shipping charge), each in an interchange of its own with fresh control numbers.
 */
final class InvoiceRenderer {

    /** One invoiced line: the partner's line number of the purchase order (the line number when unknown). */
    record Item(
            String partnerLine,
            String sku,
            long quantity,
            Money unitPrice,
            Money lineNet,
            BigDecimal taxRate,
            Money tax) {}

    /** A tax group of the invoice: its rate, what it is charged on and the tax. */
    record TaxGroup(BigDecimal taxRate, Money taxable, Money tax) {}

    /** What the invoice says; {@code shipping} is net and zero when nothing is charged. */
    record EdiInvoice(
            String number,
            LocalDate issueDate,
            String poNumber,
            String buyer,
            String currency,
            List<Item> items,
            List<TaxGroup> taxes,
            Money subtotal,
            Money shipping,
            Money tax,
            Money total) {}

    private final AcknowledgementRenderer.OurId our;
    private final LongSupplier controlNumbers;

    InvoiceRenderer(AcknowledgementRenderer.OurId our, LongSupplier controlNumbers) {
        this.our = our;
        this.controlNumbers = controlNumbers;
    }

    ShipNoticeRenderer.Written render(String standard, EdiMessage.Envelope partner, EdiInvoice invoice) {
        long control = controlNumbers.getAsLong() % 1_000_000_000L;
        String raw = "X12".equals(standard) ? x12(partner, control, invoice) : invoic(partner, control, invoice);
        return new ShipNoticeRenderer.Written(Long.toString(control), raw);
    }

    private String x12(EdiMessage.Envelope partner, long control, EdiInvoice i) {
        X12Envelope envelope = new X12Envelope(our, partner, control, "IN");
        envelope.startTransaction("810", (int) control);
        envelope.add("BIG", i.issueDate().format(DateTimeFormatter.BASIC_ISO_DATE), i.number(), "", i.poNumber());
        envelope.add("CUR", "SE", i.currency());
        if (i.buyer() != null) {
            envelope.add("N1", "BY", i.buyer());
        }
        for (Item item : i.items()) {
            envelope.add(
                    "IT1", item.partnerLine(), item.quantity(), "EA", amount(item.unitPrice()), "", "VN", item.sku());
            envelope.add("TXI", "VA", amount(item.tax()), percent(item.taxRate()));
        }
        envelope.add("TDS", cents(i.total()));
        envelope.add("TXI", "VA", amount(i.tax()));
        if (!i.shipping().isZero()) {
            envelope.add("SAC", "C", "D240", "", "", cents(i.shipping()));
        }
        envelope.add("CTT", i.items().size());
        envelope.endTransaction();
        return envelope.write();
    }

    private String invoic(EdiMessage.Envelope partner, long control, EdiInvoice i) {
        EdifactEnvelope envelope = new EdifactEnvelope(our, partner, control);
        envelope.startMessage(List.of("INVOIC", "D", "96A", "UN"));
        envelope.add("BGM", "380", i.number(), "9");
        envelope.add("DTM", List.of("137", i.issueDate().format(DateTimeFormatter.BASIC_ISO_DATE), "102"));
        envelope.add("RFF", List.of("ON", i.poNumber()));
        if (i.buyer() != null) {
            envelope.add("NAD", "BY", "", "", i.buyer());
        }
        envelope.add("CUX", List.of("2", i.currency(), "4"));
        if (!i.shipping().isZero()) {
            envelope.add("ALC", "C", "", "", "", "FC");
            envelope.add("MOA", moa("23", i.shipping()));
        }
        for (Item item : i.items()) {
            envelope.add("LIN", item.partnerLine(), "", List.of(item.sku(), "SA"));
            envelope.add("QTY", List.of("47", Long.toString(item.quantity())));
            envelope.add("MOA", moa("203", item.lineNet()));
            envelope.add("PRI", List.of("AAA", amount(item.unitPrice())));
            envelope.add("TAX", "7", "VAT", "", "", List.of("", "", "", percent(item.taxRate())));
            envelope.add("MOA", moa("124", item.tax()));
        }
        envelope.add("UNS", "S");
        envelope.add("CNT", List.of("2", Integer.toString(i.items().size())));
        envelope.add("MOA", moa("79", i.subtotal()));
        envelope.add("MOA", moa("125", i.subtotal().plus(i.shipping())));
        envelope.add("MOA", moa("176", i.tax()));
        envelope.add("MOA", moa("77", i.total()));
        for (TaxGroup group : i.taxes()) {
            envelope.add("TAX", "7", "VAT", "", "", List.of("", "", "", percent(group.taxRate())));
            envelope.add("MOA", moa("125", group.taxable()));
            envelope.add("MOA", moa("124", group.tax()));
        }
        envelope.endMessage();
        return envelope.write();
    }

    private static List<Object> moa(String qualifier, Money amount) {
        return List.of(qualifier, amount(amount));
    }

    static String amount(Money money) {
        return money.amount().toPlainString();
    }

    /** X12's N2: the amount in minor units without a decimal point. */
    static String cents(Money money) {
        return money.amount()
                .movePointRight(2)
                .setScale(0, java.math.RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    static String percent(BigDecimal rate) {
        return rate == null
                ? "0"
                : rate.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
    }
}
