package org.ordo.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ordo.shared.Money;

/** The shipping charge's rule book, without Spring: what it costs, and how it is taxed. */
class ShippingChargePolicyTests {

    private static final ShippingChargePolicy POLICY = new ShippingChargePolicy(new ShippingProperties(
            true,
            Map.of("EUR", Map.of("STANDARD", new BigDecimal("4.90"), "EXPRESS", new BigDecimal("12.90"))),
            Map.of("EUR", new BigDecimal("150.00")),
            Set.of("STANDARD")));

    @ParameterizedTest(name = "{0} {1} of goods worth {2}: {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "EUR | STANDARD | 20.00  | 4.90  | flat per method",
                "EUR | EXPRESS  | 20.00  | 12.90 | flat per method",
                "EUR | STANDARD | 149.99 | 4.90  | just below the threshold",
                "EUR | STANDARD | 150.00 | 0.00  | free at the threshold",
                "EUR | EXPRESS  | 500.00 | 12.90 | the threshold covers STANDARD only",
                "EUR | PICKUP   | 20.00  | 0.00  | a method without a charge ships free",
                "CHF | STANDARD | 20.00  | 0.00  | a currency without charges ships free",
                "EUR | STANDARD | 0.00   | 0.00  | nothing to pay for (a free replacement, all cancelled)",
            })
    void theChargeIsFlatPerMethodAndFreeAtTheThreshold(
            String currency, String method, String goods, String expected, String why) {
        assertThat(POLICY.charge(Money.currency(currency), method, Money.of(goods, currency)))
                .as(why)
                .isEqualTo(Money.of(expected, currency));
    }

    @org.junit.jupiter.api.Test
    void withChargingOffEveryOrderShipsFree() {
        ShippingChargePolicy off =
                new ShippingChargePolicy(new ShippingProperties(false, Map.of(), Map.of(), Set.of()));
        assertThat(off.charge(Money.currency("EUR"), "EXPRESS", Money.of("20.00", "EUR")))
                .isEqualTo(Money.of("0.00", "EUR"));
    }

    /**
     * Goods as "category rate net" separated by ";"; the charge's tax is each rate's pro rata share of the charge
     * taxed at that rate.
     */
    @ParameterizedTest(name = "{0} over {1}: tax {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "4.90  | S 0.19 100.00                  | 0.93 | one rate: the charge at the goods' rate",
                "10.00 | S 0.19 60.00; S 0.07 40.00     | 1.42 | 6.00 at 19 % (1.14) and 4.00 at 7 % (0.28)",
                "4.90  | S 0.19 1.05; S 0.07 10.05      | 0.40 | 0.46 at 19 % (0.09), the rest 4.44 at 7 % (0.31)",
                "4.90  | S 0.19 50.00; S 0.19 30.00     | 0.93 | lines of one rate are one group",
                "12.90 | K 0 100.00                     | 0.00 | intra-community supply: reverse charge, no tax",
                "12.90 | G 0 100.00                     | 0.00 | export: no tax",
                "12.90 | E 0 100.00                     | 0.00 | exempt customer: no tax",
                "0.00  | S 0.19 100.00                  | 0.00 | no charge, no tax",
            })
    void theChargeIsTaxedLikeTheGoodsSplitByNetPerRate(String charge, String goods, String tax, String why) {
        List<ShippingChargePolicy.Goods> parsed = new ArrayList<>();
        for (String g : goods.split(";")) {
            String[] p = g.trim().split(" ");
            parsed.add(new ShippingChargePolicy.Goods(p[0], new BigDecimal(p[1]), Money.of(p[2], "EUR")));
        }
        assertThat(ShippingChargePolicy.taxOf(Money.of(charge, "EUR"), parsed))
                .as(why)
                .isEqualTo(Money.of(tax, "EUR"));
    }

    @org.junit.jupiter.api.Test
    void theSharesAddUpToTheChargeExactly() {
        List<ShippingChargePolicy.Goods> thirds = List.of(
                new ShippingChargePolicy.Goods("S", new BigDecimal("0.19"), Money.of("1.00", "EUR")),
                new ShippingChargePolicy.Goods("S", new BigDecimal("0.07"), Money.of("1.00", "EUR")),
                new ShippingChargePolicy.Goods("Z", new BigDecimal("0"), Money.of("1.00", "EUR")));
        Map<ShippingChargePolicy.Goods, Money> shares = ShippingChargePolicy.shares(Money.of("10.00", "EUR"), thirds);
        assertThat(shares.values())
                .containsExactly(Money.of("3.33", "EUR"), Money.of("3.33", "EUR"), Money.of("3.34", "EUR"));
    }
}
