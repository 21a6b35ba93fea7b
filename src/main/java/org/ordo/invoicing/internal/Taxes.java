package org.ordo.invoicing.internal;

import java.math.BigDecimal;
import org.ordo.catalog.TaxRates;
import org.springframework.stereotype.Component;

/**
 * Tax by tax category and destination country, as the catalog's {@link TaxRates} state it (the same rates orders are
 * priced with). Tax-exempt customers get 0 % in EN 16931 category E with the configured exemption reason.
 */
@Component
class Taxes {

    private final TaxRates rates;
    private final InvoicingProperties properties;

    Taxes(TaxRates rates, InvoicingProperties properties) {
        this.rates = rates;
        this.properties = properties;
    }

    /** The treatments of one destination, to be asked per line with {@link Destination#of}. */
    Destination destination(String country, boolean exempt) {
        return new Destination(rates.forDestination(country, exempt), properties.exemptionReason());
    }

    record Destination(TaxRates.Destination rates, String exemptionReason) {

        /** How a line of this category is taxed here; {@code categoryRate} is the category's own rate (the fallback). */
        TaxTreatment of(String taxCategory, BigDecimal categoryRate) {
            TaxRates.Treatment t = rates.of(taxCategory, categoryRate);
            return new TaxTreatment(
                    t.taxCategory(), t.rate(), t.vatCategory(), t.exempt() ? exemptionReason : t.exemptionReason());
        }
    }
}
