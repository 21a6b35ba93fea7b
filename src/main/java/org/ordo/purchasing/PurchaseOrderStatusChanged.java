package org.ordo.purchasing;

import java.util.UUID;

/** A purchase order moved from one state to another ({@code from} null when it was created); in the same transaction. */
public record PurchaseOrderStatusChanged(
        UUID purchaseOrderId, String number, UUID supplierId, PurchaseOrderStatus from, PurchaseOrderStatus to) {}
