package org.ordo.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ordo.catalog.DistanceSales;
import org.ordo.catalog.TaxRates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * VAT of a sale: the regime from {@link VatPolicy}, the rates per country × tax category from table vat_rate, valid on
 * the day asked. The seller's country is the company's ({@code ordo.company.country}); {@code ordo.tax.oss-registered}
 * tells whether the seller charges consumers in other member states their country's VAT (One-Stop Shop); a seller not
 * registered does so too once the distance sales of the year before or of this year pass
 * {@code ordo.tax.distance-sales-threshold} (EUR 10,000, EU-wide), as {@link DistanceSales} counts them.
 */
@Component
class TaxRateStore implements TaxRates {

    static final String INTRA_COMMUNITY_NOTE = "Intra-community supply — reverse charge";
    static final String EXPORT_NOTE = "Export outside the EU";

    private final JdbcClient jdbc;
    private final String sellerCountry;
    private final boolean ossRegistered;
    private final BigDecimal distanceSalesThreshold;
    private final ObjectProvider<DistanceSales> distanceSales;

    TaxRateStore(
            JdbcClient jdbc,
            @Value("${ordo.company.country:DE}") String sellerCountry,
            @Value("${ordo.tax.oss-registered:true}") boolean ossRegistered,
            @Value("${ordo.tax.distance-sales-threshold:10000.00}") BigDecimal distanceSalesThreshold,
            ObjectProvider<DistanceSales> distanceSales) {
        this.jdbc = jdbc;
        this.sellerCountry = sellerCountry;
        this.ossRegistered = ossRegistered;
        this.distanceSalesThreshold = distanceSalesThreshold;
        this.distanceSales = distanceSales;
    }

    @Override
    public Destination forSale(String shipToCountry, String buyerVatId, boolean exempt, LocalDate on) {
        VatPolicy.Regime regime =
                VatPolicy.regime(new VatPolicy.Sale(sellerCountry, shipToCountry, buyerVatId, exempt, ossRegistered));
        if (regime == VatPolicy.Regime.DISTANCE_SALE_AT_SELLER_RATES && aboveThreshold(on.getYear())) {
            regime = VatPolicy.Regime.DISTANCE_SALE_AT_DESTINATION_RATES;
        }
        return switch (regime) {
            case EXEMPT -> blanket(shipToCountry, "E", null);
            case EXPORT -> blanket(shipToCountry, "G", EXPORT_NOTE);
            case INTRA_COMMUNITY_SUPPLY -> blanket(shipToCountry, "K", INTRA_COMMUNITY_NOTE);
            case DISTANCE_SALE_AT_DESTINATION_RATES -> rates(shipToCountry, shipToCountry, on);
            case DOMESTIC, DISTANCE_SALE_AT_SELLER_RATES -> rates(shipToCountry, sellerCountry, on);
        };
    }

    /**
     * Whether the distance sales of the year before or of this year so far went past the threshold: from then on
     * consumers in other member states pay their own country's VAT, registered for OSS or not. Asked only for such a
     * sale by a seller not registered, so the hot path of domestic and business sales never counts.
     */
    private boolean aboveThreshold(int year) {
        DistanceSales sales = distanceSales.getIfAvailable();
        if (sales == null) {
            return false;
        }
        Set<String> otherMemberStates = new HashSet<>(VatPolicy.EU);
        otherMemberStates.remove(sellerCountry.strip().toUpperCase(Locale.ROOT));
        return sales.netInEuros(otherMemberStates, year - 1).compareTo(distanceSalesThreshold) > 0
                || sales.netInEuros(otherMemberStates, year).compareTo(distanceSalesThreshold) > 0;
    }

    private static Destination blanket(String shipTo, String vatCategory, String note) {
        return new Destination(shipTo, new Treatment(null, BigDecimal.ZERO, vatCategory, note), Map.of());
    }

    private Destination rates(String shipTo, String taxedIn, LocalDate on) {
        Map<String, Treatment> rates = new HashMap<>();
        jdbc.sql("""
                        SELECT tax_category, rate, vat_category FROM vat_rate
                         WHERE country = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                        """).param(taxedIn).param(on).param(on).query(rs -> {
            rates.put(
                    rs.getString("tax_category"),
                    new Treatment(
                            rs.getString("tax_category"),
                            rs.getBigDecimal("rate").stripTrailingZeros(),
                            rs.getString("vat_category").trim(),
                            null));
        });
        return new Destination(shipTo, null, Map.copyOf(rates));
    }
}
