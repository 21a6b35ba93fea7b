package org.ordo.catalog;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What the seller sold to consumers in other member states in a calendar year, for the EU-wide threshold of distance
 * sales above which they pay their own country's VAT. Declared here, where the VAT rules live; answered by the module
 * that holds the sales.
 */
public interface DistanceSales {

    /**
     * The net value in euros of the consumer sales of {@code year} (VAT categories S and Z) shipped to one of
     * {@code countries}, less what was cancelled.
     */
    BigDecimal netInEuros(Set<String> countries, int year);
}
