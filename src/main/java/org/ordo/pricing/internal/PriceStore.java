package org.ordo.pricing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ordo.platform.ChangeNotices;
import org.ordo.platform.ExactCache;
import org.ordo.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Price lists, their customers, customer groups and prices, and promotions: tables price_list*, promotion,
 * promotion_sku, promotion_category.
 *
 * <p>What pricing reads for an order is kept in {@link ExactCache}s: the breaks per customer, group, currency, day and
 * SKU, and the promotions per day and currency. Every write of a price list (its header, customers, groups, prices)
 * announces a change of all breaks, every write of a promotion one of all promotions: such writes are rare, and a key
 * per write would have to name every customer and day it touches.
 */
@Component
class PriceStore {

    /** Breaks kept in memory per node (a customer, day and SKU each); beyond them, arbitrary ones are dropped. */
    static final int CACHED_BREAKS = 20_000;
    /** Promotion lists kept per node, one per day and currency. */
    static final int CACHED_PROMOTION_DAYS = 64;

    /** Valid on the day {@code :day}, for the table aliased {@code alias}. */
    private static String activeOn(String alias) {
        return alias + ".valid_from <= :day AND (" + alias + ".valid_to IS NULL OR " + alias + ".valid_to >= :day)";
    }

    private final JdbcClient jdbc;
    private final ExactCache<List<PricingPolicy.Break>> breaks;
    private final ExactCache<List<StoredPromotion>> promotions;

    PriceStore(JdbcClient jdbc, ChangeNotices notices) {
        this.jdbc = jdbc;
        this.breaks = ExactCache.of("price-lists", notices, CACHED_BREAKS);
        this.promotions = ExactCache.of("promotions", notices, CACHED_PROMOTION_DAYS);
    }

    /** A price list's header, customers and customer groups. */
    record Header(
            UUID id,
            String name,
            String currency,
            LocalDate validFrom,
            LocalDate validTo,
            List<UUID> customers,
            List<String> groups) {}

    void insertPriceList(Header list, String by) {
        breaks.announceAll();
        jdbc.sql("INSERT INTO price_list (id, name, currency, valid_from, valid_to, created_at, created_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        list.id(),
                        list.name(),
                        list.currency(),
                        list.validFrom(),
                        list.validTo(),
                        Timestamp.from(Instant.now()),
                        by)
                .update();
        for (UUID customer : list.customers()) {
            jdbc.sql("INSERT INTO price_list_customer (price_list_id, customer_id) VALUES (?, ?)")
                    .params(list.id(), customer)
                    .update();
        }
        for (String group : list.groups()) {
            jdbc.sql("INSERT INTO price_list_group (price_list_id, customer_group) VALUES (?, ?)")
                    .params(list.id(), group)
                    .update();
        }
    }

    /** The price lists of these customer groups in {@code currency} whose period meets from..to (to null: open). */
    List<Header> overlappingGroups(Collection<String> groups, String currency, LocalDate from, LocalDate to) {
        return overlapping("price_list_group", "customer_group", groups, currency, from, to);
    }

    /** The price lists of these customers in {@code currency} whose period meets from..to (to null: open). */
    List<Header> overlapping(Collection<UUID> customers, String currency, LocalDate from, LocalDate to) {
        return overlapping("price_list_customer", "customer_id", customers, currency, from, to);
    }

    /** The price lists assigned in {@code table} to any of {@code assignees} whose period meets from..to. */
    private List<Header> overlapping(
            String table, String column, Collection<?> assignees, String currency, LocalDate from, LocalDate to) {
        if (assignees.isEmpty()) {
            return List.of();
        }
        return headers(
                "WHERE l.currency = :currency AND (l.valid_to IS NULL OR l.valid_to >= :from)"
                        + (to == null ? "" : " AND l.valid_from <= :to")
                        + " AND l.id IN (SELECT price_list_id FROM " + table + " WHERE " + column + " IN (:assignees))",
                Map.of("currency", currency, "from", from, "assignees", Set.copyOf(assignees)),
                to);
    }

    List<Header> all() {
        return headers("", Map.of(), null);
    }

    Header find(UUID id) {
        return headers("WHERE l.id = :id", Map.of("id", id), null).stream()
                .findFirst()
                .orElse(null);
    }

    private List<Header> headers(String where, Map<String, Object> params, LocalDate to) {
        Map<UUID, Header> found = new LinkedHashMap<>();
        JdbcClient.StatementSpec spec = jdbc.sql(
                        "SELECT l.id, l.name, l.currency, l.valid_from, l.valid_to, c.customer_id FROM price_list l "
                                + "LEFT JOIN price_list_customer c ON c.price_list_id = l.id " + where
                                + " ORDER BY l.valid_from, l.name, l.id")
                .params(params);
        if (to != null) {
            spec = spec.param("to", to);
        }
        spec.query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            Header header = found.computeIfAbsent(id, k -> header(rs, k));
            UUID customer = rs.getObject("customer_id", UUID.class);
            if (customer != null) {
                header.customers().add(customer);
            }
        });
        if (!found.isEmpty()) {
            jdbc.sql("SELECT price_list_id, customer_group FROM price_list_group WHERE price_list_id IN (:ids) "
                            + "ORDER BY customer_group")
                    .param("ids", found.keySet())
                    .query(rs -> {
                        found.get(rs.getObject("price_list_id", UUID.class))
                                .groups()
                                .add(rs.getString("customer_group"));
                    });
        }
        return new ArrayList<>(found.values());
    }

    private static Header header(ResultSet rs, UUID id) {
        try {
            java.sql.Date to = rs.getDate("valid_to");
            return new Header(
                    id,
                    rs.getString("name"),
                    rs.getString("currency"),
                    rs.getDate("valid_from").toLocalDate(),
                    to == null ? null : to.toLocalDate(),
                    new ArrayList<>(),
                    new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces a SKU's prices on a list: the price from 1 unit on and the breaks. */
    void replacePrices(UUID priceListId, String sku, Map<Long, BigDecimal> byMinQuantity) {
        breaks.announceAll();
        jdbc.sql("DELETE FROM price_list_price WHERE price_list_id = ? AND sku = ?")
                .params(priceListId, sku)
                .update();
        byMinQuantity.forEach((min, price) -> jdbc.sql(
                        "INSERT INTO price_list_price (price_list_id, sku, min_quantity, unit_price) VALUES (?, ?, ?, ?)")
                .params(priceListId, sku, min, price)
                .update());
    }

    /** A list's prices: per SKU, unit price per minimum quantity, ascending. */
    Map<String, Map<Long, BigDecimal>> prices(UUID priceListId) {
        Map<String, Map<Long, BigDecimal>> prices = new java.util.TreeMap<>();
        jdbc.sql("SELECT sku, min_quantity, unit_price FROM price_list_price WHERE price_list_id = ? "
                        + "ORDER BY sku, min_quantity")
                .param(priceListId)
                .query(rs -> {
                    prices.computeIfAbsent(rs.getString("sku"), k -> new LinkedHashMap<>())
                            .put(rs.getLong("min_quantity"), rs.getBigDecimal("unit_price"));
                });
        return prices;
    }

    /**
     * Per SKU, the breaks of the price lists valid on {@code day} in {@code currency} of the customer and of its
     * {@code group} (may be null): one read for all lines.
     */
    Map<String, List<PricingPolicy.Break>> breaks(
            UUID customerId, String group, String currency, LocalDate day, Set<String> skus) {
        Map<String, String> skuByKey = new LinkedHashMap<>();
        for (String sku : skus) {
            // the SKU's length keeps keys apart whatever the SKU and group contain
            skuByKey.put(customerId + "|" + currency + "|" + day + "|" + sku.length() + ":" + sku + group, sku);
        }
        Map<String, List<PricingPolicy.Break>> found = new HashMap<>();
        breaks.getAll(skuByKey.keySet(), missing -> {
                    Set<String> missingSkus = new LinkedHashSet<>();
                    missing.forEach(key -> missingSkus.add(skuByKey.get(key)));
                    Map<String, List<PricingPolicy.Break>> read =
                            readBreaks(customerId, group, currency, day, missingSkus);
                    Map<String, List<PricingPolicy.Break>> byKey = new HashMap<>();
                    // a SKU without breaks is remembered as such
                    missing.forEach(
                            key -> byKey.put(key, List.copyOf(read.getOrDefault(skuByKey.get(key), List.of()))));
                    return byKey;
                })
                .forEach((key, list) -> {
                    if (!list.isEmpty()) {
                        found.put(skuByKey.get(key), list);
                    }
                });
        return found;
    }

    private Map<String, List<PricingPolicy.Break>> readBreaks(
            UUID customerId, String group, String currency, LocalDate day, Set<String> skus) {
        Map<String, List<PricingPolicy.Break>> breaks = new HashMap<>();
        if (skus.isEmpty()) {
            return breaks;
        }
        jdbc.sql(
                        "SELECT l.id, l.name, p.sku, p.min_quantity, p.unit_price, "
                                + "CASE WHEN l.id IN (SELECT c.price_list_id FROM price_list_customer c WHERE c.customer_id = :customer) "
                                + "THEN FALSE ELSE TRUE END AS for_group FROM price_list l "
                                + "JOIN price_list_price p ON p.price_list_id = l.id "
                                + "WHERE l.currency = :currency AND " + activeOn("l") + " AND p.sku IN (:skus) AND ("
                                + "l.id IN (SELECT c.price_list_id FROM price_list_customer c WHERE c.customer_id = :customer) "
                                + "OR l.id IN (SELECT g.price_list_id FROM price_list_group g WHERE g.customer_group = :group))")
                .param("customer", customerId)
                .param("group", group == null ? "" : group)
                .param("currency", currency)
                .param("day", day)
                .param("skus", skus)
                .query(rs -> {
                    breaks.computeIfAbsent(rs.getString("sku"), k -> new ArrayList<>())
                            .add(new PricingPolicy.Break(
                                    rs.getObject("id", UUID.class),
                                    rs.getString("name"),
                                    rs.getLong("min_quantity"),
                                    money(rs.getBigDecimal("unit_price"), currency),
                                    rs.getBoolean("for_group")));
                });
        return breaks;
    }

    /** A promotion as stored. */
    record StoredPromotion(
            UUID id,
            String name,
            String kind,
            BigDecimal percent,
            BigDecimal amount,
            String currency,
            Long buy,
            Long free,
            LocalDate validFrom,
            LocalDate validTo,
            List<String> skus,
            List<String> categories) {}

    void insertPromotion(StoredPromotion p, String by) {
        promotions.announceAll();
        jdbc.sql("INSERT INTO promotion (id, name, kind, percent, amount, currency, buy_quantity, free_quantity, "
                        + "valid_from, valid_to, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        p.id(),
                        p.name(),
                        p.kind(),
                        p.percent(),
                        p.amount(),
                        p.currency(),
                        p.buy(),
                        p.free(),
                        p.validFrom(),
                        p.validTo(),
                        Timestamp.from(Instant.now()),
                        by)
                .update();
        for (String sku : p.skus()) {
            jdbc.sql("INSERT INTO promotion_sku (promotion_id, sku) VALUES (?, ?)")
                    .params(p.id(), sku)
                    .update();
        }
        for (String category : p.categories()) {
            jdbc.sql("INSERT INTO promotion_category (promotion_id, category) VALUES (?, ?)")
                    .params(p.id(), category)
                    .update();
        }
    }

    /** Every promotion, or (with {@code day}) those valid on that day in {@code currency} or in none. */
    List<StoredPromotion> promotions(LocalDate day, String currency) {
        if (day == null) {
            return readPromotions(null, null);
        }
        return promotions.get(day + " " + currency, key -> readPromotions(day, currency));
    }

    private List<StoredPromotion> readPromotions(LocalDate day, String currency) {
        Map<UUID, StoredPromotion> found = new LinkedHashMap<>();
        String where =
                day == null ? "" : " WHERE " + activeOn("p") + " AND (p.currency IS NULL OR p.currency = :currency)";
        JdbcClient.StatementSpec spec =
                jdbc.sql("SELECT p.*, s.sku FROM promotion p LEFT JOIN promotion_sku s ON s.promotion_id = p.id" + where
                        + " ORDER BY p.valid_from, p.name, p.id, s.sku");
        if (day != null) {
            spec = spec.param("day", day).param("currency", currency);
        }
        spec.query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            StoredPromotion p = found.computeIfAbsent(id, k -> promotion(rs, k));
            String sku = rs.getString("sku");
            if (sku != null) {
                p.skus().add(sku);
            }
        });
        if (!found.isEmpty()) {
            jdbc.sql("SELECT promotion_id, category FROM promotion_category WHERE promotion_id IN (:ids) "
                            + "ORDER BY category")
                    .param("ids", found.keySet())
                    .query(rs -> {
                        found.get(rs.getObject("promotion_id", UUID.class))
                                .categories()
                                .add(rs.getString("category"));
                    });
        }
        // shared through the cache: read-only from here on
        return found.values().stream()
                .map(p -> new StoredPromotion(
                        p.id(),
                        p.name(),
                        p.kind(),
                        p.percent(),
                        p.amount(),
                        p.currency(),
                        p.buy(),
                        p.free(),
                        p.validFrom(),
                        p.validTo(),
                        List.copyOf(p.skus()),
                        List.copyOf(p.categories())))
                .toList();
    }

    private static StoredPromotion promotion(ResultSet rs, UUID id) {
        try {
            java.sql.Date to = rs.getDate("valid_to");
            long buy = rs.getLong("buy_quantity");
            Long buyQuantity = rs.wasNull() ? null : buy;
            long free = rs.getLong("free_quantity");
            Long freeQuantity = rs.wasNull() ? null : free;
            return new StoredPromotion(
                    id,
                    rs.getString("name"),
                    rs.getString("kind"),
                    strip(rs.getBigDecimal("percent")),
                    strip(rs.getBigDecimal("amount")),
                    rs.getString("currency"),
                    buyQuantity,
                    freeQuantity,
                    rs.getDate("valid_from").toLocalDate(),
                    to == null ? null : to.toLocalDate(),
                    new ArrayList<>(),
                    new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal strip(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static Money money(BigDecimal amount, String currency) {
        return Money.of(strip(amount), currency);
    }
}
