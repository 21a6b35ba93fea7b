package org.ordo.catalog.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.platform.ChangeNotices;
import org.ordo.platform.ExactCache;
import org.ordo.platform.LikePattern;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.ExternalReference;
import org.ordo.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The product and tax_category tables, and the {@link Catalog} other modules read. Products by SKU, as {@link
 * Catalog#find} gives them, are kept in an {@link ExactCache}: each write of a product announces its SKU.
 */
@Component
class ProductStore implements Catalog {

    /** Products kept in memory per node; a SKU beyond them is read as before. */
    static final int CACHED_PRODUCTS = 10_000;

    private static final String SELECT =
            "SELECT p.sku, p.name, p.description, p.unit_price, p.currency, p.unit_cost, p.cost_currency, p.tax_category, t.rate, "
                    + "p.gtin, p.weight_grams, p.active, p.version, p.created_at, p.updated_at, p.category "
                    + "FROM product p JOIN tax_category t ON t.code = p.tax_category";

    private final JdbcClient jdbc;
    private final ExactCache<ProductSnapshot> snapshots;

    ProductStore(JdbcClient jdbc, ChangeNotices notices) {
        this.jdbc = jdbc;
        this.snapshots = ExactCache.of("products", notices, CACHED_PRODUCTS);
    }

    @Override
    public Map<String, ProductSnapshot> find(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        Map<String, ProductSnapshot> cached = snapshots.getAll(skus, this::read);
        // in the order asked, as the read gave them
        Map<String, ProductSnapshot> found = new LinkedHashMap<>();
        for (String sku : new LinkedHashSet<>(skus)) {
            ProductSnapshot product = cached.get(sku);
            if (product != null) {
                found.put(sku, product);
            }
        }
        return found;
    }

    private Map<String, ProductSnapshot> read(Collection<String> skus) {
        Map<String, ProductSnapshot> found = new LinkedHashMap<>();
        jdbc.sql(SELECT + " WHERE p.sku IN (:skus)")
                .param("skus", new ArrayList<>(skus))
                .query(ProductStore::map)
                .list()
                .forEach(p -> found.put(p.sku(), p.snapshot()));
        return found;
    }

    @Override
    public Optional<ProductSnapshot> find(String sku) {
        return Optional.ofNullable(
                snapshots.get(sku, k -> product(k).map(Product::snapshot).orElse(null)));
    }

    @Override
    public Optional<ProductSnapshot> findByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        List<String> codes = codes(code.trim());
        return jdbc
                .sql(
                        SELECT
                                + " WHERE p.active = TRUE AND (p.sku = :code OR p.gtin IN (:codes)) ORDER BY CASE WHEN p.sku = :code THEN 0 ELSE 1 END, p.sku")
                .param("code", code.trim())
                .param("codes", codes)
                .query(ProductStore::map)
                .list()
                .stream()
                .findFirst()
                .map(Product::snapshot);
    }

    @Override
    public List<ProductSnapshot> search(String text, int limit) {
        return search(text, null, limit);
    }

    @Override
    public List<ProductSnapshot> search(String text, String category, int limit) {
        boolean noText = text == null || text.isBlank();
        boolean noCategory = category == null || category.isBlank();
        if (noText && noCategory) {
            return List.of();
        }
        String code = noText ? "" : text.trim();
        String pattern = LikePattern.containing(code.toLowerCase(Locale.ROOT));
        return jdbc
                .sql(
                        SELECT
                                + " WHERE p.active = TRUE AND (p.sku = :code OR p.gtin IN (:codes) OR LOWER(p.name) LIKE :pattern ESCAPE '\\'"
                                + " OR LOWER(p.sku) LIKE :pattern ESCAPE '\\')"
                                + (noCategory ? "" : " AND LOWER(p.category) = :category")
                                + " ORDER BY CASE WHEN p.sku = :code OR p.gtin IN (:codes) THEN 0 ELSE 1 END, p.name, p.sku LIMIT :limit")
                .param("category", noCategory ? "" : category.trim().toLowerCase(Locale.ROOT))
                .param("code", code)
                .param("codes", codes(code))
                .param("pattern", pattern)
                .param("limit", Math.min(Math.max(limit, 1), 100))
                .query(ProductStore::map)
                .list()
                .stream()
                .map(Product::snapshot)
                .toList();
    }

    /** A code as stored and, for digits, its GTIN-14 form and its shorter forms without leading zeros. */
    static List<String> codes(String code) {
        List<String> codes = new ArrayList<>();
        codes.add(code);
        if (code.matches("\\d{8,14}")) {
            String padded = "0".repeat(14 - code.length()) + code;
            codes.add(padded);
            for (int length : new int[] {8, 12, 13}) {
                String shorter = padded.substring(14 - length);
                if (padded.substring(0, 14 - length).chars().allMatch(c -> c == '0')) {
                    codes.add(shorter);
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(codes));
    }

    boolean hasProducts() {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT sku FROM product LIMIT 1) p")
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<Product> product(String sku) {
        return jdbc.sql(SELECT + " WHERE p.sku = ?")
                .param(sku)
                .query(ProductStore::map)
                .optional();
    }

    /**
     * Locks the product row for the rest of the transaction and reads it. The lock is taken without the join so
     * that it does not also lock the tax category row.
     */
    Optional<Product> lock(String sku) {
        boolean exists = jdbc.sql("SELECT sku FROM product WHERE sku = ? FOR UPDATE")
                .param(sku)
                .query(String.class)
                .optional()
                .isPresent();
        return exists ? product(sku) : Optional.empty();
    }

    /**
     * Products whose name, description, SKU or GTIN contains {@code q} (any case) and whose category is {@code category}
     * (any case), ordered by SKU. Null filters match all.
     */
    PageResult<Product> search(String q, String sku, String category, Boolean active, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            String pattern = LikePattern.containing(q.trim().toLowerCase(Locale.ROOT));
            where.append(" AND (LOWER(p.name) LIKE ? ESCAPE '\\' OR LOWER(p.description) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(p.sku) LIKE ? ESCAPE '\\' OR p.gtin LIKE ? ESCAPE '\\')");
            params.addAll(List.of(pattern, pattern, pattern, pattern));
        }
        if (sku != null && !sku.isBlank()) {
            where.append(" AND p.sku = ?");
            params.add(sku);
        }
        if (category != null && !category.isBlank()) {
            where.append(" AND LOWER(p.category) = ?");
            params.add(category.trim().toLowerCase(Locale.ROOT));
        }
        if (active != null) {
            where.append(" AND p.active = ?");
            params.add(active);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM product p" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(paging.size());
        pageParams.add(paging.offset());
        List<Product> items = jdbc.sql(SELECT + where + " ORDER BY p.sku LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(ProductStore::map)
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    void insert(ProductDraft p, Instant now) {
        snapshots.announce(p.sku());
        jdbc.sql(
                        "INSERT INTO product (sku, name, description, unit_price, currency, unit_cost, cost_currency, tax_category, gtin, "
                                + "weight_grams, active, category, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(
                        p.sku(),
                        p.name(),
                        p.description(),
                        p.unitPrice().amount(),
                        p.unitPrice().currencyCode(),
                        p.unitCost() == null ? null : p.unitCost().amount(),
                        p.unitCost() == null ? null : p.unitCost().currencyCode(),
                        p.taxCategory(),
                        p.gtin(),
                        p.weightGrams(),
                        p.active(),
                        p.category(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    /** Writes every field and bumps the version; the caller holds the row lock and has checked the version. */
    void update(ProductDraft p, Instant now) {
        snapshots.announce(p.sku());
        jdbc.sql(
                        "UPDATE product SET name = ?, description = ?, unit_price = ?, currency = ?, unit_cost = ?, cost_currency = ?, "
                                + "tax_category = ?, gtin = ?, weight_grams = ?, active = ?, category = ?, version = version + 1, updated_at = ? "
                                + "WHERE sku = ?")
                .params(
                        p.name(),
                        p.description(),
                        p.unitPrice().amount(),
                        p.unitPrice().currencyCode(),
                        p.unitCost() == null ? null : p.unitCost().amount(),
                        p.unitCost() == null ? null : p.unitCost().currencyCode(),
                        p.taxCategory(),
                        p.gtin(),
                        p.weightGrams(),
                        p.active(),
                        p.category(),
                        Timestamp.from(now),
                        p.sku())
                .update();
    }

    Optional<BigDecimal> taxRate(String code) {
        return jdbc.sql("SELECT rate FROM tax_category WHERE code = ?")
                .param(code)
                .query(BigDecimal.class)
                .optional();
    }

    PageResult<TaxCategory> taxCategories(Paging paging) {
        long total =
                jdbc.sql("SELECT COUNT(*) FROM tax_category").query(Long.class).single();
        List<TaxCategory> items = jdbc.sql("SELECT code, name, rate FROM tax_category ORDER BY code LIMIT ? OFFSET ?")
                .params(paging.size(), paging.offset())
                .query((rs, n) -> new TaxCategory(rs.getString("code"), rs.getString("name"), rs.getBigDecimal("rate")))
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    private static Product map(ResultSet rs, int row) throws SQLException {
        return new Product(
                rs.getString("sku"),
                rs.getString("name"),
                rs.getString("description"),
                Money.of(
                        rs.getBigDecimal("unit_price"), rs.getString("currency").trim()),
                rs.getBigDecimal("unit_cost") == null
                        ? null
                        : Money.of(
                                rs.getBigDecimal("unit_cost"),
                                rs.getString("cost_currency").trim()),
                rs.getString("tax_category"),
                rs.getBigDecimal("rate"),
                rs.getString("gtin"),
                rs.getObject("weight_grams", Integer.class),
                rs.getBoolean("active"),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("category"));
    }

    /** The categories of active products, in alphabetical order (any case). */
    @Override
    public List<String> categories() {
        return jdbc
                .sql("SELECT DISTINCT category FROM product WHERE active = TRUE AND category IS NOT NULL")
                .query((rs, n) -> rs.getString("category"))
                .list()
                .stream()
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
    }

    /** The SKU an outside system's id names, if it was PUT before. */
    Optional<String> skuOfExternal(ExternalReference ref) {
        return jdbc.sql("SELECT sku FROM product_external_id WHERE system = ? AND external_id = ?")
                .params(ref.system(), ref.externalId())
                .query(String.class)
                .optional();
    }

    /** Names the product by an outside id; a DuplicateKeyException when another transaction named a product by it first. */
    void insertExternal(ExternalReference ref, String sku, Instant now) {
        jdbc.sql("INSERT INTO product_external_id (system, external_id, sku, created_at) VALUES (?, ?, ?, ?)")
                .params(ref.system(), ref.externalId(), sku, Timestamp.from(now))
                .update();
    }

    /** The outside ids of a product, by system. */
    List<ExternalReference> externalIds(String sku) {
        return jdbc.sql(
                        "SELECT system, external_id FROM product_external_id WHERE sku = ? ORDER BY system, external_id")
                .param(sku)
                .query((rs, n) -> new ExternalReference(rs.getString("system"), rs.getString("external_id")))
                .list();
    }
}
