package org.ordo.returns;

/** How a return is made good, chosen when it is requested. */
public enum Resolution {
    /** Credit notes against the invoices that billed the goods, and the money paid back. */
    REFUND(ReturnStatus.REFUNDED),
    /** A free replacement order for the same SKUs and quantities. */
    REPLACE(ReturnStatus.REPLACED),
    /** Credit notes that stay on the customer's account. */
    CREDIT(ReturnStatus.CREDITED);

    private final ReturnStatus outcome;

    Resolution(ReturnStatus outcome) {
        this.outcome = outcome;
    }

    /** The state a return reaches when this resolution has been carried out. */
    public ReturnStatus outcome() {
        return outcome;
    }
}
