package org.ordo.orders.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordo.inventory.StockPosition;

/**
 * Decides where each line's stock comes from. The rule, in order:
 * <ol>
 *   <li>one warehouse that can serve the whole line: the customer's preferred warehouse if it can, otherwise
 *       the one with the most available stock (ties by warehouse code);</li>
 *   <li>otherwise the line is split across warehouses in that same order (preferred first, then most stock);</li>
 *   <li>whatever no warehouse has is backordered.</li>
 * </ol>
 * Stock already promised to older backorders of the same SKU is not available to newer orders (invariant 5:
 * backorders are filled oldest first), so {@code claimedByBackorders} is subtracted first.
 * Pure: no I/O, so it is tested on its own and reused for changes and backorder fills.
 */
final class Sourcing {

    record Demand(int lineNumber, String sku, long quantity) {}

    record Allocation(String warehouse, long quantity) {}

    record LinePlan(int lineNumber, String sku, long quantity, List<Allocation> allocations, long backordered) {

        long reserved() {
            return quantity - backordered;
        }
    }

    private final Map<String, Map<String, Long>> available = new HashMap<>();
    private final Map<String, Long> budget = new HashMap<>();
    private final String preferredWarehouse;

    /**
     * @param positions           locked stock positions of the SKUs involved
     * @param claimedByBackorders per SKU, quantity older backorders are waiting for
     * @param preferredWarehouse  the customer's preferred warehouse, or null
     */
    Sourcing(List<StockPosition> positions, Map<String, Long> claimedByBackorders, String preferredWarehouse) {
        this.preferredWarehouse = preferredWarehouse;
        for (StockPosition p : positions) {
            if (p.available() > 0) {
                available.computeIfAbsent(p.sku(), k -> new LinkedHashMap<>()).put(p.warehouse(), p.available());
                budget.merge(p.sku(), p.available(), Long::sum);
            }
        }
        claimedByBackorders.forEach((sku, claimed) -> budget.computeIfPresent(sku, (k, b) -> Math.max(0, b - claimed)));
    }

    /** Plans the lines in the order given; later lines of the same SKU see what earlier ones took. */
    List<LinePlan> plan(List<Demand> demands) {
        List<LinePlan> plans = new ArrayList<>(demands.size());
        for (Demand d : demands) {
            plans.add(planLine(d));
        }
        return plans;
    }

    private LinePlan planLine(Demand demand) {
        long want = Math.min(demand.quantity(), budget.getOrDefault(demand.sku(), 0L));
        Map<String, Long> stock = available.getOrDefault(demand.sku(), Map.of());
        List<String> candidates = new ArrayList<>(stock.keySet());
        candidates.sort(Comparator.<String>comparingInt(w -> w.equals(preferredWarehouse) ? 0 : 1)
                .thenComparing(w -> -stock.get(w))
                .thenComparing(w -> w));
        List<Allocation> allocations = new ArrayList<>();
        if (want > 0) {
            String whole = want == demand.quantity()
                    ? candidates.stream()
                            .filter(w -> stock.get(w) >= want)
                            .findFirst()
                            .orElse(null)
                    : null;
            if (whole != null) {
                allocations.add(new Allocation(whole, want));
            } else {
                long remaining = want;
                for (String w : candidates) {
                    if (remaining == 0) {
                        break;
                    }
                    long take = Math.min(remaining, stock.get(w));
                    if (take > 0) {
                        allocations.add(new Allocation(w, take));
                        remaining -= take;
                    }
                }
            }
        }
        long reserved = 0;
        for (Allocation a : allocations) {
            stock.merge(a.warehouse(), -a.quantity(), Long::sum);
            reserved += a.quantity();
        }
        if (reserved > 0) {
            budget.merge(demand.sku(), -reserved, Long::sum);
        }
        return new LinePlan(
                demand.lineNumber(), demand.sku(), demand.quantity(), allocations, demand.quantity() - reserved);
    }
}
