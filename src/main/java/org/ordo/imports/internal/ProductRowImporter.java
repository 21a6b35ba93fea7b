package org.ordo.imports.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ordo.catalog.ProductCatalogAdmin;
import org.ordo.imports.ImportKind;
import org.ordo.imports.Imports.RowOutcome;
import org.ordo.platform.MoneyInput;
import org.springframework.stereotype.Component;

/**
 * Products, one per row, by SKU: a new SKU is created as {@code POST /api/products} creates it, a known one gets the
 * row's fields (its unit cost stays); a row that changes nothing leaves the product as it is.
 */
@Component
class ProductRowImporter implements RowImporter {

    private static final Map<String, String> FIELDS = Map.of(
            "unitPrice.amount", "unit_price",
            "unitPrice.currency", "currency",
            "unitPrice", "unit_price",
            "taxCategory", "tax_category",
            "weightGrams", "weight_grams");

    private final ProductCatalogAdmin catalog;

    ProductRowImporter(ProductCatalogAdmin catalog) {
        this.catalog = catalog;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.PRODUCTS;
    }

    @Override
    public List<String> columns() {
        return List.of(
                "sku",
                "name",
                "unit_price",
                "currency",
                "tax_category",
                "description",
                "gtin",
                "weight_grams",
                "active");
    }

    @Override
    public List<String> required() {
        return List.of("sku", "name", "unit_price", "currency", "tax_category");
    }

    @Override
    public List<RowOutcome> apply(List<CsvFile.Row> unit) {
        CsvFile.Row row = unit.get(0);
        RowChecks checks = new RowChecks(row);
        String sku = checks.required("sku");
        Long weight = checks.number("weight_grams", false);
        Boolean active = checks.flag("active");
        checks.done();
        Optional<ProductCatalogAdmin.ProductDetails> existing = catalog.details(sku);
        // the file has no category column: an update keeps the product's category
        ProductCatalogAdmin.ProductInput input = new ProductCatalogAdmin.ProductInput(
                sku,
                row.get("name"),
                row.get("description"),
                new MoneyInput(row.get("unit_price"), row.get("currency")),
                row.get("tax_category"),
                row.get("gtin"),
                weight == null ? null : Math.toIntExact(weight),
                active == null || active,
                existing.map(ProductCatalogAdmin.ProductDetails::category).orElse(null));
        if (existing.isEmpty()) {
            catalog.create(input);
            return List.of(new RowOutcome(row.line(), APPLIED, null, null, null, "created " + sku));
        }
        long version = existing.get().version();
        ProductCatalogAdmin.ProductDetails updated = catalog.update(sku, version, input);
        boolean changed = updated.version() != version;
        return List.of(new RowOutcome(
                row.line(), changed ? APPLIED : UNCHANGED, null, null, null, (changed ? "updated " : "") + sku));
    }

    @Override
    public String columnOf(String field) {
        return columns().contains(field) ? field : FIELDS.get(field);
    }
}
