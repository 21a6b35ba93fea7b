/**
 * Purchasing, the supply side: suppliers and their offers (price, pack size, minimum order quantity, lead time),
 * purchase orders sent to them, receipts against those orders (RECEIPT movements in the stock ledger, so waiting
 * backorders are filled as after any receipt), and replenishment runs that propose what to buy when projected stock
 * falls to a reorder point. It implements {@link org.ordo.inventory.IncomingSupply}, so inventory and orders can plan
 * with what is on its way in without depending on this module. The state table is
 * {@link org.ordo.purchasing.PurchaseOrderStatus}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "forecasting", "identity", "inventory", "platform", "shared"})
package org.ordo.purchasing;
