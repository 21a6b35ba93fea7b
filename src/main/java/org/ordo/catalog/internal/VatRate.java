package org.ordo.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One VAT rate of a country and tax category, valid from {@code validFrom} to {@code validTo} (inclusive; null while
 * it is the current one). {@code vatCategory} is S, or Z for a rate of 0.
 */
record VatRate(
        String country,
        String taxCategory,
        BigDecimal rate,
        String vatCategory,
        LocalDate validFrom,
        LocalDate validTo) {}
