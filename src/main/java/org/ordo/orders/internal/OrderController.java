package org.ordo.orders.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ordo.identity.Actor;
import org.ordo.inventory.Inventory;
import org.ordo.orders.OrderStatus;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.ETags;
import org.ordo.platform.Idempotency;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Orders")
class OrderController {

    private static final String READERS = "hasAnyRole('ADMIN','SALES','WAREHOUSE','ACCOUNTING','SUPPORT','CUSTOMER')";
    private static final String TAKERS = "hasAnyRole('ADMIN','SALES','CUSTOMER')";
    private static final String CHANGERS = "hasAnyRole('ADMIN','SALES','SUPPORT')";
    private static final String HOLDERS = "hasAnyRole('ADMIN','SALES','ACCOUNTING')";

    private final OrderPlacementService placement;
    private final OrderService operations;
    private final OrderStore store;
    private final Inventory inventory;
    private final Idempotency idempotency;
    private final CompanyCalendar calendar;

    OrderController(
            OrderPlacementService placement,
            OrderService operations,
            OrderStore store,
            Inventory inventory,
            Idempotency idempotency,
            CompanyCalendar calendar) {
        this.calendar = calendar;
        this.placement = placement;
        this.operations = operations;
        this.store = store;
        this.inventory = inventory;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/orders")
    @PreAuthorize(TAKERS)
    @Operation(
            summary = "Place an order",
            description = "Validates, checks credit (ON_HOLD when over the limit), reserves stock across "
                    + "warehouses and backorders the rest. Honours Idempotency-Key.")
    ResponseEntity<?> place(
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody OrderRequests.PlaceOrder request) {
        return idempotency.execute("orders", idempotencyKey, request, () -> {
            OrderViews.OrderView view = placement.place(request);
            return ResponseEntity.created(URI.create("/api/orders/" + view.id()))
                    .eTag(ETags.of(view.version()))
                    .body(view);
        });
    }

    @PostMapping("/api/orders/quote")
    @PreAuthorize(TAKERS)
    @Operation(
            summary = "Price an order without placing it",
            description = "The lines with list price, net unit price and each discount with the rule that gave it, "
                    + "totals, promised dates and the credit check; writes and holds nothing.")
    org.ordo.orders.OrderQuote quote(@RequestBody OrderRequests.PlaceOrder request) {
        if (request == null) {
            throw org.ordo.shared.OrdoException.invalid("body", "is required");
        }
        List<org.ordo.orders.OrderEntry.NewLine> lines = request.lines() == null
                ? List.of()
                : request.lines().stream()
                        .map(l -> l == null
                                ? null
                                : new org.ordo.orders.OrderEntry.NewLine(
                                        l.sku(), l.quantity() == null ? 0 : l.quantity(), l.discount()))
                        .toList();
        return placement.quote(new org.ordo.orders.OrderEntry.NewOrder(
                request.customerId(),
                request.channel(),
                request.externalReference(),
                request.shippingMethod(),
                request.notes(),
                lines,
                request.shippingAddress(),
                request.requestedDeliveryDate()));
    }

    @GetMapping("/api/orders")
    @PreAuthorize(READERS)
    PageResult<OrderStore.Summary> search(
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String placedFrom,
            @RequestParam(required = false) String placedTo,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        if (status != null) {
            for (String s : status) {
                try {
                    statuses.add(OrderStatus.valueOf(s));
                } catch (IllegalArgumentException e) {
                    throw OrdoException.invalid(List.of(CommonRule.ONE_OF.at("status", List.of(OrderStatus.values()))));
                }
            }
        }
        Actor actor = Actor.current();
        UUID customer = actor.isCustomer() ? actor.customerId() : customerId;
        return store.search(
                new OrderStore.SearchFilter(
                        statuses,
                        customer,
                        channel,
                        instant("placedFrom", placedFrom, false),
                        instant("placedTo", placedTo, true),
                        q),
                Paging.of(page, size));
    }

    @GetMapping("/api/orders/{id}")
    @PreAuthorize(READERS)
    ResponseEntity<OrderViews.OrderView> get(@PathVariable String id) {
        Order order = visible(id);
        OrderViews.OrderView view = OrderViews.view(order, OrderViews.byLine(inventory.activeReservations(order.id())));
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(view);
    }

    @GetMapping("/api/orders/{id}/history")
    @PreAuthorize(READERS)
    List<OrderViews.HistoryView> history(@PathVariable String id) {
        Order order = visible(id);
        return store.history(order.id()).stream().map(OrderViews::history).toList();
    }

    @PatchMapping("/api/orders/{id}")
    @PreAuthorize(CHANGERS)
    ResponseEntity<OrderViews.OrderView> change(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody OrderRequests.ChangeOrder request) {
        return withETag(operations.change(id, ifMatch, request));
    }

    @PostMapping("/api/orders/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN','SALES','SUPPORT','CUSTOMER')")
    ResponseEntity<OrderViews.OrderView> cancel(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody OrderRequests.Cancel request) {
        return withETag(operations.cancel(id, ifMatch, request));
    }

    @PostMapping("/api/orders/{id}/hold")
    @PreAuthorize(HOLDERS)
    ResponseEntity<OrderViews.OrderView> hold(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody OrderRequests.Reason request) {
        return withETag(operations.hold(id, ifMatch, request == null ? null : request.reason()));
    }

    @PostMapping("/api/orders/{id}/release")
    @PreAuthorize(HOLDERS)
    ResponseEntity<OrderViews.OrderView> release(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) OrderRequests.Reason request) {
        return withETag(operations.release(id, ifMatch, request == null ? null : request.reason()));
    }

    @PostMapping("/api/orders/{id}/confirm")
    @PreAuthorize(HOLDERS)
    ResponseEntity<OrderViews.OrderView> confirm(
            @PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return withETag(operations.confirm(id, ifMatch));
    }

    /** The order, if the caller may see it; a customer asking for another customer's order gets 404, not 403. */
    private Order visible(String id) {
        Order order = store.find(id).orElseThrow(() -> OrdoException.notFound("Order", id));
        Actor actor = Actor.current();
        if (actor.isCustomer() && !order.customerId().equals(actor.customerId())) {
            throw OrdoException.notFound("Order", id);
        }
        return order;
    }

    private static ResponseEntity<OrderViews.OrderView> withETag(OrderViews.OrderView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    /** Accepts an ISO instant or a company's day (a date as "to" includes that whole day). */
    private Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return endOfDay ? calendar.endOf(date) : calendar.startOf(date);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw OrdoException.invalid(
                    List.of(new FieldViolation(field, "must be a date (2026-11-21) or an ISO-8601 instant")));
        }
    }
}
