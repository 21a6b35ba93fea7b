package org.ordo.pricing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordo.pricing.Pricing;
import org.ordo.shared.Money;

/** The table of pricing cases: which price a line gets, and which rule gave which discount. */
class PricingPolicyTests {

    private static final UUID LIST = UUID.randomUUID();
    private static final UUID GROUP_LIST = UUID.randomUUID();
    /** The SKU and category of every line of the table. */
    private static final String SKU = "SKU-1";

    private static final String CATEGORY = "Fasteners";

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static PricingPolicy.Break from(long quantity, String price) {
        return new PricingPolicy.Break(LIST, "Contract", quantity, eur(price), false);
    }

    /** A price of the price list of the customer's group. */
    private static PricingPolicy.Break group(long quantity, String price) {
        return new PricingPolicy.Break(GROUP_LIST, "Wholesale", quantity, eur(price), true);
    }

    private static PricingPolicy.Promotion onCategory(String name, String percent, String category) {
        return new PricingPolicy.Promotion(
                UUID.randomUUID(), name, "PERCENT", new BigDecimal(percent), null, 0, 0, Set.of(), Set.of(category));
    }

    private static PricingPolicy.Promotion percent(String name, String percent) {
        return new PricingPolicy.Promotion(
                UUID.randomUUID(), name, "PERCENT", new BigDecimal(percent), null, 0, 0, Set.of(SKU), Set.of());
    }

    private static PricingPolicy.Promotion off(String name, String amount) {
        return new PricingPolicy.Promotion(
                UUID.randomUUID(), name, "AMOUNT", null, eur(amount), 0, 0, Set.of(SKU), Set.of());
    }

    private static PricingPolicy.Promotion buyGet(String name, long buy, long free) {
        return new PricingPolicy.Promotion(
                UUID.randomUUID(), name, "BUY_GET", null, null, buy, free, Set.of(SKU), Set.of());
    }

    private static Pricing.ManualDiscount manualPercent(String percent) {
        return new Pricing.ManualDiscount(new BigDecimal(percent), null);
    }

    /** name, quantity, list price, breaks, promotions, manual, net unit price, price rule, discount rules. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "list price without a price list",
                        5,
                        eur("20.00"),
                        List.of(),
                        List.of(),
                        null,
                        "20.00",
                        null,
                        List.of()),
                Arguments.of(
                        "price list price",
                        5,
                        eur("20.00"),
                        List.of(from(1, "18.00")),
                        List.of(),
                        null,
                        "18.00",
                        "Contract",
                        List.of()),
                Arguments.of(
                        "below the first break: the price from 1",
                        9,
                        eur("20.00"),
                        List.of(from(1, "18.00"), from(10, "16.00"), from(50, "15.00")),
                        List.of(),
                        null,
                        "18.00",
                        "Contract",
                        List.of()),
                Arguments.of(
                        "quantity break: the highest reached",
                        10,
                        eur("20.00"),
                        List.of(from(1, "18.00"), from(10, "16.00"), from(50, "15.00")),
                        List.of(),
                        null,
                        "16.00",
                        "Contract, from 10",
                        List.of()),
                Arguments.of(
                        "customer price lower than the promotion: no promotion",
                        5,
                        eur("20.00"),
                        List.of(from(1, "15.00")),
                        List.of(percent("Spring", "10")),
                        null,
                        "15.00",
                        "Contract",
                        List.of()),
                Arguments.of(
                        "promotion lower than the customer price: promotion takes the difference",
                        5,
                        eur("20.00"),
                        List.of(from(1, "19.00")),
                        List.of(percent("Spring", "10")),
                        null,
                        "18.00",
                        "Contract",
                        List.of("PROMOTION Spring 1.00")),
                Arguments.of(
                        "percent promotion on the list price",
                        3,
                        eur("19.99"),
                        List.of(),
                        List.of(percent("Spring", "10")),
                        null,
                        "17.991",
                        null,
                        List.of("PROMOTION Spring 1.999")),
                Arguments.of(
                        "the best of two promotions",
                        3,
                        eur("20.00"),
                        List.of(),
                        List.of(percent("Spring", "10"), off("Two off", "2.50")),
                        null,
                        "17.50",
                        null,
                        List.of("PROMOTION Two off 2.50")),
                Arguments.of(
                        "buy 2 get 1: a third free, spread over the units",
                        3,
                        eur("10.00"),
                        List.of(),
                        List.of(buyGet("3 for 2", 2, 1)),
                        null,
                        "6.6667",
                        null,
                        List.of("PROMOTION 3 for 2 3.3333")),
                Arguments.of(
                        "buy 2 get 1 not reached",
                        2,
                        eur("10.00"),
                        List.of(),
                        List.of(buyGet("3 for 2", 2, 1)),
                        null,
                        "10.00",
                        null,
                        List.of()),
                Arguments.of(
                        "amount promotion never below zero",
                        1,
                        eur("2.00"),
                        List.of(),
                        List.of(off("Free", "5")),
                        null,
                        "0",
                        null,
                        List.of("PROMOTION Free 2.00")),
                Arguments.of(
                        "manual percent after the promotion",
                        4,
                        eur("20.00"),
                        List.of(),
                        List.of(percent("Spring", "10")),
                        manualPercent("5"),
                        "17.10",
                        null,
                        List.of("PROMOTION Spring 2.00", "MANUAL Manual discount 0.90")),
                Arguments.of(
                        "manual amount after the price list",
                        4,
                        eur("20.00"),
                        List.of(from(1, "18.00")),
                        List.of(),
                        new Pricing.ManualDiscount(null, eur("1.50")),
                        "16.50",
                        "Contract",
                        List.of("MANUAL Manual discount 1.50")),
                Arguments.of(
                        "currency without minor unit",
                        7,
                        Money.of("1000", "JPY"),
                        List.of(),
                        List.of(percent("Yen sale", "15")),
                        null,
                        "850",
                        null,
                        List.of("PROMOTION Yen sale 150")));
    }

    /** The customer's group's price list and promotions on a category, in the columns of {@link #cases()}. */
    static Stream<Arguments> groupAndCategoryCases() {
        return Stream.of(
                Arguments.of(
                        "the group's price list without one of the customer's own",
                        5,
                        eur("20.00"),
                        List.of(group(1, "17.00"), group(10, "16.00")),
                        List.of(),
                        null,
                        "17.00",
                        "Wholesale",
                        List.of()),
                Arguments.of(
                        "the customer's own price list before its group's, even when the group's is lower",
                        10,
                        eur("20.00"),
                        List.of(group(1, "15.00"), from(1, "18.00")),
                        List.of(),
                        null,
                        "18.00",
                        "Contract",
                        List.of()),
                Arguments.of(
                        "a promotion on the product's category, named in any case",
                        2,
                        eur("20.00"),
                        List.of(),
                        List.of(onCategory("Fastener week", "25", "fasteners")),
                        null,
                        "15.00",
                        null,
                        List.of("PROMOTION Fastener week 5.00")),
                Arguments.of(
                        "a promotion on another category: none",
                        2,
                        eur("20.00"),
                        List.of(),
                        List.of(onCategory("Tool week", "25", "Tools")),
                        null,
                        "20.00",
                        null,
                        List.of()),
                Arguments.of(
                        "a category promotion on the group's price: the lower of the two",
                        2,
                        eur("20.00"),
                        List.of(group(1, "16.00")),
                        List.of(onCategory("Fastener week", "25", CATEGORY)),
                        null,
                        "15.00",
                        "Wholesale",
                        List.of("PROMOTION Fastener week 1.00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"cases", "groupAndCategoryCases"})
    void aLineIsPricedByPriceListBreakPromotionAndManualDiscountInThatOrder(
            String name,
            long quantity,
            Money listPrice,
            List<PricingPolicy.Break> breaks,
            List<PricingPolicy.Promotion> promotions,
            Pricing.ManualDiscount manual,
            String net,
            String priceRule,
            List<String> discounts) {
        Pricing.PricedLine line =
                PricingPolicy.price(new Pricing.Item(SKU, quantity, listPrice, manual), CATEGORY, breaks, promotions);

        assertThat(line.netUnitPrice().amount()).isEqualByComparingTo(net);
        assertThat(line.netUnitPrice().currency()).isEqualTo(listPrice.currency());
        assertThat(line.priceRule()).isEqualTo(priceRule);
        assertThat(line.discounts())
                .extracting(d ->
                        d.kind() + " " + d.rule() + " " + d.perUnit().amount().toPlainString())
                .containsExactlyElementsOf(discounts);
        assertThat(line.basePrice().minus(sum(line.discounts(), listPrice))).isEqualTo(line.netUnitPrice());
    }

    private static Money sum(List<Pricing.Discount> discounts, Money like) {
        Money total = Money.zero(like.currency());
        for (Pricing.Discount d : discounts) {
            total = total.plus(d.perUnit());
        }
        return total;
    }
}
