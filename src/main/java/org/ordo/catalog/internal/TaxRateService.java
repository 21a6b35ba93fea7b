package org.ordo.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ordo.catalog.TaxRateAdmin;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of VAT rates: a new rate takes over from a day on, the one before it ends the day before. Periods never
 * overlap, so exactly one rate (or none) is valid on any day, and a rate once in force is never rewritten: orders
 * placed and invoices issued under it keep what they charged.
 */
@Service
class TaxRateService implements TaxRateAdmin {

    private final JdbcClient jdbc;
    private final ProductStore products;
    private final TaxRateStore taxRates;

    TaxRateService(JdbcClient jdbc, ProductStore products, TaxRateStore taxRates) {
        this.jdbc = jdbc;
        this.products = products;
        this.taxRates = taxRates;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Rate> rates(String country, LocalDate on) {
        return jdbc.sql("""
                        SELECT country, tax_category, rate, vat_category, valid_from, valid_to FROM vat_rate
                         WHERE (CAST(? AS VARCHAR) IS NULL OR country = ?)
                           AND (CAST(? AS DATE) IS NULL OR (valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)))
                         ORDER BY country, tax_category, valid_from
                        """)
                .param(country)
                .param(country)
                .param(on)
                .param(on)
                .param(on)
                .query((rs, n) -> new Rate(
                        rs.getString("country"),
                        rs.getString("tax_category"),
                        rs.getBigDecimal("rate").stripTrailingZeros(),
                        rs.getString("vat_category").trim(),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    /** Adds the rate; 422 for bad input, 409 {@code rate-period} unless it starts after every earlier rate's start. */
    @Override
    @Transactional
    public Rate add(NewRate request) {
        String country = check(request);
        LocalDate latest = jdbc.sql(
                        "SELECT MAX(valid_from) AS latest FROM vat_rate WHERE country = ? AND tax_category = ?")
                .param(country)
                .param(request.taxCategory())
                .query((rs, n) -> rs.getObject("latest", LocalDate.class))
                .optional()
                .orElse(null);
        if (latest != null && !request.validFrom().isAfter(latest)) {
            throw OrdoException.conflict(
                    "rate-period", "validFrom must be after " + latest + ", the start of the latest rate");
        }
        taxRates.announce(country);
        jdbc.sql("""
                        UPDATE vat_rate SET valid_to = ?
                         WHERE country = ? AND tax_category = ? AND (valid_to IS NULL OR valid_to >= ?)
                        """)
                .param(request.validFrom().minusDays(1))
                .param(country)
                .param(request.taxCategory())
                .param(request.validFrom())
                .update();
        BigDecimal rate = request.rate().stripTrailingZeros();
        Rate added = new Rate(
                country, request.taxCategory(), rate, rate.signum() > 0 ? "S" : "Z", request.validFrom(), null);
        jdbc.sql("""
                        INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from)
                        VALUES (?, ?, ?, ?, ?)
                        """)
                .param(added.country())
                .param(added.taxCategory())
                .param(added.rate())
                .param(added.vatCategory())
                .param(added.validFrom())
                .update();
        return added;
    }

    /** The country in upper case, or 422 naming each bad field. */
    private String check(NewRate r) {
        List<FieldViolation> problems = new ArrayList<>();
        String country = r.country() == null ? null : r.country().strip().toUpperCase(java.util.Locale.ROOT);
        if (country == null || !country.matches("[A-Z]{2}")) {
            problems.add(new FieldViolation("country", "must be an ISO 3166 country code of two letters"));
        }
        if (r.taxCategory() == null
                || r.taxCategory().length() > 32
                || products.taxRate(r.taxCategory()).isEmpty()) {
            problems.add(new FieldViolation("taxCategory", "must be one of the codes of GET /api/tax-categories"));
        }
        if (r.rate() == null) {
            problems.add(CommonRule.REQUIRED.at("rate"));
        } else if (r.rate().signum() < 0
                || r.rate().compareTo(BigDecimal.ONE) >= 0
                || r.rate().scale() > 4) {
            problems.add(new FieldViolation("rate", "must be a fraction from 0 to below 1 with at most 4 decimals"));
        }
        if (r.validFrom() == null) {
            problems.add(CommonRule.REQUIRED.at("validFrom"));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return country;
    }
}
