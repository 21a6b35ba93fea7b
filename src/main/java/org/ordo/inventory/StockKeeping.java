package org.ordo.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;

/**
 * What warehouse staff record by hand, for the warehouse pages: receipts, counts and adjustments with the same validation,
 * ledger entries, audit and {@link StockAvailable} events as {@code POST /api/inventory/movements}, and the stock levels of
 * a warehouse to look through. The product may be named by SKU or GTIN (what a scanner reads).
 */
public interface StockKeeping {

    /** What a person records. */
    enum Kind {
        /** Goods arrived: on hand rises by the quantity (> 0). */
        RECEIPT,
        /** On hand changes by the signed quantity (≠ 0); needs a reason. */
        ADJUSTMENT,
        /** On hand is set to the counted quantity (≥ 0); the difference is recorded. */
        COUNT
    }

    /**
     * Records one movement. {@code code} is a SKU or GTIN; {@code reference} (a delivery note, a count sheet) and, except
     * for an adjustment, {@code reason} may be null.
     *
     * @throws org.ordo.shared.OrdoException naming the field: invalid fields (400, the code as {@code sku}), an unknown product
     *                                       or warehouse (422), or on hand below what is reserved (409)
     */
    Recorded record(Kind kind, String code, String warehouse, Long quantity, String reason, String reference);

    /**
     * Stock levels ordered by SKU, then warehouse. {@code warehouse} null: every one; {@code text}: a SKU prefix (any case)
     * or a product's GTIN, null for any; {@code lowOnly}: only those at or below their reorder point.
     */
    PageResult<StockLevel> levels(String warehouse, String text, boolean lowOnly, Paging paging);

    /** The active warehouses, by code. */
    List<WarehouseView> warehouses();

    /** Every type of ledger movement: the manual ones, SHIPMENT (fulfilment) and RETURN (returns). */
    List<String> movementTypes();

    /**
     * The stock ledger, newest first, as {@code GET /api/inventory/movements} filters it.
     *
     * @throws org.ordo.shared.OrdoException invalid (400) naming each malformed filter by its rule code
     */
    PageResult<LedgerEntry> ledger(LedgerSearch search, Paging paging);

    /** One stock level with its figures, if the SKU has one in the warehouse. */
    Optional<StockLevel> level(String warehouse, String sku);

    /**
     * Sets safety stock and reorder point of an existing level, as {@code PUT /api/inventory/levels/{warehouse}/{sku}}
     * (the bin location stays).
     *
     * @throws org.ordo.shared.OrdoException invalid fields by rule code (400) or no such level (404)
     */
    StockLevel setPolicy(String warehouse, String sku, Long safetyStock, Long reorderPoint);

    /**
     * Filters of the ledger as typed; blank for any. {@code from} and {@code to} are dates such as 2026-11-21 (UTC, both
     * included); {@code type} one of {@link #movementTypes()}.
     */
    record LedgerSearch(String sku, String warehouse, String type, String from, String to) {}

    /** One movement: {@code quantity} is the signed change of on hand, {@code counted} set for a count. */
    record LedgerEntry(
            long id,
            String sku,
            String warehouse,
            String type,
            long quantity,
            Long counted,
            String reason,
            String reference,
            String actor,
            Instant at) {}

    /** The movement written; {@code change} is the signed change of on hand, {@code counted} is set for a count. */
    record Recorded(
            long movementId,
            String sku,
            String warehouse,
            Kind kind,
            long change,
            Long counted,
            long onHand,
            long reserved,
            Instant at) {

        public long available() {
            return onHand - reserved;
        }
    }
}
