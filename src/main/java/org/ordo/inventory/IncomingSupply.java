package org.ordo.inventory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;

/**
 * Stock on its way in: the open lines of purchase orders. Implemented by the module that buys stock (purchasing),
 * so that inventory and orders can plan with it without depending on that module.
 */
public interface IncomingSupply {

    /**
     * Units of these SKUs still to arrive, per warehouse and expected date, earliest first. Only purchase orders
     * sent to a supplier count; a date the supplier has not confirmed is the order date plus the offer's lead time.
     */
    List<Arrival> arrivals(Collection<String> skus);

    /** The shortest lead time, in days, of the active suppliers that offer this SKU; empty if nobody offers it. */
    OptionalInt bestLeadTimeDays(String sku);

    /**
     * {@code quantity} units of {@code sku} expected at {@code warehouse} on {@code date}; {@code confirmed} when the
     * supplier confirmed that date. {@code reference} names the purchase order line (e.g. {@code PO-000012/1}).
     */
    record Arrival(String sku, String warehouse, LocalDate date, long quantity, boolean confirmed, String reference) {}
}
