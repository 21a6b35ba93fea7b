package org.ordo.invoicing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordo.shared.Money;

/**
 * One line of the tax summary: the lines of one VAT category and rate, and the share of the shipping charge taxed like
 * them, summed (taxable amount and tax).
 */
record TaxSubtotal(String vatCategory, BigDecimal taxRate, String exemptionReason, Money taxableAmount, Money tax) {

    /** The tax summary of these lines, in order of first appearance. */
    static List<TaxSubtotal> of(List<InvoiceLine> lines) {
        return of(lines, null);
    }

    /** The tax summary of these lines and the shares of {@code shipping} (none when null or zero). */
    static List<TaxSubtotal> of(List<InvoiceLine> lines, Money shipping) {
        Map<String, TaxSubtotal> groups = new LinkedHashMap<>();
        for (InvoiceLine line : lines) {
            groups.merge(
                    line.treatment().groupKey(),
                    new TaxSubtotal(
                            line.vatCategory(), line.taxRate(), line.exemptionReason(), line.lineNet(), line.tax()),
                    (a, b) -> new TaxSubtotal(
                            a.vatCategory,
                            a.taxRate,
                            a.exemptionReason,
                            a.taxableAmount.plus(b.taxableAmount),
                            a.tax.plus(b.tax)));
        }
        for (ShippingShare share : ShippingShare.of(lines, shipping)) {
            TaxSubtotal group = groups.get(share.treatment().groupKey());
            groups.put(
                    share.treatment().groupKey(),
                    new TaxSubtotal(
                            group.vatCategory,
                            group.taxRate,
                            group.exemptionReason,
                            group.taxableAmount.plus(share.net()),
                            group.tax.plus(share.tax())));
        }
        return new ArrayList<>(groups.values());
    }
}
