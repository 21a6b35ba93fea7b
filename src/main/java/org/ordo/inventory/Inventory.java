package org.ordo.inventory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stock positions and reservations, for the modules that sell stock. Every method that changes stock must run
 * inside the caller's transaction.
 */
public interface Inventory {

    /**
     * Locks the stock levels of these SKUs in every active warehouse, in the global lock order (warehouse, then
     * SKU), and returns them. Until the transaction ends, nobody else can change what is returned.
     */
    List<StockPosition> lockPositions(Collection<String> skus);

    /** Current positions of these SKUs, without locking (for display and planning only). */
    List<StockPosition> positions(Collection<String> skus);

    /**
     * Reserves stock: one conditional update per SKU × warehouse. The positions must have been locked with
     * {@link #lockPositions}; a reservation that no longer fits is a programming error and fails the transaction.
     */
    void reserve(List<ReservationRequest> requests);

    /**
     * Releases up to {@code quantity} of an order line's active reservations (newest first) and tells which
     * warehouses got stock back. Publishes {@link StockAvailable}.
     */
    Map<String, Long> release(UUID orderId, int lineNumber, long quantity);

    /**
     * Ships reserved stock: consumes {@code quantity} of the line's active reservations in {@code warehouse},
     * lowers on hand and reserved, and writes a SHIPMENT movement with {@code reference}. The position must have
     * been locked with {@link #lockPositions}. Consuming more than is reserved there is a 409.
     */
    void consume(UUID orderId, int lineNumber, String sku, String warehouse, long quantity, String reference);

    /**
     * As {@link #consume} for several lines of one order shipped together, in a few statements whatever the number of
     * lines: locks the stock levels it lowers itself (by warehouse, then SKU), so {@link #lockPositions} is not needed.
     * The order must be locked by the caller (its reservations are touched only under that lock).
     */
    void consumeAll(UUID orderId, List<Consumption> consumptions, String reference);

    /** What one order line ships from one warehouse, for {@link #consumeAll}. */
    record Consumption(int lineNumber, String sku, String warehouse, long quantity) {}

    /** Puts returned goods back on hand with a RETURN movement; publishes {@link StockAvailable}. */
    void restock(String sku, String warehouse, long quantity, String reference);

    /** Where an order line's shipped units came from: consumed reservations per warehouse code (for restocking returns). */
    Map<String, Long> shippedFrom(UUID orderId, int lineNumber);

    /**
     * Units of each order line of {@code sku} reserved or shipped (active and consumed reservations, not released
     * ones), per warehouse, for lines placed on or after {@code since}: where a line's demand fell.
     */
    List<CommittedToLine> committedPerLine(String sku, Instant since);

    /** The active reservations of an order. */
    List<ReservationView> activeReservations(UUID orderId);

    /** Every order line's active reservations, summed over warehouses: what its reserved quantity must equal. */
    List<ReservedForLine> activeReservationsPerLine();

    /**
     * Active reservations summed per order and warehouse, in one warehouse or (null) in all: the stock set aside for
     * orders that fulfilment may plan from.
     */
    List<ReservedInWarehouse> activeReservationsPerOrder(String warehouse);

    /** Codes of the active warehouses, in code order. */
    List<String> activeWarehouses();

    /** One warehouse by code. */
    Optional<WarehouseView> warehouse(String code);

    /**
     * Where these SKUs lie in one warehouse (for pick lists), keyed by SKU. SKUs without a bin location, or
     * without stock level there, are absent.
     */
    Map<String, String> binLocations(String warehouse, Collection<String> skus);

    /** Units of one order line under active reservations, in all warehouses together. */
    record ReservedForLine(UUID orderId, int lineNumber, long quantity) {}

    /** Units of one order line reserved or shipped in one warehouse. */
    record CommittedToLine(UUID orderId, int lineNumber, String warehouse, long quantity) {}

    /** Units of one order under active reservations in one warehouse. */
    record ReservedInWarehouse(UUID orderId, String warehouse, long quantity) {}
}
