package org.ordo.orders;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The customer's open receivables for the credit check (invariant 11): issued invoices − credit notes −
 * allocated payments. Implemented by invoicing; without it, the balance is zero.
 */
public interface ReceivablesBalance {

    BigDecimal openBalance(UUID customerId);
}
