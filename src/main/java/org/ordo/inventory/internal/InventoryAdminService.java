package org.ordo.inventory.internal;

import java.util.List;
import java.util.Map;
import org.ordo.inventory.InventoryAdmin;
import org.ordo.inventory.StockLevel;
import org.ordo.inventory.WarehouseView;
import org.ordo.shared.Address;
import org.springframework.stereotype.Component;

/** {@link InventoryAdmin} on top of {@link WarehouseService} and {@link StockLedgerService}, {@link StockPolicyService}, which own
 * the rules. */
@Component
class InventoryAdminService implements InventoryAdmin {

    private final WarehouseService warehouses;
    private final StockLedgerService ledger;
    private final StockPolicyService policies;

    InventoryAdminService(WarehouseService warehouses, StockLedgerService ledger, StockPolicyService policies) {
        this.warehouses = warehouses;
        this.ledger = ledger;
        this.policies = policies;
    }

    @Override
    public StockLevel setPolicy(String sku, String warehouse, Long safetyStock, Long reorderPoint) {
        return policies.set(warehouse, sku, safetyStock, reorderPoint, null);
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
    public List<WarehouseView> warehouses() {
        return warehouses.all().stream().map(WarehouseService.Warehouse::view).toList();
    }

    @Override
    public WarehouseView updateWarehouse(String code, String name, Address address, boolean active) {
        return warehouses.update(code, name, address, active).view();
    }
}
