package org.ordo.pricing.internal;

import java.math.BigDecimal;
import java.util.Map;

/**
 * @param discountLimits the largest manual discount, in percent, each role may give without a manager's approval
 *                       ({@code ordo.pricing.discount-limits.SALES=10}); a role not listed may give none, ADMIN is the
 *                       manager and has no limit
 */
record PricingProperties(Map<String, BigDecimal> discountLimits) {

    PricingProperties {
        discountLimits = discountLimits == null || discountLimits.isEmpty()
                ? Map.of("SALES", BigDecimal.TEN)
                : Map.copyOf(discountLimits);
    }
}
