package org.ordo.imports.internal;

import java.util.List;
import java.util.Map;
import org.ordo.imports.ImportKind;
import org.ordo.imports.Imports.RowOutcome;
import org.ordo.inventory.StockKeeping;
import org.springframework.stereotype.Component;

/**
 * Stock counts, one SKU (or GTIN) and warehouse per row: on hand becomes the counted quantity through the same COUNT
 * movement as the warehouse's count page, the difference in the stock ledger. A count is a fact of its time, so a
 * file counted again is recorded again (with no difference when nothing moved).
 */
@Component
class StockCountRowImporter implements RowImporter {

    private static final Map<String, String> FIELDS = Map.of("quantity", "counted");

    private final StockKeeping stock;

    StockCountRowImporter(StockKeeping stock) {
        this.stock = stock;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.STOCK_COUNTS;
    }

    @Override
    public List<String> columns() {
        return List.of("warehouse", "sku", "counted", "reference", "reason");
    }

    @Override
    public List<String> required() {
        return List.of("warehouse", "sku", "counted");
    }

    @Override
    public List<RowOutcome> apply(List<CsvFile.Row> unit) {
        CsvFile.Row row = unit.get(0);
        RowChecks checks = new RowChecks(row);
        String warehouse = checks.required("warehouse");
        String sku = checks.required("sku");
        Long counted = checks.number("counted", true);
        checks.done();
        StockKeeping.Recorded recorded =
                stock.record(StockKeeping.Kind.COUNT, sku, warehouse, counted, row.get("reason"), row.get("reference"));
        String result = recorded.sku() + " @ " + recorded.warehouse() + ": " + recorded.onHand() + " ("
                + (recorded.change() >= 0 ? "+" : "") + recorded.change() + ")";
        return List.of(
                new RowOutcome(row.line(), recorded.change() == 0 ? UNCHANGED : APPLIED, null, null, null, result));
    }

    @Override
    public String columnOf(String field) {
        return columns().contains(field) ? field : FIELDS.get(field);
    }
}
