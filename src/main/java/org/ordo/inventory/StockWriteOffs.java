package org.ordo.inventory;

import java.time.Instant;
import java.util.List;
import org.ordo.shared.Money;

/**
 * Units lost after they shipped (a parcel lost or destroyed on its way), for the delivery desk: a write-off record with
 * a reason and the units' value at the product's unit cost, kept beside the stock ledger. On hand fell when the units
 * shipped and stays as it is: a write-off moves no stock (invariants 1–3 hold unchanged) and, per shipment, never
 * counts more units than its SHIPMENT movements took (invariant 20). Runs in the caller's transaction.
 */
public interface StockWriteOffs {

    /**
     * Writes off {@code quantity} units of {@code sku} that left {@code warehouse} under {@code reference} (the shipment
     * number). More than that reference shipped of the SKU there, less what is already written off, is a 409
     * {@code write-off-exceeds-shipped} and records nothing. Audited as STOCK {@code WRITTEN_OFF}.
     */
    WriteOff writeOffShipped(String sku, String warehouse, long quantity, String reason, String reference);

    /** The write-offs recorded under a reference, oldest first. */
    List<WriteOff> ofReference(String reference);

    /** {@code unitCost} and {@code value} are null when the product has no unit cost. */
    record WriteOff(
            long id,
            String sku,
            String warehouse,
            long quantity,
            Money unitCost,
            Money value,
            String reason,
            String reference,
            String actor,
            Instant at) {}
}
