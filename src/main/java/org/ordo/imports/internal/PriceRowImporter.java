package org.ordo.imports.internal;

import java.util.List;
import java.util.Map;
import org.ordo.catalog.ProductCatalogAdmin;
import org.ordo.imports.ImportKind;
import org.ordo.imports.ImportRule;
import org.ordo.imports.Imports.RowOutcome;
import org.ordo.platform.MoneyInput;
import org.springframework.stereotype.Component;

/**
 * Price changes, one product per row: the product's unit price becomes the row's, through the same update as the
 * product form (validated, versioned, audited); everything else about the product stays.
 */
@Component
class PriceRowImporter implements RowImporter {

    private static final Map<String, String> FIELDS =
            Map.of("unitPrice.amount", "unit_price", "unitPrice.currency", "currency", "unitPrice", "unit_price");

    private final ProductCatalogAdmin catalog;

    PriceRowImporter(ProductCatalogAdmin catalog) {
        this.catalog = catalog;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.PRICES;
    }

    @Override
    public List<String> columns() {
        return List.of("sku", "unit_price", "currency");
    }

    @Override
    public List<String> required() {
        return List.of("sku", "unit_price");
    }

    @Override
    public List<RowOutcome> apply(List<CsvFile.Row> unit) {
        CsvFile.Row row = unit.get(0);
        RowChecks checks = new RowChecks(row);
        String sku = checks.required("sku");
        checks.required("unit_price");
        checks.done();
        ProductCatalogAdmin.ProductDetails product = catalog.details(sku).orElse(null);
        if (product == null) {
            checks.problem(ImportRule.UNKNOWN_PRODUCT.at("sku"));
            checks.done();
        }
        String currency = row.get("currency") == null ? product.unitPrice().currencyCode() : row.get("currency");
        ProductCatalogAdmin.ProductDetails updated = catalog.update(
                sku,
                product.version(),
                new ProductCatalogAdmin.ProductInput(
                        sku,
                        product.name(),
                        product.description(),
                        new MoneyInput(row.get("unit_price"), currency),
                        product.taxCategory(),
                        product.gtin(),
                        product.weightGrams(),
                        product.active(),
                        product.category()));
        if (updated.version() == product.version()) {
            return List.of(new RowOutcome(row.line(), UNCHANGED, null, null, null, sku + " " + updated.unitPrice()));
        }
        String change = sku + " " + product.unitPrice() + " → " + updated.unitPrice();
        return List.of(new RowOutcome(row.line(), APPLIED, null, null, null, change));
    }

    @Override
    public String columnOf(String field) {
        return columns().contains(field) ? field : FIELDS.get(field);
    }
}
