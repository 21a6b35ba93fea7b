package org.ordo.invoicing.internal;

import java.math.BigDecimal;
import org.ordo.shared.Money;

/**
 * One line of an invoice or credit note. {@code lineNet} = unitPrice × quantity and {@code tax} = lineNet × taxRate, each
 * rounded half-even to the currency's minor unit (invariant 6). On credit notes quantity, net and tax are negative and
 * {@code creditedLineNumber} names the invoice line credited; {@code orderLineNumber} is null for amount credits.
 * {@code grossPrice}: the unit price before the order line's discounts (EN 16931 BT-148); null without discounts.
 */
record InvoiceLine(
        int lineNumber,
        Integer orderLineNumber,
        Integer creditedLineNumber,
        String sku,
        String description,
        long quantity,
        Money unitPrice,
        Money lineNet,
        String taxCategory,
        BigDecimal taxRate,
        String vatCategory,
        String exemptionReason,
        Money tax,
        Money grossPrice) {

    static InvoiceLine of(
            int lineNumber,
            Integer orderLineNumber,
            Integer creditedLineNumber,
            String sku,
            String description,
            long quantity,
            Money unitPrice,
            TaxTreatment treatment) {
        return of(
                lineNumber,
                orderLineNumber,
                creditedLineNumber,
                sku,
                description,
                quantity,
                unitPrice,
                null,
                treatment);
    }

    /** A line at {@code unitPrice}, discounted from {@code grossPrice} (null or equal: no discount). */
    static InvoiceLine of(
            int lineNumber,
            Integer orderLineNumber,
            Integer creditedLineNumber,
            String sku,
            String description,
            long quantity,
            Money unitPrice,
            Money grossPrice,
            TaxTreatment treatment) {
        Money net = unitPrice.times(quantity);
        return new InvoiceLine(
                lineNumber,
                orderLineNumber,
                creditedLineNumber,
                sku,
                description,
                quantity,
                unitPrice,
                net,
                treatment.taxCategory(),
                treatment.rate(),
                treatment.vatCategory(),
                treatment.exemptionReason(),
                net.timesRate(treatment.rate()),
                grossPrice == null || grossPrice.compareTo(unitPrice) <= 0 ? null : grossPrice);
    }

    TaxTreatment treatment() {
        return new TaxTreatment(taxCategory, taxRate, vatCategory, exemptionReason);
    }
}
