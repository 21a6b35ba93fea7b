package org.ordo.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ordo.catalog.DistanceSales;
import org.ordo.catalog.TaxRates;
import org.ordo.platform.ChangeNotices;
import org.ordo.platform.ExactCache;
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
 *
 * <p>A country's rates, all their periods, are kept in an {@link ExactCache}; {@link TaxRateService} announces each
 * change of a country's rates.
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
    private final ExactCache<List<Period>> ratesByCountry;

    /** A row of vat_rate; {@code validTo} null: open. */
    private record Period(Treatment treatment, LocalDate validFrom, LocalDate validTo) {

        boolean validOn(LocalDate day) {
            return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
        }
    }

    TaxRateStore(
            JdbcClient jdbc,
            ChangeNotices notices,
            @Value("${ordo.company.country:DE}") String sellerCountry,
            @Value("${ordo.tax.oss-registered:true}") boolean ossRegistered,
            @Value("${ordo.tax.distance-sales-threshold:10000.00}") BigDecimal distanceSalesThreshold,
            ObjectProvider<DistanceSales> distanceSales) {
        this.jdbc = jdbc;
        this.sellerCountry = sellerCountry;
        this.ossRegistered = ossRegistered;
        this.distanceSalesThreshold = distanceSalesThreshold;
        this.distanceSales = distanceSales;
        // a country per entry: a few hundred at most
        this.ratesByCountry = ExactCache.of("vat-rates", notices, 1_000);
    }

    /** The rates of {@code country} change in the current transaction. */
    void announce(String country) {
        ratesByCountry.announce(country);
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
        for (Period period : ratesByCountry.get(taxedIn, this::periods)) {
            if (period.validOn(on)) {
                rates.put(period.treatment().taxCategory(), period.treatment());
            }
        }
        return new Destination(shipTo, null, Map.copyOf(rates));
    }

    private List<Period> periods(String country) {
        return jdbc.sql("SELECT tax_category, rate, vat_category, valid_from, valid_to FROM vat_rate WHERE country = ?")
                .param(country)
                .query((rs, n) -> new Period(
                        new Treatment(
                                rs.getString("tax_category"),
                                rs.getBigDecimal("rate").stripTrailingZeros(),
                                rs.getString("vat_category").trim(),
                                null),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class)))
                .list();
    }
}
