package org.ordo.invoicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.ordo.catalog.TaxRates;
import org.springframework.stereotype.Component;

/**
 * How invoice lines are taxed, by the catalog's VAT rule book ({@link TaxRates}, the one orders are priced with):
 * intra-community supplies (K) and exports (G) at 0 % with their legal note, tax-exempt customers at 0 % in category E
 * with the configured exemption reason, everything else at the rate its order line was priced at.
 */
@Component
class Taxes {

    private final TaxRates rates;
    private final InvoicingProperties properties;

    Taxes(TaxRates rates, InvoicingProperties properties) {
        this.rates = rates;
        this.properties = properties;
    }

    /**
     * The treatments of a sale, to be asked per line with {@link Destination#of}; {@code on} is the order's placement
     * date.
     */
    Destination destination(String country, String buyerVatId, boolean exempt, LocalDate on) {
        return new Destination(rates.forSale(country, buyerVatId, exempt, on), properties.exemptionReason());
    }

    record Destination(TaxRates.Destination rates, String exemptionReason) {

        /**
         * How an order line of this category is taxed: K, G and E at 0 %; otherwise at {@code orderedRate}, the rate
         * the order line was priced at, so that a rate changed since the order was placed does not reach its invoices.
         */
        TaxTreatment of(String taxCategory, BigDecimal orderedRate) {
            if (rates.blanket() == null) {
                return TaxTreatment.of(taxCategory, orderedRate.stripTrailingZeros());
            }
            TaxRates.Treatment t = rates.of(taxCategory, orderedRate);
            return new TaxTreatment(
                    t.taxCategory(), t.rate(), t.vatCategory(), rates.exempt() ? exemptionReason : t.exemptionReason());
        }
    }
}
