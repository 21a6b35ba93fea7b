package org.ordo.invoicing;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import org.ordo.shared.StateTable;
import org.ordo.shared.Transitions;

/**
 * The states of a payment and the one table of allowed transitions between them (docs/domain.md). The state follows the money:
 * {@link #of} derives it from the amounts, and every change is checked against the table.
 */
public enum PaymentStatus implements StateTable<PaymentStatus> {
    /** Received; some of the money is not yet allocated and stays on the customer's account. */
    RECEIVED,
    /** All of the money is allocated to invoices. */
    ALLOCATED,
    /** Nothing is left on account and at least part of the money was paid back to the customer. */
    REFUNDED;

    private static final Transitions<PaymentStatus> TRANSITIONS = Transitions.of(
            "Payment",
            PaymentStatus.class,
            Map.ofEntries(
                    entry(RECEIVED, List.of(ALLOCATED, REFUNDED)),
                    // a credit note on a paid invoice gives money back to the account: the payment has something on
                    // account again
                    entry(ALLOCATED, List.of(RECEIVED)),
                    entry(REFUNDED, List.of(RECEIVED))));

    /** The state these amounts mean: money on account → RECEIVED; else refunded anything → REFUNDED; else ALLOCATED. */
    public static PaymentStatus of(
            java.math.BigDecimal amount, java.math.BigDecimal allocated, java.math.BigDecimal refunded) {
        if (amount.subtract(allocated).subtract(refunded).signum() > 0) {
            return RECEIVED;
        }
        return refunded.signum() > 0 ? REFUNDED : ALLOCATED;
    }

    @Override
    public Transitions<PaymentStatus> transitions() {
        return TRANSITIONS;
    }
}
