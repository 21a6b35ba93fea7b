/**
 * Customers: who buys, how to reach them (e-mail, phone, billing and shipping addresses), in which currency they
 * trade, their credit limit and payment terms, and the warehouse that usually serves them. Other modules read
 * customers through {@link org.ordo.customers.Customers}; order placement locks a customer with
 * {@link org.ordo.customers.Customers#lockForCreditCheck} so that credit checks of one customer run one at a time.
 * Changes go through {@code /api/customers} and are audited.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "platform", "shared"})
package org.ordo.customers;
