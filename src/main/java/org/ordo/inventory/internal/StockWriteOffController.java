package org.ordo.inventory.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.ordo.inventory.StockWriteOffs;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/inventory/write-offs}: the units written off as lost on their way, beside the stock ledger. */
@RestController
class StockWriteOffController {

    private static final String STOCK_READERS =
            "hasAnyRole('ADMIN','SALES','WAREHOUSE','ACCOUNTING','SUPPORT','PURCHASING')";

    private final StockWriteOffs writeOffs;

    StockWriteOffController(StockWriteOffs writeOffs) {
        this.writeOffs = writeOffs;
    }

    record WrittenOff(String reference, List<StockWriteOffs.WriteOff> writeOffs) {}

    @GetMapping("/api/inventory/write-offs")
    @PreAuthorize(STOCK_READERS)
    @Operation(
            summary = "Units written off under a shipment",
            description = "The write-offs recorded under a reference (a shipment number), oldest first: SKU, "
                    + "warehouse, quantity, unit cost and value (null without a unit cost), reason, actor and time.")
    WrittenOff writeOffs(@RequestParam String reference) {
        return new WrittenOff(reference, writeOffs.ofReference(reference));
    }
}
