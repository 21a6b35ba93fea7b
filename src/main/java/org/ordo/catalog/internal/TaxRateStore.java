package org.ordo.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.ordo.catalog.TaxRates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * VAT of a sale: the regime from {@link VatPolicy}, the rates per country × tax category from table vat_rate, valid on
 * the day asked. The seller's country is the company's ({@code ordo.company.country}); {@code ordo.tax.oss-registered}
 * tells whether the seller charges consumers in other member states their country's VAT (One-Stop Shop, required above
 * the EU-wide EUR 10,000 threshold of distance sales a year).
 */
@Component
class TaxRateStore implements TaxRates {

    static final String INTRA_COMMUNITY_NOTE = "Intra-community supply — reverse charge";
    static final String EXPORT_NOTE = "Export outside the EU";

    private final JdbcClient jdbc;
    private final String sellerCountry;
    private final boolean ossRegistered;

    TaxRateStore(
            JdbcClient jdbc,
            @Value("${ordo.company.country:DE}") String sellerCountry,
            @Value("${ordo.tax.oss-registered:true}") boolean ossRegistered) {
        this.jdbc = jdbc;
        this.sellerCountry = sellerCountry;
        this.ossRegistered = ossRegistered;
    }

    @Override
    public Destination forSale(String shipToCountry, String buyerVatId, boolean exempt, LocalDate on) {
        VatPolicy.Regime regime =
                VatPolicy.regime(new VatPolicy.Sale(sellerCountry, shipToCountry, buyerVatId, exempt, ossRegistered));
        return switch (regime) {
            case EXEMPT -> blanket(shipToCountry, "E", null);
            case EXPORT -> blanket(shipToCountry, "G", EXPORT_NOTE);
            case INTRA_COMMUNITY_SUPPLY -> blanket(shipToCountry, "K", INTRA_COMMUNITY_NOTE);
            case DISTANCE_SALE_AT_DESTINATION_RATES -> rates(shipToCountry, shipToCountry, on);
            case DOMESTIC, DISTANCE_SALE_AT_SELLER_RATES -> rates(shipToCountry, sellerCountry, on);
        };
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
