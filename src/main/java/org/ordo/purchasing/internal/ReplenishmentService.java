package org.ordo.purchasing.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.forecasting.Forecasts;
import org.ordo.identity.Actor;
import org.ordo.inventory.Inventory;
import org.ordo.inventory.StockLevel;
import org.ordo.inventory.StockLevelSearch;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replenishment: a run looks at every SKU × active warehouse with a reorder point and proposes what to buy
 * ({@link ReplenishmentPolicy}); buyers review the proposals and turn them into DRAFT purchase orders, one per supplier
 * and warehouse. A run holds the job's row in {@code purchasing_job_lock} until it commits, so the daily run happens on
 * one node and an on-demand run meanwhile is a 409. A run's proposals replace the open ones of earlier runs.
 */
@Component
class ReplenishmentService {

    private static final Logger log = LoggerFactory.getLogger(ReplenishmentService.class);
    private static final int PAGE = Paging.MAX_SIZE;

    /** {@code POST /api/replenishment/proposals/purchase-orders}: these proposals, or (null) every open one. */
    record OrderProposals(List<String> proposalIds) {}

    private final ReplenishmentStore store;
    private final SupplierStore suppliers;
    private final IncomingSupplyQueries incoming;
    private final ReplenishmentPolicy policy;
    private final PurchaseOrderService purchaseOrders;
    private final Inventory inventory;
    private final StockLevelSearch levels;
    private final ObjectProvider<Forecasts> forecasts;
    private final Catalog catalog;
    private final TransactionTemplate tx;

    ReplenishmentService(
            ReplenishmentStore store,
            SupplierStore suppliers,
            IncomingSupplyQueries incoming,
            ReplenishmentPolicy policy,
            PurchaseOrderService purchaseOrders,
            Inventory inventory,
            StockLevelSearch levels,
            ObjectProvider<Forecasts> forecasts,
            Catalog catalog,
            TransactionTemplate tx) {
        this.catalog = catalog;
        this.store = store;
        this.suppliers = suppliers;
        this.incoming = incoming;
        this.policy = policy;
        this.purchaseOrders = purchaseOrders;
        this.inventory = inventory;
        this.levels = levels;
        this.forecasts = forecasts;
        this.tx = tx;
    }

    @Scheduled(cron = "${ordo.purchasing.replenishment.cron:0 0 3 * * *}", zone = "UTC")
    void daily() {
        ReplenishmentStore.ReplenishmentRun run = run("SCHEDULED");
        if (run == null) {
            log.info("replenishment: another node is running it");
        } else {
            log.info("replenishment: {} positions checked, {} proposals", run.checked(), run.proposed());
        }
    }

    /** Runs replenishment now; null when another run holds the job. */
    ReplenishmentStore.ReplenishmentRun run(String trigger) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return tx.execute(status -> {
            if (!store.claimJob()) {
                return null;
            }
            UUID id = UUID.randomUUID();
            store.insertRun(new ReplenishmentStore.ReplenishmentRun(
                    id, trigger, "RUNNING", started, null, Actor.current().username(), 0, 0, null));
            int[] counts = propose(id);
            Instant finished = Instant.now().truncatedTo(ChronoUnit.MICROS);
            store.finishRun(id, "DONE", counts[0], counts[1], null, finished);
            store.supersedeOpenBefore(id);
            store.jobRan(finished, node());
            return store.run(id).orElseThrow();
        });
    }

    /** Writes the run's proposals; how many positions it checked and how many proposals it made. */
    private int[] propose(UUID runId) {
        Set<String> warehouses = new HashSet<>(inventory.activeWarehouses());
        Map<String, Long> onTheWay = incoming.openQuantities(PurchaseOrderStatus.openStates());
        Map<String, Long> drafted = incoming.openQuantities(List.of(PurchaseOrderStatus.DRAFT));
        int checked = 0;
        int proposed = 0;
        for (int page = 0; ; page++) {
            PageResult<StockLevel> batch = levels.levels(null, null, false, new Paging(page, PAGE));
            List<StockLevel> candidates = batch.items().stream()
                    .filter(l -> l.reorderPoint() > 0 && warehouses.contains(l.warehouse()))
                    .toList();
            checked += candidates.size();
            proposed += proposeFor(runId, candidates, onTheWay, drafted);
            if (batch.items().size() < PAGE) {
                return new int[] {checked, proposed};
            }
        }
    }

    private int proposeFor(
            UUID runId, List<StockLevel> candidates, Map<String, Long> onTheWay, Map<String, Long> drafted) {
        Map<StockLevel, ReplenishmentPolicy.Position> shortOfStock = shortOfStock(candidates, onTheWay, drafted);
        Map<String, List<SupplierStore.ActiveOffer>> offers =
                suppliers
                        .activeOffers(shortOfStock.keySet().stream()
                                .map(StockLevel::sku)
                                .collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.groupingBy(o -> o.offer().sku()));
        Forecasts forecast = forecasts.getIfAvailable();
        int proposed = 0;
        for (Map.Entry<StockLevel, ReplenishmentPolicy.Position> e : shortOfStock.entrySet()) {
            StockLevel level = e.getKey();
            SupplierStore.ActiveOffer chosen =
                    policy.choose(offers.getOrDefault(level.sku(), List.of())).orElse(null);
            if (chosen == null) {
                continue; // nobody offers it: nothing to propose
            }
            SupplierStore.Offer offer = chosen.offer();
            long forecastDemand = forecast == null
                    ? 0
                    : (long) Math.ceil(forecast.outlook(level.sku(), level.warehouse(), offer.leadTimeDays())
                            .expected());
            // a SKU without demand history forecasts nothing: the policy's cycle stock stands in, as without forecasts
            long demand = forecastDemand > 0 ? forecastDemand : policy.demandWithoutForecast(e.getValue());
            long quantity = policy.quantity(e.getValue(), demand, offer.minimumOrderQuantity(), offer.packSize());
            ReplenishmentPolicy.Position p = e.getValue();
            store.insertProposal(new ReplenishmentStore.ReplenishmentProposal(
                    UUID.randomUUID(),
                    runId,
                    level.sku(),
                    level.warehouse(),
                    offer.supplierId(),
                    chosen.supplierName(),
                    quantity,
                    offer.unitPrice(),
                    p.onHand(),
                    p.reserved(),
                    p.backordered(),
                    p.incoming(),
                    p.drafted(),
                    p.reorderPoint(),
                    demand,
                    "OPEN",
                    null));
            proposed++;
        }
        return proposed;
    }

    /** The positions of active products at or below their reorder point, by projected stock. */
    private Map<StockLevel, ReplenishmentPolicy.Position> shortOfStock(
            List<StockLevel> candidates, Map<String, Long> onTheWay, Map<String, Long> drafted) {
        Map<StockLevel, ReplenishmentPolicy.Position> shortOfStock = new LinkedHashMap<>();
        Map<String, ProductSnapshot> products =
                catalog.find(candidates.stream().map(StockLevel::sku).collect(Collectors.toSet()));
        for (StockLevel level : candidates) {
            ProductSnapshot product = products.get(level.sku());
            if (product == null || !product.active()) {
                continue; // no longer sold: nothing to buy
            }
            String key = level.sku() + "@" + level.warehouse();
            ReplenishmentPolicy.Position position = new ReplenishmentPolicy.Position(
                    level.onHand(),
                    level.reserved(),
                    level.backordered(),
                    onTheWay.getOrDefault(key, 0L),
                    drafted.getOrDefault(key, 0L),
                    level.reorderPoint(),
                    level.safetyStock());
            if (policy.needsBuying(position)) {
                shortOfStock.put(level, position);
            }
        }
        return shortOfStock;
    }

    /** The open proposals of the latest run; none before the first run. */
    List<ReplenishmentStore.ReplenishmentProposal> openProposals() {
        return store.latestRun().map(run -> store.proposals(run.id(), "OPEN")).orElse(List.of());
    }

    /** DRAFT purchase orders from open proposals, one per supplier and warehouse; the proposals become ORDERED. */
    @Transactional
    List<PurchaseOrder> order(OrderProposals request) {
        List<UUID> ids = request == null || request.proposalIds() == null ? null : ids(request.proposalIds());
        Map<String, List<ReplenishmentStore.ReplenishmentProposal>> groups = new LinkedHashMap<>();
        for (ReplenishmentStore.ReplenishmentProposal p : store.lockOpen(ids)) {
            groups.computeIfAbsent(p.supplierId() + "@" + p.warehouse(), k -> new ArrayList<>())
                    .add(p);
        }
        List<PurchaseOrder> created = new ArrayList<>();
        for (List<ReplenishmentStore.ReplenishmentProposal> group : groups.values()) {
            ReplenishmentStore.ReplenishmentProposal first = group.get(0);
            PurchaseOrder po = purchaseOrders.create(new PurchaseOrderService.CreatePurchaseOrder(
                    first.supplierId().toString(),
                    first.warehouse(),
                    group.stream()
                            .map(p -> new PurchaseOrderService.PurchaseLineInput(
                                    p.sku(), p.quantity(), MoneyInput.of(p.unitPrice())))
                            .toList()));
            group.forEach(p -> store.ordered(p.id(), po.id));
            created.add(po);
        }
        return created;
    }

    private static List<UUID> ids(List<String> texts) {
        List<FieldViolation> problems = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            UUID id = PurchaseOrderStore.uuid(texts.get(i));
            if (id == null) {
                problems.add(new FieldViolation("proposalIds[" + i + "]", "must be a proposal's id (a UUID)"));
            } else {
                ids.add(id);
            }
        }
        if (texts.size() > 10_000) {
            problems.add(new FieldViolation("proposalIds", "must list at most 10000 ids"));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return ids;
    }

    private static String node() {
        return System.getenv().getOrDefault("HOSTNAME", "node") + "/"
                + ProcessHandle.current().pid();
    }
}
