package org.ordo.inventory.internal;

import java.net.URI;
import java.util.List;
import org.ordo.inventory.AvailableToPromise;
import org.ordo.inventory.StockLevel;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Address;
import org.ordo.shared.CommonRule;
import org.ordo.shared.OrdoException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
    private static final String PLANNERS =
            "hasAnyRole('ADMIN','SALES','WAREHOUSE','PURCHASING','ACCOUNTING','SUPPORT')";
    private static final String STOCK_KEEPERS = "hasAnyRole('ADMIN','WAREHOUSE')";
    /** Staff, and the buyers who plan stock. */
    private static final String STOCK_READERS =
            "hasAnyRole('ADMIN','SALES','WAREHOUSE','ACCOUNTING','SUPPORT','PURCHASING')";
    /** Who sets safety stock and reorder points. */
    private static final String STOCK_PLANNERS = "hasAnyRole('ADMIN','WAREHOUSE','PURCHASING')";

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
    private final StockLevelQueries levels;
    private final AvailableToPromise available;
    private final StockPolicyService policies;
    private final CompanyCalendar calendar;

    InventoryController(
            WarehouseService warehouses,
            StockLedgerService ledger,
            StockLevelQueries levels,
            AvailableToPromise available,
            StockPolicyService policies,
            CompanyCalendar calendar) {
        this.calendar = calendar;
        this.available = available;
        this.warehouses = warehouses;
        this.ledger = ledger;
        this.levels = levels;
        this.policies = policies;
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
    @PreAuthorize(STOCK_READERS)
    PageResult<StockLedgerService.Movement> movements(
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return ledger.movements(
                StockLedgerService.Filter.parse(sku, warehouse, type, from, to, calendar),
                false,
                Paging.of(page, size));
    }

    @GetMapping("/api/inventory")
    @PreAuthorize(STOCK_READERS)
    PageResult<StockLevel> levels(
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Boolean belowReorderPoint,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return levels.levels(sku, warehouse, Boolean.TRUE.equals(belowReorderPoint), Paging.of(page, size));
    }

    /** Available to promise of one SKU, in one warehouse or (none given) in all: today, then at each arrival date. */
    @GetMapping("/api/inventory/atp")
    @PreAuthorize(PLANNERS)
    List<AvailableToPromise.Point> atp(
            @RequestParam(required = false) String sku, @RequestParam(required = false) String warehouse) {
        if (sku == null || sku.isBlank()) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("sku")));
        }
        return available.atp(sku.trim(), warehouse == null || warehouse.isBlank() ? null : warehouse.trim());
    }

    /** Safety stock, reorder point and bin location of one SKU in one warehouse. */
    @PutMapping("/api/inventory/levels/{warehouse}/{sku}")
    @PreAuthorize(STOCK_PLANNERS)
    StockLevel updateLevel(
            @PathVariable String warehouse, @PathVariable String sku, @RequestBody LevelSettings settings) {
        return policies.set(warehouse, sku, settings.safetyStock(), settings.reorderPoint(), settings.binLocation());
    }
}
