/**
 * Sales orders: placement with validation, credit check and stock sourcing across warehouses; holds, changes,
 * cancellations; backorders filled oldest first; the order's timeline. The state table is {@link OrderStatus}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "customers", "identity", "inventory", "platform", "pricing", "shared"})
package org.ordo.orders;
