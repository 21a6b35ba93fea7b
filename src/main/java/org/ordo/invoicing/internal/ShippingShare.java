package org.ordo.invoicing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordo.shared.Money;
import org.ordo.shared.ProRata;

/**
 * The part of a document's shipping charge taxed like one group of its lines (EN 16931: a document-level charge takes
 * the VAT of the goods; over several rates it is split pro rata by their nets). In UBL each share is one
 * {@code cac:AllowanceCharge}.
 */
record ShippingShare(TaxTreatment treatment, Money net, Money tax) {

    /** The shares of {@code shipping} over the tax groups of {@code lines}, in their order; none without a charge. */
    static List<ShippingShare> of(List<InvoiceLine> lines, Money shipping) {
        List<ShippingShare> shares = new ArrayList<>();
        if (shipping == null || shipping.isZero()) {
            return shares;
        }
        Map<String, TaxTreatment> treatments = new LinkedHashMap<>();
        Map<String, Money> nets = new LinkedHashMap<>();
        for (InvoiceLine line : lines) {
            treatments.putIfAbsent(line.treatment().groupKey(), line.treatment());
            nets.merge(line.treatment().groupKey(), line.lineNet(), Money::plus);
        }
        ProRata.split(shipping, nets).forEach((key, net) -> {
            TaxTreatment treatment = treatments.get(key);
            shares.add(new ShippingShare(treatment, net, net.timesRate(treatment.rate())));
        });
        return shares;
    }

    /** The VAT on the whole charge: the shares' taxes, each rounded half-even. */
    static Money taxOf(List<InvoiceLine> lines, Money shipping) {
        Money tax = Money.zero(shipping.currency());
        for (ShippingShare share : of(lines, shipping)) {
            tax = tax.plus(share.tax());
        }
        return tax;
    }
}
