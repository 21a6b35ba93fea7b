/**
 * Quotations: offers to a customer priced by {@link org.ordo.pricing.Pricing} exactly as an order would be, fixed when
 * sent, revised with their history kept, and accepted (by staff or the customer) into an order at the quoted prices
 * through {@link org.ordo.orders.OrderEntry}, or declined, or expired after their validity date. The state table is
 * {@link org.ordo.quotations.QuotationStatus}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "customers", "identity", "orders", "platform", "pricing", "shared"})
package org.ordo.quotations;
