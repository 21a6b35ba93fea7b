package org.ordo.inventory.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.ordo.inventory.StockLevel;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Address;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InventoryController {

    private static final String STAFF = "hasAnyRole('ADMIN','SALES','WAREHOUSE','ACCOUNTING','SUPPORT')";
    private static final String STOCK_KEEPERS = "hasAnyRole('ADMIN','WAREHOUSE')";

    record CreateWarehouse(String code, String name, Address address) {}

    record RecordMovement(String sku, String warehouse, Long quantity, String type, String reason) {}

    record MovementRecorded(
            long id,
            String sku,
            String warehouse,
            String type,
            long quantity,
            Long counted,
            String reason,
            String actor,
            java.time.Instant createdAt,
            long onHand,
            long reserved,
            long available) {}

    /** {@code binLocation}: absent leaves it as it is, an empty string clears it. */
    record LevelSettings(Long safetyStock, Long reorderPoint, String binLocation) {}

    private final WarehouseService warehouses;
    private final StockLedgerService ledger;
    private final JdbcClient jdbc;
    private final StockLevelQueries levels;

    InventoryController(
            WarehouseService warehouses, StockLedgerService ledger, JdbcClient jdbc, StockLevelQueries levels) {
        this.warehouses = warehouses;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.levels = levels;
    }

    @PostMapping("/api/warehouses")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<WarehouseService.Warehouse> createWarehouse(@RequestBody CreateWarehouse request) {
        WarehouseService.Warehouse created = warehouses.create(request.code(), request.name(), request.address());
        return ResponseEntity.created(URI.create("/api/warehouses/" + created.code()))
                .body(created);
    }

    @GetMapping("/api/warehouses")
    @PreAuthorize(STAFF)
    List<WarehouseService.Warehouse> warehouses() {
        return warehouses.all();
    }

    @GetMapping("/api/warehouses/{code}")
    @PreAuthorize(STAFF)
    WarehouseService.Warehouse warehouse(@PathVariable String code) {
        return warehouses.find(code).orElseThrow(() -> OrdoException.notFound("Warehouse", code));
    }

    @PostMapping("/api/inventory/movements")
    @PreAuthorize(STOCK_KEEPERS)
    ResponseEntity<MovementRecorded> recordMovement(@RequestBody RecordMovement request) {
        StockLedgerService.Recorded recorded =
                ledger.record(request.sku(), request.warehouse(), request.type(), request.quantity(), request.reason());
        StockLedgerService.Movement m = recorded.movement();
        return ResponseEntity.created(
                        URI.create("/api/inventory/movements?sku=" + m.sku() + "&warehouse=" + m.warehouse()))
                .body(new MovementRecorded(
                        m.id(),
                        m.sku(),
                        m.warehouse(),
                        m.type(),
                        m.quantity(),
                        m.counted(),
                        m.reason(),
                        m.actor(),
                        m.createdAt(),
                        recorded.onHand(),
                        recorded.reserved(),
                        recorded.onHand() - recorded.reserved()));
    }

    @GetMapping("/api/inventory/movements")
    @PreAuthorize(STAFF)
    PageResult<StockLedgerService.Movement> movements(
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return ledger.movements(sku, warehouse, Paging.of(page, size));
    }

    @GetMapping("/api/inventory")
    @PreAuthorize("hasAnyRole('ADMIN','SALES','WAREHOUSE','ACCOUNTING','SUPPORT','PURCHASING')")
    PageResult<StockLevel> levels(
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Boolean belowReorderPoint,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return levels.levels(sku, warehouse, Boolean.TRUE.equals(belowReorderPoint), Paging.of(page, size));
    }

    /** Safety stock, reorder point and bin location of one SKU in one warehouse. */
    @PutMapping("/api/inventory/levels/{warehouse}/{sku}")
    @PreAuthorize(STOCK_KEEPERS)
    @Transactional
    StockLevel updateLevel(
            @PathVariable String warehouse, @PathVariable String sku, @RequestBody LevelSettings settings) {
        List<FieldViolation> problems = new ArrayList<>();
        if (settings.safetyStock() == null || settings.safetyStock() < 0) {
            problems.add(new FieldViolation("safetyStock", "is required and must be 0 or greater"));
        }
        if (settings.reorderPoint() == null || settings.reorderPoint() < 0) {
            problems.add(new FieldViolation("reorderPoint", "is required and must be 0 or greater"));
        }
        String bin =
                settings.binLocation() == null ? null : settings.binLocation().trim();
        if (bin != null && bin.length() > 32) {
            problems.add(new FieldViolation("binLocation", "must be at most 32 characters"));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        int updated = bin == null
                ? jdbc.sql("UPDATE stock_level SET safety_stock = ?, reorder_point = ? WHERE sku = ? AND warehouse = ?")
                        .params(settings.safetyStock(), settings.reorderPoint(), sku, warehouse)
                        .update()
                : jdbc.sql(
                                "UPDATE stock_level SET safety_stock = ?, reorder_point = ?, bin_location = ? WHERE sku = ? AND warehouse = ?")
                        .params(
                                settings.safetyStock(),
                                settings.reorderPoint(),
                                bin.isEmpty() ? null : bin,
                                sku,
                                warehouse)
                        .update();
        if (updated == 0) {
            throw OrdoException.notFound("Stock level", sku + "@" + warehouse + " (record a movement first)");
        }
        return levels(sku, warehouse, null, 0, 1).items().get(0);
    }
}
