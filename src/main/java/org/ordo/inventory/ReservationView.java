package org.ordo.inventory;

import java.util.UUID;

/** An active reservation: stock set aside for one order line in one warehouse. */
public record ReservationView(UUID id, UUID orderId, int lineNumber, String sku, String warehouse, long quantity) {}
