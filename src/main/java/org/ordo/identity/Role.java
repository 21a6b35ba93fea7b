package org.ordo.identity;

/** What a user may do. A user has one or more roles; CUSTOMER users are linked to one customer. */
public enum Role {
    /** Everything, including users, tokens, the audit trail and the consistency check. */
    ADMIN,
    /** Takes and changes orders, may override prices, manages customers. */
    SALES,
    /** Stock, receiving, picking, packing and shipping. */
    WAREHOUSE,
    /** Invoices, payments, credit notes, dunning, credit holds. */
    ACCOUNTING,
    /** Customer service: reads everything about a customer, handles returns, reads the audit trail. */
    SUPPORT,
    /** Buys stock: suppliers, their prices, purchase orders, replenishment proposals and forecasts. */
    PURCHASING,
    /** A customer's own user: sees only that customer's orders, invoices and returns. */
    CUSTOMER;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
