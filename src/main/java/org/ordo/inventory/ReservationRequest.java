package org.ordo.inventory;

import java.util.UUID;

/** Reserve {@code quantity} of {@code sku} in {@code warehouse} for one order line. */
public record ReservationRequest(UUID orderId, int lineNumber, String sku, String warehouse, long quantity) {}
