/**
 * Returns (RMA): a customer or customer service asks to return shipped units of an order, with a reason per line and the
 * wished resolution; staff approve or reject; the warehouse receives the goods, restocking them (a RETURN movement in the
 * stock ledger, which lets backorders be filled) or scrapping them, and the order lines count them as returned; after
 * inspection the RMA is resolved by a refund (credit notes against the invoices that billed the goods, and a refund that
 * is due until it is recorded as paid), a credit on the customer's account (credit notes), or a free replacement order.
 * The state table is {@link org.ordo.returns.ReturnStatus}. Its events ({@link org.ordo.returns.ReturnStatusChanged},
 * {@link org.ordo.returns.ReturnRefundDue}) are API like its interfaces: part of the public event catalogue (docs/domain.md).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "inventory", "invoicing", "orders", "platform", "shared"})
package org.ordo.returns;
