package org.ordo.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an amount over groups in proportion to their weights, e.g. a shipping charge over the VAT rates of the goods it
 * ships by their nets (EN 16931: a document-level charge takes the VAT of what it is charged for).
 */
public final class ProRata {

    private ProRata() {}

    /**
     * The shares of {@code amount}, in the order of {@code weights}: each rounded half-even to the minor unit, the last
     * group taking the remainder, so that the shares add up to the amount exactly. Groups weighing nothing get nothing;
     * when no group weighs anything, the first takes it all.
     */
    public static <K> Map<K, Money> split(Money amount, Map<K, Money> weights) {
        Map<K, Money> shares = new LinkedHashMap<>();
        if (weights.isEmpty()) {
            return shares;
        }
        List<K> keys = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<K, Money> w : weights.entrySet()) {
            if (w.getValue().amount().signum() != 0) {
                keys.add(w.getKey());
                total = total.add(w.getValue().amount());
            }
        }
        if (keys.isEmpty() || total.signum() == 0) {
            shares.put(weights.keySet().iterator().next(), amount);
            return shares;
        }
        int scale = Math.max(amount.currency().getDefaultFractionDigits(), 0);
        BigDecimal rest = amount.amount();
        for (int i = 0; i < keys.size(); i++) {
            BigDecimal share = i == keys.size() - 1
                    ? rest
                    : amount.amount()
                            .multiply(weights.get(keys.get(i)).amount())
                            .divide(total, scale, RoundingMode.HALF_EVEN);
            rest = rest.subtract(share);
            shares.put(keys.get(i), new Money(share, amount.currency()));
        }
        return shares;
    }
}
