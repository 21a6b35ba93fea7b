package org.ordo.invoicing.internal;

import java.math.BigDecimal;

/**
 * How one line is taxed: the product's tax category, the rate that applies at the destination, the EN 16931 VAT
 * category code (S standard, Z zero rated, E exempt, G export outside the EU) and, for E and G, the exemption reason.
 */
record TaxTreatment(String taxCategory, BigDecimal rate, String vatCategory, String exemptionReason) {

    static TaxTreatment of(String taxCategory, BigDecimal rate) {
        return new TaxTreatment(taxCategory, rate, rate.signum() > 0 ? "S" : "Z", null);
    }

    /** Lines with the same rate, VAT category and reason are summed into one line of the tax summary. */
    String groupKey() {
        return vatCategory + "|" + rate.stripTrailingZeros().toPlainString() + "|"
                + (exemptionReason == null ? "" : exemptionReason);
    }
}
