package org.ordo.purchasing.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.shared.OrdoException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/replenishment}: buyers run replenishment, review its proposals and turn them into DRAFT purchase orders. */
@RestController
@Tag(name = "Replenishment")
class ReplenishmentController {

    private final ReplenishmentService replenishment;
    private final ReplenishmentStore store;
    private final PurchaseOrderStore purchaseOrders;

    ReplenishmentController(
            ReplenishmentService replenishment, ReplenishmentStore store, PurchaseOrderStore purchaseOrders) {
        this.replenishment = replenishment;
        this.store = store;
        this.purchaseOrders = purchaseOrders;
    }

    @PostMapping("/api/replenishment/runs")
    @PreAuthorize(SupplierController.BUYERS)
    @Operation(
            summary = "Run replenishment now",
            description = "Answers with the finished run: positions checked and proposals made. 409 while another "
                    + "run (the daily one) is under way.")
    ResponseEntity<ReplenishmentStore.ReplenishmentRun> run() {
        ReplenishmentStore.ReplenishmentRun run = replenishment.run("MANUAL");
        if (run == null) {
            throw OrdoException.conflict("replenishment-running", "Replenishment is running already; try again later.");
        }
        return ResponseEntity.created(URI.create("/api/replenishment/runs/" + run.id()))
                .body(run);
    }

    @GetMapping("/api/replenishment/runs/{id}")
    @PreAuthorize(SupplierController.BUYERS)
    ReplenishmentStore.ReplenishmentRun get(@PathVariable UUID id) {
        return store.run(id).orElseThrow(() -> OrdoException.notFound("Replenishment run", id));
    }

    @GetMapping("/api/replenishment/proposals")
    @PreAuthorize(SupplierController.BUYERS)
    @Operation(
            summary = "Open proposals of the latest run",
            description = "Per SKU and warehouse: supplier, quantity, unit price and the figures it was decided by "
                    + "(onHand, reserved, backordered, incoming, drafted, reorderPoint, expectedDemand).")
    List<ReplenishmentStore.ReplenishmentProposal> proposals() {
        return replenishment.openProposals();
    }

    @PostMapping("/api/replenishment/proposals/purchase-orders")
    @PreAuthorize(SupplierController.BUYERS)
    @Operation(
            summary = "Turn proposals into DRAFT purchase orders",
            description = "{proposalIds?}: these open proposals, or all open ones; one purchase order per supplier and "
                    + "warehouse. Ordered proposals are not ordered again.")
    Map<String, Object> order(@RequestBody(required = false) ReplenishmentService.OrderProposals request) {
        List<PurchaseOrderViews.PurchaseOrderView> created = replenishment.order(request).stream()
                .map(po -> PurchaseOrderViews.view(po, List.of(), purchaseOrders.history(po.id)))
                .toList();
        return Map.of("purchaseOrders", created);
    }
}
