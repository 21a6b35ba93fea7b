package org.ordo.catalog.internal;

import java.util.Locale;
import java.util.Set;

/**
 * The rule book of VAT for a seller in the EU: which regime a sale falls under, from the seller's country, the
 * ship-to country, the buyer's VAT identifier and tax exemption. The first rule that matches wins:
 * <ol>
 *   <li>a tax-exempt buyer: 0 %, category E;
 *   <li>ship-to outside the EU: export, 0 %, category G;
 *   <li>ship-to the seller's own country: the seller country's rates;
 *   <li>another EU country and a buyer VAT id of an EU country other than the seller's: intra-community supply,
 *       0 %, category K, reverse charge;
 *   <li>another EU country otherwise (a consumer): the destination's rates when the seller is registered for OSS
 *       (above the EU-wide distance-selling threshold), else the seller's.
 * </ol>
 */
final class VatPolicy {

    /** The member states by ISO 3166 code; VAT ids of Greece start with EL. */
    static final Set<String> EU = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    enum Regime {
        /** The seller's country's rates (category S or Z). */
        DOMESTIC,
        /** A consumer in another EU country, below the OSS threshold: the seller's rates. */
        DISTANCE_SALE_AT_SELLER_RATES,
        /** A consumer in another EU country, the seller registered for OSS: the destination's rates. */
        DISTANCE_SALE_AT_DESTINATION_RATES,
        /** Category K, 0 %, the buyer accounts for the VAT. */
        INTRA_COMMUNITY_SUPPLY,
        /** Category G, 0 %. */
        EXPORT,
        /** Category E, 0 %. */
        EXEMPT
    }

    record Sale(String sellerCountry, String shipToCountry, String buyerVatId, boolean exempt, boolean ossRegistered) {}

    private VatPolicy() {}

    static Regime regime(Sale sale) {
        if (sale.exempt()) {
            return Regime.EXEMPT;
        }
        String shipTo = upper(sale.shipToCountry());
        String seller = upper(sale.sellerCountry());
        if (shipTo == null || shipTo.equals(seller)) {
            return Regime.DOMESTIC;
        }
        if (!EU.contains(shipTo)) {
            return Regime.EXPORT;
        }
        String buyerCountry = vatIdCountry(sale.buyerVatId());
        if (buyerCountry != null && EU.contains(buyerCountry) && !buyerCountry.equals(seller)) {
            return Regime.INTRA_COMMUNITY_SUPPLY;
        }
        return sale.ossRegistered() ? Regime.DISTANCE_SALE_AT_DESTINATION_RATES : Regime.DISTANCE_SALE_AT_SELLER_RATES;
    }

    /** The country a VAT id was issued by (its two-letter prefix, EL read as GR); null if it has none. */
    static String vatIdCountry(String vatId) {
        if (vatId == null) {
            return null;
        }
        String id = vatId.strip().toUpperCase(Locale.ROOT);
        if (id.length() < 4 || !Character.isLetter(id.charAt(0)) || !Character.isLetter(id.charAt(1))) {
            return null;
        }
        String prefix = id.substring(0, 2);
        return prefix.equals("EL") ? "GR" : prefix;
    }

    private static String upper(String country) {
        return country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
    }
}
