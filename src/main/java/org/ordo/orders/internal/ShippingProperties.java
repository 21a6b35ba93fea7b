package org.ordo.orders.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What an order's shipping charge costs (net; the VAT follows the goods), per currency.
 *
 * @param charging         false: every order ships free
 * @param flat             currency code → shipping method → the flat charge of the method; a method or currency not
 *                         named here ships free
 * @param freeAbove        currency code → the goods' net at or above which the methods in {@code freeAboveMethods}
 *                         ship free
 * @param freeAboveMethods the methods the threshold makes free (e.g. STANDARD, while EXPRESS is still charged)
 */
record ShippingProperties(
        @DefaultValue("true") boolean charging,
        Map<String, Map<String, BigDecimal>> flat,
        Map<String, BigDecimal> freeAbove,
        Set<String> freeAboveMethods) {

    ShippingProperties {
        flat = flat == null ? Map.of() : Map.copyOf(flat);
        freeAbove = freeAbove == null ? Map.of() : Map.copyOf(freeAbove);
        freeAboveMethods = freeAboveMethods == null ? Set.of() : Set.copyOf(freeAboveMethods);
    }
}
