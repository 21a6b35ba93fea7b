package org.ordo.inventory;

import java.util.Set;

/**
 * What is on its way in for these SKUs changed: a purchase order was sent, confirmed, delayed, received, cancelled
 * or closed. Promises made to waiting backorders are recomputed after the change has committed.
 */
public record IncomingSupplyChanged(Set<String> skus) {}
