package org.ordo.invoicing.internal;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The chart of accounts the journal books to ({@code ordo.accounting.accounts.*}); the defaults are a neutral chart that
 * fits neither SKR nor IFRS exactly and is meant to be set (docs/domain.md, "Accounting journal").
 *
 * @param revenueByTaxCategory revenue account per tax category (STANDARD, REDUCED, ...); others book to {@code revenue}
 * @param taxPayableByRate     tax payable account per rate in percent ({@code tax-payable-by-rate[19]},
 *                             {@code tax-payable-by-rate[5.5]}); others book to {@code taxPayable}
 */
record AccountingProperties(@DefaultValue Accounts accounts) {

    record Accounts(
            @DefaultValue("1200") String receivables,
            @DefaultValue("1800") String bank,
            @DefaultValue("1000") String cash,
            @DefaultValue("1710") String customerPrepayments,
            @DefaultValue("4000") String revenue,
            @DefaultValue Map<String, String> revenueByTaxCategory,
            @DefaultValue("4730") String shippingRevenue,
            @DefaultValue("4780") String discounts,
            @DefaultValue("1770") String taxPayable,
            @DefaultValue Map<String, String> taxPayableByRate) {

        Accounts {
            revenueByTaxCategory = revenueByTaxCategory == null ? Map.of() : Map.copyOf(revenueByTaxCategory);
            taxPayableByRate = taxPayableByRate == null ? Map.of() : Map.copyOf(taxPayableByRate);
        }

        String revenueFor(String taxCategory) {
            return revenueByTaxCategory.getOrDefault(taxCategory, revenue);
        }

        String taxPayableFor(BigDecimal rate) {
            return taxPayableByRate.getOrDefault(percent(rate), taxPayable);
        }

        static String percent(BigDecimal rate) {
            return rate.movePointRight(2).stripTrailingZeros().toPlainString();
        }
    }
}
