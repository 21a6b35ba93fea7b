package org.ordo.service;

import org.ordo.shared.FieldRule;

/** The rules of the service desk's own fields, by stable code (the rest are {@link org.ordo.shared.CommonRule}s). */
public enum CaseRule implements FieldRule {
    UNKNOWN_CUSTOMER("case-unknown-customer", "unknown customer"),
    UNKNOWN_ORDER("case-unknown-order", "unknown order of this customer"),
    /** A shipment, invoice or return that is not one of the case's order. */
    NOT_OF_ORDER("case-not-of-order", "must be one of the order's"),
    NEEDS_ORDER("case-needs-order", "needs the orderId it belongs to"),
    UNKNOWN_ASSIGNEE("case-unknown-assignee", "unknown user"),
    /** A customer writes replies only; notes are for staff. */
    CUSTOMER_REPLY_ONLY("case-customer-reply-only", "must be CUSTOMER_REPLY for a customer"),
    STAFF_KIND_ONLY("case-staff-kind-only", "must be STAFF_REPLY or INTERNAL_NOTE");

    private final String code;
    private final String message;

    CaseRule(String code, String message) {
        this.code = code;
        this.message = message;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String message() {
        return message;
    }
}
