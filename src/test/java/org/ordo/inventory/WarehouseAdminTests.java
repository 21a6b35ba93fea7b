package org.ordo.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordo.identity.AuditTrail;
import org.ordo.identity.Role;
import org.ordo.shared.Address;
import org.ordo.shared.OrdoException;
import org.ordo.testing.Acting;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Warehouses changed from the administration: name, address and active flag, audited; a bad name changes nothing. */
@OrdoTest
class WarehouseAdminTests {

    @Autowired
    InventoryAdmin inventory;

    @Autowired
    Inventory stock;

    @Autowired
    AuditTrail audit;

    @AfterEach
    void stopActing() {
        Acting.stop();
    }

    @Test
    void anInactiveWarehouseLeavesTheActiveOnesAndTheChangeIsAudited() {
        Acting.as("admin", Role.ADMIN);
        String code = Fixtures.unique("WH");
        inventory.createWarehouse(code, "North", null);
        assertThat(stock.activeWarehouses()).contains(code);
        Address address = new Address("North", "Lagerweg 2", null, "Hamburg", null, "20095", "DE");
        WarehouseView changed = inventory.updateWarehouse(code, "North hub", address, false);
        assertThat(changed).isEqualTo(new WarehouseView(code, "North hub", address, false));
        assertThat(inventory.warehouses()).contains(changed);
        assertThat(stock.activeWarehouses()).doesNotContain(code);
        assertThat(audit.entries("WAREHOUSE", code)).extracting(e -> e.action()).containsExactly("CREATED", "UPDATED");
    }

    @Test
    void aBlankNameIsRefusedAndChangesNothing() {
        Acting.as("admin", Role.ADMIN);
        String code = Fixtures.unique("WH");
        inventory.createWarehouse(code, "South", null);
        OrdoException invalid =
                catchThrowableOfType(OrdoException.class, () -> inventory.updateWarehouse(code, " ", null, false));
        assertThat(invalid.kind()).isEqualTo(OrdoException.Kind.INVALID);
        assertThat(inventory.warehouses()).contains(new WarehouseView(code, "South", null, true));
    }
}
