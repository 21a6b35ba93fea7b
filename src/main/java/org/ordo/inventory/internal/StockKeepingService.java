package org.ordo.inventory.internal;

import java.util.List;
import java.util.Optional;
import org.ordo.catalog.ProductCodes;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.inventory.StockKeeping;
import org.ordo.inventory.StockLevel;
import org.ordo.inventory.WarehouseView;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.springframework.stereotype.Component;

/** {@link StockKeeping} on {@link StockLedgerService}, which owns the rules, and the indexed stock level search. */
@Component
class StockKeepingService implements StockKeeping {

    private final StockLedgerService ledger;
    private final StockLevelQueries levels;
    private final WarehouseService warehouses;
    private final ProductCodes codes;
    private final StockPolicyService policies;
    private final CompanyCalendar calendar;

    StockKeepingService(
            StockLedgerService ledger,
            StockLevelQueries levels,
            WarehouseService warehouses,
            ProductCodes codes,
            StockPolicyService policies,
            CompanyCalendar calendar) {
        this.calendar = calendar;
        this.ledger = ledger;
        this.levels = levels;
        this.warehouses = warehouses;
        this.codes = codes;
        this.policies = policies;
    }

    @Override
    public Recorded record(Kind kind, String code, String warehouse, Long quantity, String reason, String reference) {
        String sku = code == null || code.isBlank()
                ? code
                : codes.byCode(code).map(ProductSnapshot::sku).orElse(code.trim());
        StockLedgerService.Recorded r = ledger.record(
                sku,
                warehouse == null || warehouse.isBlank() ? null : warehouse.trim(),
                kind == null ? null : kind.name(),
                quantity,
                reason == null || reason.isBlank() ? null : reason.trim(),
                reference);
        StockLedgerService.Movement m = r.movement();
        return new Recorded(
                m.id(),
                m.sku(),
                m.warehouse(),
                Kind.valueOf(m.type()),
                m.quantity(),
                m.counted(),
                r.onHand(),
                r.reserved(),
                m.createdAt());
    }

    @Override
    public PageResult<StockLevel> levels(String warehouse, String text, boolean lowOnly, Paging paging) {
        String prefix = text == null || text.isBlank() ? null : text.trim();
        String byGtin = null;
        if (prefix != null && prefix.matches("[0-9]{8,14}")) {
            byGtin = codes.byCode(prefix).map(ProductSnapshot::sku).orElse(null);
        }
        return levels.levels(null, prefix, byGtin, warehouse, lowOnly, paging);
    }

    @Override
    public List<WarehouseView> warehouses() {
        return warehouses.all().stream()
                .filter(WarehouseService.Warehouse::active)
                .map(w -> new WarehouseView(w.code(), w.name(), w.address(), w.active()))
                .toList();
    }

    @Override
    public List<String> movementTypes() {
        return StockLedgerService.TYPES;
    }

    @Override
    public PageResult<LedgerEntry> ledger(LedgerSearch search, Paging paging) {
        StockLedgerService.Filter filter = StockLedgerService.Filter.parse(
                search.sku(), search.warehouse(), search.type(), search.from(), search.to(), calendar);
        PageResult<StockLedgerService.Movement> page = ledger.movements(filter, true, paging);
        return new PageResult<>(
                page.items().stream()
                        .map(m -> new LedgerEntry(
                                m.id(),
                                m.sku(),
                                m.warehouse(),
                                m.type(),
                                m.quantity(),
                                m.counted(),
                                m.reason(),
                                m.reference(),
                                m.actor(),
                                m.createdAt()))
                        .toList(),
                page.page(),
                page.size(),
                page.totalItems());
    }

    @Override
    public Optional<StockLevel> level(String warehouse, String sku) {
        return Optional.ofNullable(policies.level(warehouse, sku));
    }

    @Override
    public StockLevel setPolicy(String warehouse, String sku, Long safetyStock, Long reorderPoint) {
        return policies.set(warehouse, sku, safetyStock, reorderPoint, null);
    }
}
