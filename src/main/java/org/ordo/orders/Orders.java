package org.ordo.orders;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Money;

/** Read access to orders for other modules (fulfilment, invoicing, returns, reporting, the pages). */
public interface Orders {

    /** The channel of a free replacement for returned goods ({@link ReplacementOrders}); no request may choose it. */
    String REPLACEMENT = "REPLACEMENT";

    /** The channels an order may come in through. */
    List<String> CHANNELS = List.of("API", "WEB", "PHONE", "EMAIL", "PORTAL", "EDI", "CSV", REPLACEMENT);

    /** The channels a list of orders offers as filters: those orders come in through today (CSV: order files imported). */
    List<String> CHANNELS_IN_USE = CHANNELS;

    /** The states an order can be in, what a list offers as filters: orders start PLACED, none is ever a DRAFT. */
    List<OrderStatus> STATUSES_IN_USE = OrderStatus.PLACED.transitions().reachableFrom(OrderStatus.PLACED);

    /** The order with its lines and active reservations, by id or number. */
    Optional<OrderSnapshot> find(String idOrNumber);

    default Optional<OrderSnapshot> find(UUID id) {
        return find(id.toString());
    }

    /** The same search as {@code GET /api/orders}, newest first. The caller restricts a customer's user to its customer. */
    PageResult<Summary> search(Search search, Paging paging);

    /** The order's timeline, oldest first: every transition and change, with who and why. */
    List<HistoryEntry> history(UUID orderId);

    /** These orders as in a list, those that exist, in no particular order. For many orders at once: one query per thousand. */
    List<Summary> summaries(Collection<UUID> orderIds);

    /**
     * The quantities of every line of these orders, in no particular order, for the modules that check their own figures
     * against the orders' (shipped, returned, invoiced). For many orders at once: one query per thousand.
     */
    List<LineQuantities> lineQuantities(Collection<UUID> orderIds);

    /**
     * Filters of a search; null or empty means any. {@code placedTo} is exclusive; {@code text} matches the number or
     * external reference exactly, or part of the customer's name or e-mail.
     */
    record Search(
            Set<OrderStatus> statuses,
            UUID customerId,
            String channel,
            Instant placedFrom,
            Instant placedTo,
            String text) {}

    /** An order in a list. */
    record Summary(
            UUID id,
            String number,
            UUID customerId,
            String channel,
            String externalReference,
            OrderStatus status,
            Money total,
            Instant placedAt) {}

    /** One order line's quantities: ordered, cancelled, shipped and returned. */
    record LineQuantities(
            UUID orderId,
            String orderNumber,
            int lineNumber,
            long quantity,
            long cancelled,
            long shipped,
            long returned) {}

    /** One entry of the timeline; {@code from} and {@code to} are null for a change without a transition. */
    record HistoryEntry(
            Instant at, String actor, String kind, OrderStatus from, OrderStatus to, String reason, String details) {}
}
