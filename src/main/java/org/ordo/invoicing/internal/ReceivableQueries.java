package org.ordo.invoicing.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.orders.OrderSettlement;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.orders.ReceivablesBalance;
import org.springframework.stereotype.Component;

/**
 * What customers owe, for the order module: the open balance its credit check adds to open orders (invariants 10 and 11),
 * and whether an order is settled (fully invoiced and nothing left due), the last condition of COMPLETED. Payments arrive
 * as allocations that raise {@code amount_paid}; both answers already count them.
 */
@Component
class ReceivableQueries implements ReceivablesBalance, OrderSettlement {

    private final InvoiceStore store;
    private final Orders orders;

    ReceivableQueries(InvoiceStore store, Orders orders) {
        this.store = store;
        this.orders = orders;
    }

    /** Issued invoices − credit notes − payments allocated, in the customer's currency. */
    @Override
    public BigDecimal openBalance(UUID customerId) {
        return store.openBalance(customerId);
    }

    /** Every shipped, unreturned unit is invoiced, and nothing is due on the order's invoices any more. */
    @Override
    public boolean isSettled(UUID orderId) {
        List<Invoice> documents = store.issuedForOrder(orderId);
        if (documents.isEmpty()) {
            return false;
        }
        OrderSnapshot order = orders.find(orderId).orElse(null);
        if (order == null) {
            return false;
        }
        Map<Integer, Long> invoiced = store.invoicedQuantities(orderId);
        for (OrderSnapshot.Line line : order.lines()) {
            if (invoiced.getOrDefault(line.lineNumber(), 0L) < line.shipped() - line.returned()) {
                return false;
            }
        }
        return documents.stream()
                .filter(d -> !d.isCreditNote())
                .allMatch(d -> d.amountDue().amount().signum() <= 0);
    }
}
