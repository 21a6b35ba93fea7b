/**
 * Warehouses, the append-only stock ledger, stock levels per SKU × warehouse, and reservations. Owns the rule
 * that stock is never oversold (invariants 1–3): every reservation is a conditional update of one stock level,
 * taken in a fixed lock order (warehouse, then SKU) so that concurrent orders can never deadlock.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "identity", "platform", "shared"})
package org.ordo.inventory;
