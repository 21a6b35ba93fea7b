/**
 * Privacy: what is held about a customer and its portal users, exported in one document, and the erasure of a person
 * (docs/domain.md, "Personal data"). It owns no table: it asks each module that holds personal data through that module's
 * API (customers, identity, orders, fulfillment, invoicing, returns) and orchestrates the erasure in one transaction.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "customers",
            "fulfillment",
            "identity",
            "invoicing",
            "orders",
            "platform",
            "returns",
            "shared"
        })
package org.ordo.privacy;
