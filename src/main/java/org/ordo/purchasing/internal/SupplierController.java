package org.ordo.purchasing.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.ordo.platform.Csv;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.purchasing.PurchasingDesk;
import org.ordo.shared.OrdoException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/suppliers}: buyers manage suppliers and their offers; the warehouse may read them. */
@RestController
@Tag(name = "Suppliers")
class SupplierController {

    static final String BUYERS = "hasAnyRole('ADMIN','PURCHASING')";
    static final String BUYERS_AND_WAREHOUSE = "hasAnyRole('ADMIN','PURCHASING','WAREHOUSE')";

    private final SupplierService suppliers;
    private final SupplierStore store;
    private final SupplierScorecardQueries scorecards;

    SupplierController(SupplierService suppliers, SupplierStore store, SupplierScorecardQueries scorecards) {
        this.suppliers = suppliers;
        this.store = store;
        this.scorecards = scorecards;
    }

    @PostMapping("/api/suppliers")
    @PreAuthorize(BUYERS)
    @Operation(
            summary = "Create a supplier",
            description = "{name, contactName?, email?, currency, paymentTermsDays, address?, active?}; prices of its "
                    + "offers and purchase orders are in its currency.")
    ResponseEntity<SupplierStore.Supplier> create(@RequestBody(required = false) SupplierService.SupplierInput input) {
        SupplierStore.Supplier supplier = suppliers.create(input);
        return ResponseEntity.created(URI.create("/api/suppliers/" + supplier.id()))
                .body(supplier);
    }

    @GetMapping("/api/suppliers")
    @PreAuthorize(BUYERS_AND_WAREHOUSE)
    @Operation(summary = "List suppliers", description = "By name; active=true|false to filter.")
    PageResult<SupplierStore.Supplier> search(
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return store.search(active, Paging.of(page, size));
    }

    @GetMapping("/api/suppliers/{id}")
    @PreAuthorize(BUYERS_AND_WAREHOUSE)
    SupplierStore.Supplier get(@PathVariable UUID id) {
        return store.find(id).orElseThrow(() -> OrdoException.notFound("Supplier", id));
    }

    @PatchMapping("/api/suppliers/{id}")
    @PreAuthorize(BUYERS)
    @Operation(
            summary = "Change a supplier",
            description = "Fields left out stay as they are; active=false retires it.")
    SupplierStore.Supplier update(
            @PathVariable UUID id, @RequestBody(required = false) SupplierService.SupplierInput input) {
        return suppliers.update(id, input);
    }

    @GetMapping("/api/suppliers/{id}/items")
    @PreAuthorize(BUYERS_AND_WAREHOUSE)
    @Operation(summary = "The supplier's offers", description = "By SKU.")
    List<SupplierStore.Offer> items(@PathVariable UUID id) {
        store.find(id).orElseThrow(() -> OrdoException.notFound("Supplier", id));
        return store.offers(id);
    }

    @PutMapping("/api/suppliers/{id}/items/{sku}")
    @PreAuthorize(BUYERS)
    @Operation(
            summary = "Set the supplier's offer of a SKU",
            description = "{supplierItemCode?, unitPrice (in the supplier's currency), minimumOrderQuantity? (1), "
                    + "packSize? (1), leadTimeDays (≥ 0)}. The SKU must be an active product (else 422 naming sku).")
    SupplierStore.Offer putItem(
            @PathVariable UUID id,
            @PathVariable String sku,
            @RequestBody(required = false) SupplierService.OfferInput input) {
        return suppliers.putOffer(id, sku, input);
    }

    @GetMapping(path = "/api/suppliers/{id}/scorecard", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(BUYERS)
    @Operation(
            summary = "How the supplier performed",
            description = "?from=&to= (whole UTC days, to included; default the last 90 days): on-time deliveries "
                    + "against confirmed dates, fill rate of finished purchase orders, lead time sent → receipt (mean "
                    + "and standard deviation in days), price changes. JSON, or CSV with Accept: text/csv.")
    @Transactional(readOnly = true)
    SupplierScorecardQueries.Scorecard scorecard(
            @PathVariable UUID id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return scorecards.scorecard(id, from, to);
    }

    @GetMapping(path = "/api/suppliers/{id}/scorecard", produces = "text/csv")
    @PreAuthorize(BUYERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> scorecardCsv(
            @PathVariable UUID id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        PurchasingDesk.ScorecardCsv csv = SupplierScorecardQueries.csv(scorecards.scorecard(id, from, to));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(csv.filename())
                                .build()
                                .toString())
                .body(Csv.of(csv.header(), csv.rows()));
    }
}
