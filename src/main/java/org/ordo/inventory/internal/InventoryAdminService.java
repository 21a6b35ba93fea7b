package org.ordo.inventory.internal;

import java.util.List;
import java.util.Map;
import org.ordo.inventory.InventoryAdmin;
import org.ordo.inventory.WarehouseView;
import org.ordo.shared.Address;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link InventoryAdmin} on top of {@link WarehouseService} and {@link StockLedgerService}, which own the rules. */
@Component
class InventoryAdminService implements InventoryAdmin {

    private final WarehouseService warehouses;
    private final StockLedgerService ledger;

    private final JdbcClient jdbc;

    InventoryAdminService(WarehouseService warehouses, StockLedgerService ledger, JdbcClient jdbc) {
        this.warehouses = warehouses;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    @Override
    public void createWarehouse(String code, String name, Address address) {
        warehouses.create(code, name, address);
    }

    @Override
    public long receive(String sku, String warehouse, long quantity, String reason) {
        return ledger.record(sku, warehouse, StockLedgerService.ManualType.RECEIPT.name(), quantity, reason)
                .onHand();
    }

    @Override
    public long receive(String sku, String warehouse, long quantity, String reason, String reference) {
        return ledger.record(sku, warehouse, StockLedgerService.ManualType.RECEIPT.name(), quantity, reason, reference)
                .onHand();
    }

    @Override
    public Map<String, Long> receivedByReference(String referencePrefix) {
        return ledger.receivedByReference(referencePrefix);
    }

    @Override
    public void setPlanning(String sku, String warehouse, long safetyStock, long reorderPoint) {
        if (safetyStock < 0 || reorderPoint < 0) {
            throw OrdoException.invalid(List.of(
                    new FieldViolation(safetyStock < 0 ? "safetyStock" : "reorderPoint", "must be 0 or greater")));
        }
        int updated = jdbc.sql(
                        "UPDATE stock_level SET safety_stock = ?, reorder_point = ? WHERE sku = ? AND warehouse = ?")
                .params(safetyStock, reorderPoint, sku, warehouse)
                .update();
        if (updated == 0) {
            throw OrdoException.notFound("Stock level", sku + "@" + warehouse + " (record a movement first)");
        }
    }

    @Override
    public List<WarehouseView> warehouses() {
        return warehouses.all().stream().map(WarehouseService.Warehouse::view).toList();
    }

    @Override
    public WarehouseView updateWarehouse(String code, String name, Address address, boolean active) {
        return warehouses.update(code, name, address, active).view();
    }
}
