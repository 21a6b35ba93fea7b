package org.ordo.invoicing.internal;

import java.util.Currency;
import java.util.List;
import org.ordo.shared.Money;

/**
 * A document's totals: sums of the rounded lines (invariant 6), the tax with the shipping charge's (taxed like the
 * goods, see {@link ShippingShare}); total = subtotal − discount + shipping + tax (invariant 7).
 */
record Totals(Money subtotal, Money discount, Money shipping, Money tax, Money total) {

    static Totals of(Currency currency, List<InvoiceLine> lines, Money discount, Money shipping) {
        Money subtotal = Money.zero(currency);
        Money tax = Money.zero(currency);
        for (InvoiceLine line : lines) {
            subtotal = subtotal.plus(line.lineNet());
            tax = tax.plus(line.tax());
        }
        tax = tax.plus(ShippingShare.taxOf(lines, shipping));
        return new Totals(
                subtotal,
                discount,
                shipping,
                tax,
                subtotal.minus(discount).plus(shipping).plus(tax));
    }
}
