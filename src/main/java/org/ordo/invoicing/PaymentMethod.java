package org.ordo.invoicing;

/** How a customer paid. */
public enum PaymentMethod {
    BANK_TRANSFER,
    DIRECT_DEBIT,
    CARD,
    CASH,
    CHEQUE,
    OTHER
}
