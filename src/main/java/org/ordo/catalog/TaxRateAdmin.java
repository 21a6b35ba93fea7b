package org.ordo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The VAT rates per country and tax category with their validity, as administrators list and change them. */
public interface TaxRateAdmin {

    /**
     * One rate, valid from {@code validFrom} to {@code validTo} (inclusive; null while it is the current one);
     * {@code vatCategory} is S, or Z for a rate of 0.
     */
    record Rate(
            String country,
            String taxCategory,
            BigDecimal rate,
            String vatCategory,
            LocalDate validFrom,
            LocalDate validTo) {}

    /** A rate for a country and tax category from {@code validFrom} on ({@code rate} a fraction: 0.19 for 19 %). */
    record NewRate(String country, String taxCategory, BigDecimal rate, LocalDate validFrom) {}

    /** The rates, of one country if {@code country} is set, valid {@code on} that day if it is set. */
    List<Rate> rates(String country, LocalDate on);

    /**
     * Adds the rate; the one before it ends the day before. Invalid input: 400 naming each field; a {@code validFrom}
     * not after the latest rate's start: 409 {@code rate-period}.
     */
    Rate add(NewRate rate);
}
