package org.ordo.catalog;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Tax by tax category and destination country. Orders price their lines with it and invoicing bills with it,
 * so an order's tax and its invoices' tax agree.
 */
public interface TaxRates {

    /** The rates that apply to goods shipped to {@code country}; a tax-exempt buyer pays 0 % on everything. */
    Destination forDestination(String country, boolean exempt);

    /**
     * How one tax category is taxed: {@code vatCategory} is the EN 16931 code (S standard, Z zero rated, E exempt,
     * G export outside the EU); {@code exempt} tells that the buyer is exempt (the reason is the seller's to state).
     */
    record Treatment(String taxCategory, BigDecimal rate, String vatCategory, String exemptionReason, boolean exempt) {}

    /** The treatments at one destination; a category without a country rate falls back to its own default rate. */
    record Destination(String country, boolean exempt, Map<String, Treatment> byCategory) {

        public Treatment of(String taxCategory, BigDecimal categoryDefaultRate) {
            if (exempt) {
                return new Treatment(taxCategory, BigDecimal.ZERO, "E", null, true);
            }
            Treatment treatment = byCategory.get(taxCategory);
            if (treatment != null) {
                return treatment;
            }
            BigDecimal rate = categoryDefaultRate.stripTrailingZeros();
            return new Treatment(taxCategory, rate, rate.signum() > 0 ? "S" : "Z", null, false);
        }
    }
}
