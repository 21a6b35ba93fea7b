package org.ordo.suggestions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.suggestions.Suggestions;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How often the suggestions name a product of the customer's next order, on a seeded history with known buying
 * patterns: products come in bundles (printer, toner, paper, ...), every customer keeps to two bundles and a few
 * regular products of its own, and a few staples sell to everyone. Each customer's last order is held out; the
 * pairs are refreshed from the earlier orders only. Measured twice: with the held-out order's first product in the
 * cart (the rest is what a hit must name) and with an empty cart (the whole order). The baseline suggests the five
 * products in most orders. The history is written and rolled back in one transaction, so nothing stays behind.
 * docs/recommendations.md quotes the figures this prints.
 */
@OrdoTest
class SuggestionHitRateTests {

    private static final int BUNDLES = 10;
    private static final int PER_BUNDLE = 6;
    private static final int STAPLES = 3;
    private static final int CUSTOMERS = 80;
    private static final int K = 5;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Suggestions suggestions;

    @Autowired
    SuggestionRefreshService refresh;

    /** One customer's orders, oldest first, each a list of SKUs. */
    record History(UUID customer, List<List<String>> orders) {}

    /** Hit rate and precision at K of one way of suggesting in one scenario. */
    record Score(double hitRate, double precision) {}

    @Test
    void suggestionsNameTheNextOrdersProductsMoreOftenThanTheMostPopularProducts() {
        Map<String, Score> scores = tx.execute(status -> {
            status.setRollbackOnly();
            return measure();
        });
        scores.forEach((name, s) -> System.out.printf(
                "suggestion hit rate %-26s hit rate@%d %.3f precision@%d %.3f%n",
                name, K, s.hitRate(), K, s.precision()));
        assertThat(scores.get("cart/suggestions").hitRate())
                .isGreaterThan(scores.get("cart/popularity").hitRate());
        assertThat(scores.get("cart/suggestions").precision())
                .isGreaterThan(scores.get("cart/popularity").precision());
        assertThat(scores.get("empty cart/suggestions").hitRate())
                .isGreaterThan(scores.get("empty cart/popularity").hitRate());
    }

    private Map<String, Score> measure() {
        String prefix = Fixtures.unique("HR") + "-";
        List<History> histories = histories(new Random(42), prefix);
        writeProducts(prefix);
        Instant now = Instant.now();
        Map<String, Integer> popularity = new HashMap<>();
        for (History h : histories) {
            List<List<String>> earlier = h.orders().subList(0, h.orders().size() - 1);
            writeCustomer(h.customer());
            for (int i = 0; i < earlier.size(); i++) {
                Instant placed = now.minus(Duration.ofDays(7L * (earlier.size() - i)));
                writeOrder(h.customer(), earlier.get(i), placed);
                earlier.get(i).forEach(sku -> popularity.merge(sku, 1, Integer::sum));
            }
        }
        assertThat(refresh.refresh().ran()).isTrue();
        Map<String, Score> scores = new java.util.LinkedHashMap<>();
        for (boolean withCart : List.of(true, false)) {
            String scenario = withCart ? "cart" : "empty cart";
            List<double[]> ours = new ArrayList<>();
            List<double[]> baseline = new ArrayList<>();
            for (History h : histories) {
                List<String> next = h.orders().get(h.orders().size() - 1);
                List<String> cart = withCart ? next.subList(0, 1) : List.of();
                Set<String> wanted = new HashSet<>(next.subList(cart.size(), next.size()));
                List<String> suggested = suggestions.forCustomer(h.customer(), cart, K).stream()
                        .map(Suggestions.Suggestion::sku)
                        .toList();
                ours.add(hitAndPrecision(suggested, wanted));
                baseline.add(hitAndPrecision(popular(popularity, cart), wanted));
            }
            scores.put(scenario + "/suggestions", mean(ours));
            scores.put(scenario + "/popularity", mean(baseline));
        }
        return scores;
    }

    private static List<History> histories(Random random, String prefix) {
        List<History> histories = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            // a skewed choice of bundles, so that some bundles are popular and the baseline has something to find
            int first = (int) Math.floor(BUNDLES * Math.pow(random.nextDouble(), 2));
            int second = random.nextInt(BUNDLES);
            List<String> regulars = List.of(
                    bundleSku(prefix, random.nextInt(BUNDLES), random.nextInt(PER_BUNDLE)),
                    bundleSku(prefix, random.nextInt(BUNDLES), random.nextInt(PER_BUNDLE)));
            List<List<String>> orders = new ArrayList<>();
            int count = 4 + random.nextInt(5);
            for (int o = 0; o < count; o++) {
                int bundle =
                        random.nextDouble() < 0.8 ? (random.nextBoolean() ? first : second) : random.nextInt(BUNDLES);
                Set<String> order = new LinkedHashSet<>();
                int items = 2 + random.nextInt(2);
                while (order.size() < items) {
                    order.add(bundleSku(prefix, bundle, random.nextInt(PER_BUNDLE)));
                }
                if (random.nextDouble() < 0.6) {
                    order.add(regulars.get(random.nextInt(regulars.size())));
                }
                if (random.nextDouble() < 0.4) {
                    order.add(prefix + "STAPLE-" + random.nextInt(STAPLES));
                }
                orders.add(new ArrayList<>(order));
            }
            histories.add(new History(UUID.randomUUID(), orders));
        }
        return histories;
    }

    private static String bundleSku(String prefix, int bundle, int item) {
        return prefix + "B" + bundle + "-" + item;
    }

    private static List<String> popular(Map<String, Integer> popularity, List<String> cart) {
        return popularity.entrySet().stream()
                .filter(e -> !cart.contains(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(K)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static double[] hitAndPrecision(List<String> suggested, Set<String> wanted) {
        long hits = suggested.stream().filter(wanted::contains).count();
        return new double[] {hits > 0 ? 1 : 0, (double) hits / K};
    }

    private static Score mean(List<double[]> results) {
        return new Score(
                results.stream().mapToDouble(r -> r[0]).average().orElse(0),
                results.stream().mapToDouble(r -> r[1]).average().orElse(0));
    }

    private void writeProducts(String prefix) {
        List<String> skus = new ArrayList<>();
        for (int b = 0; b < BUNDLES; b++) {
            for (int i = 0; i < PER_BUNDLE; i++) {
                skus.add(bundleSku(prefix, b, i));
            }
        }
        for (int s = 0; s < STAPLES; s++) {
            skus.add(prefix + "STAPLE-" + s);
        }
        Timestamp now = Timestamp.from(Instant.now());
        for (String sku : skus) {
            jdbc.update(
                    "INSERT INTO product (sku, name, unit_price, currency, tax_category, active, created_at, updated_at) "
                            + "VALUES (?, ?, 10, 'EUR', 'STANDARD', TRUE, ?, ?)",
                    sku,
                    "Product " + sku,
                    now,
                    now);
        }
    }

    private void writeCustomer(UUID id) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "INSERT INTO customer (id, number, name, currency, credit_limit, payment_terms_days, created_at, "
                        + "updated_at) VALUES (?, ?, ?, 'EUR', 100000, 30, ?, ?)",
                id,
                "HRC-" + id.toString().replace("-", "").substring(0, 27),
                "Customer " + id,
                now,
                now);
    }

    private void writeOrder(UUID customer, List<String> skus, Instant placedAt) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(placedAt);
        BigDecimal zero = BigDecimal.ZERO;
        jdbc.update(
                "INSERT INTO sales_order (id, number, customer_id, channel, currency, status, shipping_method, subtotal, "
                        + "discount, shipping, tax, total, placed_at, placed_by, updated_at) "
                        + "VALUES (?, ?, ?, 'API', 'EUR', 'COMPLETED', 'STANDARD', ?, ?, ?, ?, ?, ?, 'history', ?)",
                id,
                "HR-" + id.toString().replace("-", "").substring(0, 28),
                customer,
                zero,
                zero,
                zero,
                zero,
                zero,
                at,
                at);
        for (int i = 0; i < skus.size(); i++) {
            jdbc.update(
                    "INSERT INTO order_line (order_id, line_number, sku, product_name, quantity, unit_price, "
                            + "price_overridden, tax_category, tax_rate, line_net, tax, reserved_quantity, "
                            + "backordered_quantity, cancelled_quantity, shipped_quantity, backordered_at_placement, "
                            + "status, placed_at) VALUES (?, ?, ?, ?, 1, 10, FALSE, 'STANDARD', 0, 10, 0, 0, 0, 0, 1, "
                            + "0, 'SHIPPED', ?)",
                    id,
                    i + 1,
                    skus.get(i),
                    "Product " + skus.get(i),
                    at);
        }
    }
}
