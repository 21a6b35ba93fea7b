package org.ordo.orders.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.orders.BuyingPatterns;
import org.ordo.orders.OrderStatus;
import org.ordo.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link BuyingPatterns} over {@code order_line} and {@code sales_order}, with the pairs kept in
 * {@code order_item_pair}. The pairs are computed set-based (a self-join of the distinct SKUs per order), so a year
 * of lines never travels to the application.
 */
@Component
class BuyingPatternStore implements BuyingPatterns {

    private static final String NOT_COUNTED = Sql.list(List.of(OrderStatus.DRAFT, OrderStatus.CANCELLED));

    /** The distinct SKUs of each counted order since the first parameter. */
    private static final String ORDER_SKUS = """
            SELECT DISTINCT l.order_id, l.sku FROM order_line l JOIN sales_order o ON o.id = l.order_id
            WHERE o.placed_at >= :since AND o.status NOT IN %s AND l.quantity > l.cancelled_quantity""".formatted(NOT_COUNTED);

    private final JdbcClient jdbc;

    BuyingPatternStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int rebuildPairs(Instant since, int minOrdersTogether, int perSku) {
        jdbc.sql("DELETE FROM order_item_pair").update();
        return jdbc.sql("""
                INSERT INTO order_item_pair (sku, other_sku, orders_together, score, computed_at)
                SELECT sku, other_sku, together, score, :now FROM (
                    SELECT p.sku, p.other_sku, p.together,
                           p.together / SQRT(CAST(a.orders AS DOUBLE PRECISION) * b.orders) AS score,
                           ROW_NUMBER() OVER (PARTITION BY p.sku
                               ORDER BY p.together / SQRT(CAST(a.orders AS DOUBLE PRECISION) * b.orders) DESC,
                                        p.other_sku) AS rank_of
                    FROM (SELECT x.sku, y.sku AS other_sku, COUNT(*) AS together
                          FROM (%1$s) x JOIN (%1$s) y ON y.order_id = x.order_id AND y.sku <> x.sku
                          GROUP BY x.sku, y.sku HAVING COUNT(*) >= :min) p
                    JOIN (SELECT sku, COUNT(*) AS orders FROM (%1$s) s GROUP BY sku) a ON a.sku = p.sku
                    JOIN (SELECT sku, COUNT(*) AS orders FROM (%1$s) s GROUP BY sku) b ON b.sku = p.other_sku
                ) ranked
                WHERE rank_of <= :perSku""".formatted(ORDER_SKUS))
                .paramSource(Map.of(
                        "since",
                        Timestamp.from(since),
                        "min",
                        minOrdersTogether,
                        "perSku",
                        perSku,
                        "now",
                        Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS))))
                .update();
    }

    @Override
    public List<SkuScore> boughtWith(Collection<String> skus, int limit) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT other_sku, SUM(score) AS total FROM order_item_pair
                WHERE sku IN (:skus) AND other_sku NOT IN (:skus)
                GROUP BY other_sku ORDER BY total DESC, other_sku LIMIT :limit""")
                .param("skus", skus)
                .param("limit", limit)
                .query((rs, n) -> new SkuScore(rs.getString("other_sku"), rs.getDouble("total")))
                .list();
    }

    @Override
    public List<OrderedBefore> orderedBy(UUID customerId, Instant since) {
        return jdbc.sql("""
                SELECT l.sku, COUNT(DISTINCT o.id) AS orders, MAX(o.placed_at) AS last_ordered_at
                FROM order_line l JOIN sales_order o ON o.id = l.order_id
                WHERE o.customer_id = :customer AND o.placed_at >= :since AND o.status NOT IN %s
                  AND l.quantity > l.cancelled_quantity
                GROUP BY l.sku""".formatted(NOT_COUNTED))
                .param("customer", customerId)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new OrderedBefore(
                        rs.getString("sku"),
                        rs.getInt("orders"),
                        rs.getTimestamp("last_ordered_at").toInstant()))
                .list();
    }

    @Override
    public int ordersOf(UUID customerId, Instant since) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM sales_order o
                WHERE o.customer_id = :customer AND o.placed_at >= :since AND o.status NOT IN %s""".formatted(NOT_COUNTED))
                .param("customer", customerId)
                .param("since", Timestamp.from(since))
                .query(Integer.class)
                .single();
    }
}
