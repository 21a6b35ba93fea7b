package org.ordo.invoicing.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Tax by tax category and destination country (the {@code tax_rate} table). Where a pair has no row, the category's own
 * rate applies — the rate the order line was priced with, read from {@code tax_category} when the order was placed.
 * Tax-exempt customers get 0 % in EN 16931 category E with the configured exemption reason.
 */
@Component
class Taxes {

    private final JdbcClient jdbc;
    private final InvoicingProperties properties;

    Taxes(JdbcClient jdbc, InvoicingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The treatments of one destination, to be asked per line with {@link Destination#of}. */
    Destination destination(String country, boolean exempt) {
        Map<String, TaxTreatment> rates = new HashMap<>();
        if (!exempt && country != null) {
            jdbc.sql("SELECT tax_category, rate, vat_category, exemption_reason FROM tax_rate WHERE country = ?")
                    .param(country)
                    .query(rs -> {
                        rates.put(rs.getString(1), new TaxTreatment(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros(),
                                rs.getString(3).trim(), rs.getString(4)));
                    });
        }
        return new Destination(rates, exempt ? properties.exemptionReason() : null);
    }

    record Destination(Map<String, TaxTreatment> rates, String exemptionReason) {

        /** How a line of this category is taxed here; {@code categoryRate} is the category's own rate (the fallback). */
        TaxTreatment of(String taxCategory, BigDecimal categoryRate) {
            if (exemptionReason != null) {
                return new TaxTreatment(taxCategory, BigDecimal.ZERO, "E", exemptionReason);
            }
            TaxTreatment treatment = rates.get(taxCategory);
            return treatment != null ? treatment : TaxTreatment.of(taxCategory, categoryRate.stripTrailingZeros());
        }
    }
}
