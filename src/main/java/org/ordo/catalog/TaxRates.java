package org.ordo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * VAT of a sale by tax category, as the rule book of catalog's {@code VatPolicy} decides it from the seller's country
 * ({@code ordo.company.country}), where the goods go and who buys. Orders price their lines with it on their placement
 * date and invoicing bills with it for the same date, so an order's tax and its invoices' tax agree.
 */
public interface TaxRates {

    /** The exemption reason code (CEF VATEX) of intra-community supplies, category K. */
    String INTRA_COMMUNITY_CODE = "VATEX-EU-IC";

    /** The exemption reason code (CEF VATEX) of exports outside the EU, category G. */
    String EXPORT_CODE = "VATEX-EU-G";

    /**
     * The treatments of a sale shipped to {@code shipToCountry} for a buyer with {@code buyerVatId} (may be null) who
     * may be {@code exempt}, at the rates valid {@code on} that day.
     */
    Destination forSale(String shipToCountry, String buyerVatId, boolean exempt, LocalDate on);

    /** The VATEX code that goes with an EN 16931 category; null where the category has none (S, Z, E). */
    static String exemptionCode(String vatCategory) {
        return switch (vatCategory) {
            case "K" -> INTRA_COMMUNITY_CODE;
            case "G" -> EXPORT_CODE;
            default -> null;
        };
    }

    /**
     * How one tax category is taxed: {@code vatCategory} is the EN 16931 code (S standard, Z zero rated, E exempt,
     * K intra-community supply, G export outside the EU); {@code exemptionReason} is the legal note of K and G (an
     * exempt buyer's reason is the seller's to state, so it is null for E).
     */
    record Treatment(String taxCategory, BigDecimal rate, String vatCategory, String exemptionReason) {}

    /**
     * The treatments of one sale. {@code blanket}, when set, is a 0 % treatment for every category (K, G, E);
     * otherwise a category without a country rate falls back to its own default rate.
     */
    record Destination(String country, Treatment blanket, Map<String, Treatment> byCategory) {

        public Treatment of(String taxCategory, BigDecimal categoryDefaultRate) {
            if (blanket != null) {
                return new Treatment(taxCategory, BigDecimal.ZERO, blanket.vatCategory(), blanket.exemptionReason());
            }
            Treatment treatment = byCategory.get(taxCategory);
            if (treatment != null) {
                return treatment;
            }
            BigDecimal rate = categoryDefaultRate.stripTrailingZeros();
            return new Treatment(taxCategory, rate, rate.signum() > 0 ? "S" : "Z", null);
        }

        /** Whether the buyer is exempt (category E), so that the seller states the reason. */
        public boolean exempt() {
            return blanket != null && "E".equals(blanket.vatCategory());
        }
    }
}
