package org.ordo.service;

/** One entry of a case's conversation: only the replies are seen by the customer. */
public enum CaseMessageKind {
    /** Written by staff to the customer, and e-mailed. */
    STAFF_REPLY,
    /** Written by the customer in the portal. */
    CUSTOMER_REPLY,
    /** Written by staff for staff; the customer never sees it. */
    INTERNAL_NOTE;

    public boolean seenByCustomer() {
        return this != INTERNAL_NOTE;
    }
}
