package org.ordo.catalog.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ordo.catalog.ProductCatalogAdmin;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.identity.AuditTrail;
import org.ordo.platform.ETags;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.platform.RequestChecks;
import org.ordo.shared.ExternalReference;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Gtin;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates and changes products. Each change validates the whole product (reporting every bad field at once),
 * holds the product's row lock, bumps its version and writes an audit entry in the same transaction.
 */
@Component
class ProductService implements ProductCatalogAdmin {

    static final String AUDIT_ENTITY = "PRODUCT";
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> FIELDS = Set.of(
            "sku",
            "name",
            "description",
            "unitPrice",
            "unitCost",
            "taxCategory",
            "gtin",
            "weightGrams",
            "active",
            "category");
    static final int CATEGORY_LENGTH = 60;
    private static final Set<String> NOT_NULL = Set.of("sku", "name", "unitPrice", "taxCategory", "active");

    private final ProductStore products;
    private final AuditTrail audit;
    private final JsonMapper json;

    ProductService(ProductStore products, AuditTrail audit, JsonMapper json) {
        this.products = products;
        this.audit = audit;
        this.json = json;
    }

    @Transactional
    public Product create(ProductRequest request) {
        ProductDraft draft = validate(request, null);
        try {
            products.insert(draft, now());
        } catch (DuplicateKeyException e) {
            throw duplicate(e, draft);
        }
        Product created = products.product(draft.sku()).orElseThrow();
        // the uncommitted insert is this transaction's: no one else can write the product's chain meanwhile
        audit.record(AUDIT_ENTITY, created.sku(), "CREATED", null, created);
        return created;
    }

    @Override
    @Transactional
    public ProductSnapshot create(NewProduct p) {
        MoneyInput price = p.unitPrice() == null ? null : MoneyInput.of(p.unitPrice());
        MoneyInput cost = p.unitCost() == null ? null : MoneyInput.of(p.unitCost());
        return create(new ProductRequest(
                        p.sku(),
                        p.name(),
                        p.description(),
                        price,
                        cost,
                        p.taxCategory(),
                        p.gtin(),
                        p.weightGrams(),
                        true,
                        p.category()))
                .snapshot();
    }

    @Override
    public PageResult<ProductDetails> search(String q, Boolean active, Paging paging) {
        return search(q, null, active, paging);
    }

    @Override
    public PageResult<ProductDetails> search(String q, String category, Boolean active, Paging paging) {
        return products.search(q, null, category, active, paging).map(Product::details);
    }

    @Override
    public Optional<ProductDetails> details(String sku) {
        return products.product(sku).map(Product::details);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExternalReference> externalIds(String sku) {
        return products.externalIds(sku);
    }

    @Override
    @Transactional
    public ProductDetails create(ProductInput p) {
        return create(new ProductRequest(
                        p.sku(),
                        p.name(),
                        p.description(),
                        p.unitPrice(),
                        null,
                        p.taxCategory(),
                        p.gtin(),
                        p.weightGrams(),
                        p.active(),
                        p.category()))
                .details();
    }

    @Override
    @Transactional
    public ProductDetails update(String sku, long expectedVersion, ProductInput p) {
        Product current = lock(sku, ETags.of(expectedVersion));
        ProductRequest request = new ProductRequest(
                sku,
                p.name(),
                p.description(),
                p.unitPrice(),
                current.unitCost() == null ? null : MoneyInput.of(current.unitCost()),
                p.taxCategory(),
                p.gtin(),
                p.weightGrams(),
                p.active(),
                p.category());
        return update(current, validate(request, sku)).details();
    }

    @Override
    public List<TaxCategoryView> taxCategories() {
        return products.taxCategories(Paging.of(0, Paging.MAX_SIZE)).items().stream()
                .map(t -> new TaxCategoryView(t.code(), t.name(), t.rate()))
                .toList();
    }

    @Override
    public boolean hasProducts() {
        return products.hasProducts();
    }

    /** What a PUT by an outside id did: the product as it is now, and whether it was created. */
    record Upserted(Product product, boolean created) {}

    /**
     * Creates the product an outside id names the first time, replaces its fields after (the body's {@code sku} must then be
     * the product's or absent). When another transaction created it meanwhile, the product's or the mapping's insert fails
     * with a DuplicateKeyException on a {@code firstAttempt} and this whole transaction rolls back: the caller tries again,
     * and then finds it; a SKU taken by a product of no outside id is then a 409.
     */
    @Transactional
    public Upserted upsert(ExternalReference ref, ProductRequest request, boolean firstAttempt) {
        Optional<String> mapped = products.skuOfExternal(ref);
        if (mapped.isPresent()) {
            return new Upserted(replace(mapped.get(), null, request), false);
        }
        Product created;
        if (firstAttempt) {
            ProductDraft draft = validate(request, null);
            products.insert(draft, now());
            created = products.product(draft.sku()).orElseThrow();
            audit.record(AUDIT_ENTITY, created.sku(), "CREATED", null, created);
        } else {
            created = create(request);
        }
        products.insertExternal(ref, created.sku(), now());
        return new Upserted(created, true);
    }

    /** Replaces every field; fields absent from the request are cleared (or take their default). */
    @Transactional
    public Product replace(String sku, String ifMatch, ProductRequest request) {
        ProductDraft draft = validate(request, sku);
        return update(lock(sku, ifMatch), draft);
    }

    /** Changes only the fields present in {@code patch}; JSON null clears a nullable field. */
    @Transactional
    public Product patch(String sku, String ifMatch, JsonNode patch) {
        RequestChecks.checkPatch(patch, FIELDS, NOT_NULL);
        Product current = lock(sku, ifMatch);
        ProductRequest merged = RequestChecks.merge(json, ProductRequest.of(current), patch, ProductRequest.class);
        return update(current, validate(merged, sku));
    }

    private Product lock(String sku, String ifMatch) {
        Product current = products.lock(sku).orElseThrow(() -> OrdoException.notFound("Product", sku));
        ETags.requireMatch(ifMatch, current.version(), "Product " + sku);
        return current;
    }

    private Product update(Product before, ProductDraft draft) {
        if (draft.sameAs(before)) {
            // nothing changes: no new version, no audit entry (a repeated PUT is a no-op)
            return before;
        }
        try {
            products.update(draft, now());
        } catch (DuplicateKeyException e) {
            throw duplicate(e, draft);
        }
        Product after = products.product(draft.sku()).orElseThrow();
        audit.record(AUDIT_ENTITY, draft.sku(), "UPDATED", before, after);
        return after;
    }

    /**
     * Checks every field and reports all problems at once. {@code pathSku} is the SKU of the URL for PUT and PATCH
     * (the body may repeat it but not change it) and null for POST.
     */
    ProductDraft validate(ProductRequest r, String pathSku) {
        List<FieldViolation> problems = new ArrayList<>();
        String sku = pathSku == null ? r.sku() : pathSku;
        if (pathSku != null) {
            if (r.sku() != null && !r.sku().equals(pathSku)) {
                problems.add(new FieldViolation(
                        "sku", "must be absent or equal to the SKU in the path (a SKU cannot change)"));
            }
        } else if (sku == null || sku.isEmpty()) {
            problems.add(new FieldViolation("sku", "must not be blank"));
        } else if (!SKU.matcher(sku).matches()) {
            problems.add(new FieldViolation("sku", "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' and '-'"));
        } else if (sku.equals(".") || sku.equals("..")) {
            // would be resolved away as a path segment, so the product could never be addressed
            problems.add(new FieldViolation("sku", "must not be '.' or '..'"));
        }
        RequestChecks.text(problems, "name", r.name(), 200, true);
        RequestChecks.text(problems, "description", r.description(), 4000, false);
        Money unitPrice = null;
        if (r.unitPrice() == null) {
            problems.add(new FieldViolation("unitPrice", "must not be null"));
        } else {
            unitPrice = r.unitPrice().toMoney("unitPrice", problems);
        }
        Money unitCost = r.unitCost() == null ? null : r.unitCost().toMoney("unitCost", problems);
        if (r.taxCategory() == null || r.taxCategory().isBlank()) {
            problems.add(new FieldViolation("taxCategory", "must not be blank"));
        } else if (r.taxCategory().length() > 32
                || products.taxRate(r.taxCategory()).isEmpty()) {
            problems.add(new FieldViolation("taxCategory", "must be one of the codes of GET /api/tax-categories"));
        }
        if (r.gtin() != null && !Gtin.isValid(r.gtin())) {
            problems.add(new FieldViolation("gtin", "must be a GTIN-8, -12, -13 or -14 with a correct check digit"));
        }
        if (r.weightGrams() != null && r.weightGrams() < 0) {
            problems.add(new FieldViolation("weightGrams", "must be 0 or greater"));
        }
        String category = r.category() == null || r.category().isBlank()
                ? null
                : r.category().trim();
        RequestChecks.text(problems, "category", category, CATEGORY_LENGTH, false);
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return new ProductDraft(
                sku,
                r.name(),
                r.description(),
                unitPrice,
                unitCost,
                r.taxCategory(),
                r.gtin(),
                r.weightGrams(),
                r.active() == null || r.active(),
                category);
    }

    /** Tells a taken GTIN from a taken SKU by the unique index the database names. */
    private static OrdoException duplicate(DuplicateKeyException e, ProductDraft draft) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("product_gtin_uk")) {
            return new OrdoException(
                    OrdoException.Kind.CONFLICT,
                    "duplicate-gtin",
                    "Another product already has GTIN " + draft.gtin() + ".",
                    List.of(new FieldViolation("gtin", "is already used by another product")),
                    Map.of());
        }
        return new OrdoException(
                OrdoException.Kind.CONFLICT,
                "duplicate-sku",
                "Product " + draft.sku() + " already exists.",
                List.of(new FieldViolation("sku", "already exists")),
                Map.of());
    }

    /** Microseconds: what both databases store, so what is returned equals what a later read returns. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
