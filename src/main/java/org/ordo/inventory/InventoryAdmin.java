package org.ordo.inventory;

import java.util.List;
import java.util.Map;
import org.ordo.shared.Address;

/**
 * Setting up warehouses and receiving stock from Java, for data import and demos: the same validation, ledger
 * entries, audit and {@link StockAvailable} events as {@code POST /api/warehouses} and
 * {@code POST /api/inventory/movements} with type RECEIPT.
 */
public interface InventoryAdmin {

    /**
     * Creates an active warehouse.
     *
     * @throws org.ordo.shared.OrdoException invalid fields (400) or a taken code (409)
     */
    void createWarehouse(String code, String name, Address address);

    /**
     * Receives {@code quantity} (> 0) of a catalog SKU into a warehouse; backorders waiting for it are filled after
     * commit.
     *
     * @return on hand of that SKU in that warehouse afterwards
     */
    long receive(String sku, String warehouse, long quantity, String reason);

    /**
     * As {@link #receive(String, String, long, String)}, with the document the goods came with as the movement's
     * {@code reference} (at most 100 characters, e.g. the purchase order line {@code PO-000012/1}).
     *
     * @return on hand of that SKU in that warehouse afterwards
     */
    long receive(String sku, String warehouse, long quantity, String reason, String reference);

    /**
     * The units of all RECEIPT movements whose reference starts with {@code referencePrefix} (e.g. {@code PO-}), summed
     * per reference: what the documents behind them must agree with.
     */
    Map<String, Long> receivedByReference(String referencePrefix);

    /** Every warehouse, active or not, by code. */
    List<WarehouseView> warehouses();

    /**
     * Changes a warehouse's name, address (null for none) and whether it is active; an inactive warehouse takes no new
     * reservations. Audited like its creation.
     *
     * @throws org.ordo.shared.OrdoException invalid fields (400) or not found (404)
     */
    WarehouseView updateWarehouse(String code, String name, Address address, boolean active);

    /**
     * Sets the safety stock and reorder point of a SKU in a warehouse, with the rules of
     * {@code PUT /api/inventory/levels/{warehouse}/{sku}}: both required, 0 or greater.
     *
     * @throws org.ordo.shared.OrdoException invalid fields (400) or no stock level for the SKU there yet (404)
     */
    StockLevel setPolicy(String sku, String warehouse, Long safetyStock, Long reorderPoint);
}
