package org.ordo.orders.internal;

import java.util.Set;
import java.util.UUID;

/**
 * The backorder queue of these SKUs moved: backorders were filled (the lines of {@code filledOrders}), cancelled or
 * reduced, so the younger ones may be promised earlier.
 */
public record BackorderQueueChanged(Set<String> skus, Set<UUID> filledOrders) {}
