package org.ordo.orders.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordo.shared.Money;
import org.ordo.shared.ProRata;
import org.springframework.stereotype.Component;

/**
 * The rule book of an order's shipping charge. The charge is priced when the order is placed or quoted and again when
 * its lines or method change until something ships; then it stays as it is, whatever the configuration says later.
 * It is a flat charge per shipping method and currency, free when the goods' net reaches the currency's threshold
 * (for the methods the threshold covers) and free when there are no goods to pay for (replacements, cancelled orders).
 * Carrier rates are not used: they depend on the weight and the carrier chosen at dispatch, which are not known at
 * entry. The charge is taxed like the goods it ships (EN 16931): split over their VAT rates pro rata by net.
 */
@Component
class ShippingChargePolicy {

    /** Goods of one VAT category and rate, by their net: what a share of the charge is taxed like. */
    record Goods(String vatCategory, BigDecimal rate, Money net) {}

    private final ShippingProperties properties;
    private final org.ordo.pricing.Pricing pricing;
    private final org.ordo.platform.CompanyCalendar calendar;

    /** By the configuration alone, without promotions. */
    ShippingChargePolicy(ShippingProperties properties) {
        this(properties, null, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    ShippingChargePolicy(
            ShippingProperties properties,
            org.ordo.pricing.Pricing pricing,
            org.ordo.platform.CompanyCalendar calendar) {
        this.properties = properties;
        this.pricing = pricing;
        this.calendar = calendar;
    }

    /**
     * The net shipping charge of goods worth {@code goodsNet} sent by {@code method} for an order placed on {@code day}:
     * free, whatever the method, once the goods reach a free-shipping promotion's amount.
     */
    Money charge(Currency currency, String method, Money goodsNet, java.time.LocalDate day) {
        Money charge = charge(currency, method, goodsNet);
        if (charge.isZero() || pricing == null) {
            return charge;
        }
        Money freeFrom = pricing.freeShippingFrom(currency.getCurrencyCode(), day);
        return freeFrom != null && goodsNet.compareTo(freeFrom) >= 0 ? Money.zero(currency) : charge;
    }

    /** The net shipping charge of goods worth {@code goodsNet} sent by {@code method}, by the configuration. */
    Money charge(Currency currency, String method, Money goodsNet) {
        Money zero = Money.zero(currency);
        if (!properties.charging() || goodsNet.amount().signum() <= 0) {
            return zero;
        }
        BigDecimal flat = properties
                .flat()
                .getOrDefault(currency.getCurrencyCode(), Map.of())
                .get(method);
        if (flat == null) {
            return zero;
        }
        BigDecimal threshold = properties.freeAbove().get(currency.getCurrencyCode());
        if (threshold != null
                && properties.freeAboveMethods().contains(method)
                && goodsNet.amount().compareTo(threshold) >= 0) {
            return zero;
        }
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        return new Money(flat.setScale(scale, RoundingMode.HALF_EVEN), currency);
    }

    /** Prices the order's charge anew, unless something shipped already (then it is fixed). */
    void price(Order order) {
        if (!order.anythingShipped()) {
            order.chargeShipping(charge(
                    order.currency(),
                    order.shippingMethod(),
                    order.subtotal().minus(order.discount()),
                    calendar.dayOf(order.placedAt())));
        }
    }

    /**
     * The VAT of {@code charge}: its share per VAT category and rate of the goods (pro rata by net), each share taxed at
     * its rate and rounded half-even. At 0 % (K, G, E, Z) the share carries no tax.
     */
    static Money taxOf(Money charge, List<Goods> goods) {
        Money tax = Money.zero(charge.currency());
        if (charge.isZero()) {
            return tax;
        }
        for (Map.Entry<Goods, Money> share : shares(charge, goods).entrySet()) {
            tax = tax.plus(share.getValue().timesRate(share.getKey().rate()));
        }
        return tax;
    }

    /** The charge's share per VAT category and rate (the key's net is the goods' net of that group). */
    static Map<Goods, Money> shares(Money charge, List<Goods> goods) {
        Map<String, Goods> groups = new LinkedHashMap<>();
        for (Goods g : goods) {
            String key = g.vatCategory() + "|" + g.rate().stripTrailingZeros().toPlainString();
            groups.merge(
                    key,
                    g,
                    (a, b) -> new Goods(a.vatCategory(), a.rate(), a.net().plus(b.net())));
        }
        Map<Goods, Money> weights = new LinkedHashMap<>();
        groups.values().forEach(g -> weights.put(g, g.net()));
        return ProRata.split(charge, weights);
    }
}
