/**
 * Demo data for a first look ({@code ordo.demo-data=true}, set by the profile {@code demo}): three warehouses, a
 * catalog with stock, two suppliers with offers and reorder points, customers, users, and about 200 orders spread over
 * the past 90 days in every state, each step recorded on its own day, with invoices paid, partly paid, open and
 * overdue. Everything is created through the other modules' APIs, by the user {@code demo}, with the rules real users
 * meet. Loads only into an empty catalog, once, even when several nodes start together.
 * Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "catalog",
            "customers",
            "fulfillment",
            "identity",
            "inventory",
            "invoicing",
            "orders",
            "purchasing",
            "shared"
        })
package org.ordo.demo;
