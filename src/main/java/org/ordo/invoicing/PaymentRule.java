package org.ordo.invoicing;

import org.ordo.shared.FieldRule;

/**
 * The rules of the payment rule book that only payments have, by stable code; the generic ones (required, too long,
 * greater than 0) are {@link org.ordo.shared.CommonRule}s. The arguments of each message are listed with it.
 */
public enum PaymentRule implements FieldRule {
    /** {0}: the payment methods. */
    METHOD_REQUIRED("payment-method-required", "is required (one of {0})"),
    RECEIVED_IN_FUTURE("received-in-future", "must not be in the future"),
    /** {0}: the decimals the currency has, {1}: the currency. */
    DECIMALS_OF_CURRENCY("decimals-of-currency", "must have at most {0} decimals in {1}"),
    UNKNOWN_CUSTOMER("unknown-customer", "no such customer"),
    NO_ALLOCATION("no-allocation", "must contain at least one allocation (leave it out to pay the oldest invoices)"),
    INVOICE_TWICE("invoice-allocated-twice", "appears more than once"),
    /** {0}: the payment's currency. */
    NOT_PAYMENT_CURRENCY("not-payment-currency", "must be the payment's currency {0}"),
    UNKNOWN_INVOICE("unknown-invoice", "no such invoice"),
    /** {0}: the credit note's number. */
    CREDIT_NOTE("not-an-invoice", "{0} is a credit note"),
    /** {0}: the invoice's number. */
    INVOICE_OF_ANOTHER_CUSTOMER("invoice-of-another-customer", "{0} belongs to another customer"),
    /** {0}: the invoice's number. */
    INVOICE_VOID("invoice-void", "{0} is VOID"),
    INVOICE_NOT_ISSUED("invoice-not-issued", "the invoice is a DRAFT"),
    /** {0}: the invoice's number, {1}: its currency. */
    INVOICE_IN_OTHER_CURRENCY("invoice-in-other-currency", "{0} is in {1}"),
    /** {0}: the money open on the invoice, {1}: the invoice's number. */
    EXCEEDS_INVOICE("allocation-exceeds-invoice", "exceeds the {0} open on {1}"),
    /** {0}: the sum of the allocations, {1}: the currency, {2}: the money available. */
    EXCEEDS_PAYMENT("allocation-exceeds-payment", "allocates {0} {1} but only {2} {1} is available"),
    NOTHING_ON_ACCOUNT("nothing-on-account", "the payment has nothing on account"),
    REFUND_REASON_REQUIRED("refund-reason-required", "must not be blank"),
    /** {0}: the money on account. */
    REFUND_EXCEEDS_ACCOUNT("refund-exceeds-account", "exceeds the {0} on account"),
    /** {0}: the money left to credit, {1}: the invoice's number. */
    CREDIT_EXCEEDS_INVOICE("credit-exceeds-invoice", "exceeds the {0} left to credit on {1}"),
    /** {0}: the invoice's number. */
    NOTHING_PAID_TO_REFUND("nothing-paid-to-refund", "{0} is not paid: there is nothing to refund, credit it instead");

    private final String code;
    private final String message;

    PaymentRule(String code, String message) {
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
