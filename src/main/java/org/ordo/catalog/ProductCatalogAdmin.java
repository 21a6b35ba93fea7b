package org.ordo.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.ExternalReference;
import org.ordo.shared.Money;

/**
 * Creating products from Java, for data import and demos: the same validation, audit and rules as
 * {@code POST /api/products}, without HTTP. The caller's {@link org.ordo.identity.Actor} is recorded as the creator.
 */
public interface ProductCatalogAdmin {

    /**
     * Creates an active product.
     *
     * @throws org.ordo.shared.OrdoException invalid fields (400, all at once) or a taken SKU or GTIN (409)
     */
    ProductSnapshot create(NewProduct product);

    /** Whether the catalog holds any product at all (an empty catalog means a fresh installation). */
    boolean hasProducts();

    /**
     * {@code description}, {@code gtin}, {@code weightGrams}, {@code unitCost} (what the product costs the company) and
     * {@code category} may be null.
     */
    record NewProduct(
            String sku,
            String name,
            String description,
            Money unitPrice,
            Money unitCost,
            String taxCategory,
            String gtin,
            Integer weightGrams,
            String category) {

        /** A product of no merchandise category. */
        public NewProduct(
                String sku,
                String name,
                String description,
                Money unitPrice,
                Money unitCost,
                String taxCategory,
                String gtin,
                Integer weightGrams) {
            this(sku, name, description, unitPrice, unitCost, taxCategory, gtin, weightGrams, null);
        }
    }

    /**
     * Products whose SKU, name, description or GTIN contains {@code q} (any case; null or blank for all), ordered by SKU;
     * {@code active} null for both active and inactive ones.
     */
    PageResult<ProductDetails> search(String q, Boolean active, Paging paging);

    /** As {@link #search(String, Boolean, Paging)}, of one merchandise category (any case; null or blank for all). */
    PageResult<ProductDetails> search(String q, String category, Boolean active, Paging paging);

    /** One product with everything an administrator edits, including its version. */
    Optional<ProductDetails> details(String sku);

    /** The ids outside systems know the product by ({@code PUT /api/products/external/...}), by system. */
    List<ExternalReference> externalIds(String sku);

    /**
     * Creates a product from what an administrator entered, with the same validation and audit as the API.
     *
     * @throws org.ordo.shared.OrdoException invalid fields (400, all at once, named as in {@code POST /api/products},
     *         e.g. {@code unitPrice.amount}) or a taken SKU or GTIN (409)
     */
    ProductDetails create(ProductInput product);

    /**
     * Replaces the product's fields if it is still at {@code expectedVersion}; its unit cost is kept. Unchanged fields
     * make no new version and no audit entry.
     *
     * @throws org.ordo.shared.OrdoException stale (412) when someone else changed it meanwhile, invalid fields (400),
     *         a taken GTIN (409), not found (404)
     */
    ProductDetails update(String sku, long expectedVersion, ProductInput product);

    /** The tax categories a product may belong to, by code. */
    List<TaxCategoryView> taxCategories();

    /**
     * A product as an administrator edits it. {@code description}, {@code gtin}, {@code weightGrams}, {@code unitCost} and
     * {@code category} may be null.
     */
    record ProductDetails(
            String sku,
            String name,
            String description,
            Money unitPrice,
            Money unitCost,
            String taxCategory,
            BigDecimal taxRate,
            String gtin,
            Integer weightGrams,
            boolean active,
            long version,
            Instant createdAt,
            Instant updatedAt,
            String category) {}

    /** What an administrator entered; the price as typed, so that a malformed amount is reported next to its field. */
    record ProductInput(
            String sku,
            String name,
            String description,
            MoneyInput unitPrice,
            String taxCategory,
            String gtin,
            Integer weightGrams,
            boolean active,
            String category) {

        /** What an administrator entered for a product of no merchandise category. */
        public ProductInput(
                String sku,
                String name,
                String description,
                MoneyInput unitPrice,
                String taxCategory,
                String gtin,
                Integer weightGrams,
                boolean active) {
            this(sku, name, description, unitPrice, taxCategory, gtin, weightGrams, active, null);
        }
    }

    /** {@code rate} is a fraction, 0.2000 for 20 %. */
    record TaxCategoryView(String code, String name, BigDecimal rate) {}
}
