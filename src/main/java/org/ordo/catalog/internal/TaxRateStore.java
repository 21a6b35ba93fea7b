package org.ordo.catalog.internal;

import java.util.HashMap;
import java.util.Map;
import org.ordo.catalog.TaxRates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tax rates per category × country from table tax_rate. */
@Component
class TaxRateStore implements TaxRates {

    private final JdbcClient jdbc;

    TaxRateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Destination forDestination(String country, boolean exempt) {
        Map<String, Treatment> rates = new HashMap<>();
        if (!exempt && country != null) {
            jdbc.sql("SELECT tax_category, rate, vat_category, exemption_reason FROM tax_rate WHERE country = ?")
                    .param(country)
                    .query(rs -> {
                        rates.put(
                                rs.getString("tax_category"),
                                new Treatment(
                                        rs.getString("tax_category"),
                                        rs.getBigDecimal("rate").stripTrailingZeros(),
                                        rs.getString("vat_category").trim(),
                                        rs.getString("exemption_reason"),
                                        false));
                    });
        }
        return new Destination(country, exempt, Map.copyOf(rates));
    }
}
