package org.ordo.invoicing;

import java.util.List;
import java.util.UUID;
import org.ordo.shared.Money;

/**
 * A customer's account with the company, for other modules (returns, the web pages): what it owes and what money it has on
 * account, and paying that money back. A return resolved as REFUND first has its invoice credited (a credit note frees the
 * invoice amount; if the invoice was paid, the freed amount goes back to the customer's account), then refunds it from there.
 */
public interface CustomerAccounts {

    /**
     * Per currency: {@code balance} = Σ issued invoices − Σ credit notes − Σ payments allocated (invariant 10), and
     * {@code onAccount} = money received and neither allocated nor refunded.
     */
    List<Balance> balances(UUID customerId);

    record Balance(String currency, Money invoiced, Money credited, Money paid, Money balance, Money onAccount) {}

    /**
     * Pays back up to {@code amount} of what the customer has on account in that currency, from its oldest payments first,
     * in the caller's transaction (or a new one). Returns what was refunded, which is less when less is on account.
     */
    Money refundOnAccount(UUID customerId, Money amount, String reason);

    /**
     * Records money received from the customer and pays its oldest open invoices with it (by due date, then number);
     * what is left stays on account. The same rules as {@code POST /api/payments}. Returns what was left on account.
     */
    Money receivePayment(UUID customerId, Money amount, String method, String reference);
}
