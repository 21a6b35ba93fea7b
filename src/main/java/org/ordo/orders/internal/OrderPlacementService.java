package org.ordo.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.catalog.TaxRates;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.identity.Role;
import org.ordo.inventory.Inventory;
import org.ordo.inventory.ReservationRequest;
import org.ordo.inventory.StockPosition;
import org.ordo.orders.OrderEntry;
import org.ordo.orders.OrderPlaced;
import org.ordo.orders.OrderQuote;
import org.ordo.orders.OrderRule;
import org.ordo.orders.OrderStatus;
import org.ordo.orders.ReceivablesBalance;
import org.ordo.platform.CompanyCalendar;
import org.ordo.pricing.Pricing;
import org.ordo.shared.Address;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places orders in one short transaction: the request checked, the customer read and locked (credit checks of one
 * customer serialise), prices and tax read, then the credit check, stock levels locked in the global order, and lines,
 * reservations and history each written in one statement, audit and event.
 */
@Component
class OrderPlacementService {

    /** What a request may name as its channel: any but the one of replacements, which only they get. */
    static final Set<String> REQUESTED_CHANNELS = org.ordo.orders.Orders.CHANNELS.stream()
            .filter(channel -> !channel.equals(org.ordo.orders.Orders.REPLACEMENT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final OrderStore store;
    private final Catalog catalog;
    private final Customers customers;
    private final Inventory inventory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ReceivablesBalance> receivables;
    private final OrderProperties properties;
    private final TaxRates taxRates;
    private final OrderPolicy policy;
    private final PromiseService promises;
    private final ShippingChargePolicy shippingCharges;
    private final CompanyCalendar calendar;
    private final Pricing pricing;

    OrderPlacementService(
            OrderStore store,
            Catalog catalog,
            Customers customers,
            Inventory inventory,
            AuditTrail audit,
            ApplicationEventPublisher events,
            ObjectProvider<ReceivablesBalance> receivables,
            OrderProperties properties,
            TaxRates taxRates,
            OrderPolicy policy,
            PromiseService promises,
            ShippingChargePolicy shippingCharges,
            CompanyCalendar calendar,
            Pricing pricing) {
        this.pricing = pricing;
        this.promises = promises;
        this.shippingCharges = shippingCharges;
        this.calendar = calendar;
        this.taxRates = taxRates;
        this.policy = policy;
        this.store = store;
        this.catalog = catalog;
        this.customers = customers;
        this.inventory = inventory;
        this.audit = audit;
        this.events = events;
        this.receivables = receivables;
        this.properties = properties;
    }

    /** A validated line, priced, ready to be sourced. */
    record PricedLine(
            String sku,
            String name,
            long quantity,
            Money unitPrice,
            boolean overridden,
            String taxCategory,
            BigDecimal taxRate,
            String vatCategory,
            Pricing.PricedLine rules) {

        /** How the line's price came about, for the order line; null when the price was given (overridden). */
        OrderLine.LinePricing linePricing() {
            return rules == null
                    ? null
                    : new OrderLine.LinePricing(rules.listPrice(), rules.priceRule(), rules.discounts());
        }

        List<Pricing.Discount> discounts() {
            return rules == null ? List.of() : rules.discounts();
        }
    }

    /** The new order and, when its manual discounts need a manager's approval, why. */
    private record PricedOrder(Order order, String discountProblem) {}

    @Transactional
    OrderViews.OrderView place(OrderRequests.PlaceOrder request) {
        return place(request, false);
    }

    /** What a placement request gives, checked by the rule book. */
    private record Checked(String channel, String shippingMethod, Currency currency) {}

    /**
     * {@code replacement}: a free replacement for returned goods (see {@link ReplacementOrderService}). Its zero prices are taken as
     * given whoever asks, and it skips the credit check: it adds nothing to what the customer owes.
     */
    @Transactional
    OrderViews.OrderView place(OrderRequests.PlaceOrder request, boolean replacement) {
        return place(request, replacement, replacement);
    }

    /**
     * {@code pricesAgreed}: the lines' unit prices were agreed with the customer beforehand (a quotation's), so they are
     * taken as given whoever places the order, the customer included; the credit check still runs.
     */
    @Transactional
    OrderViews.OrderView place(OrderRequests.PlaceOrder request, boolean replacement, boolean pricesAgreed) {
        Actor actor = Actor.current();
        Checked checked = check(request, actor, replacement);
        // the customer is read and locked at once (credit checks of one customer serialise); then stock levels in lock
        // order
        CustomerSnapshot customer = orderingCustomer(request.customerId(), actor, checked.currency());
        // microseconds: what both databases store, so what is returned equals what a later read returns
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        PricedOrder priced = pricedOrder(request, checked, customer, actor, pricesAgreed, now);
        Order order = priced.order();

        CreditCheck credit =
                replacement ? null : creditCheck(customer, order.total().amount());
        if (credit != null) {
            order.recordCreditCheck(credit.exposure(), credit.limit());
        }
        Sourced sourced = sourceAtPlacement(order, customer.preferredWarehouse());
        promises.promise(order, true);
        List<OrderStore.HistoryEntry> history =
                decide(order, credit == null ? null : credit.problem(), priced.discountProblem(), actor, now);
        store.insert(order);
        inventory.reserve(sourced.reservations());
        store.appendHistory(history);
        OrderViews.OrderView view = OrderViews.view(order, sourced.reservedByLine());
        audit.recordCreated("ORDER", List.of(new AuditTrail.Created(order.id().toString(), "PLACED", view)));
        events.publishEvent(new OrderPlaced(
                order.id(),
                order.number(),
                order.customerId(),
                order.channel(),
                order.status(),
                order.total().amount(),
                order.currency().getCurrencyCode()));
        org.ordo.orders.OrderBackordered backordered = order.backorderedSince(Map.of(), true);
        if (backordered != null) {
            events.publishEvent(backordered);
        }
        return view;
    }

    /**
     * The new order, priced for where it goes, before anything is locked; its insert numbers it. {@code pricesAsGiven}:
     * the lines' unit prices are taken whoever asks, and no manual discount holds the order.
     */
    private PricedOrder pricedOrder(
            OrderRequests.PlaceOrder request,
            Checked checked,
            CustomerSnapshot customer,
            Actor actor,
            boolean pricesAsGiven,
            Instant now) {
        Currency currency = Money.currency(customer.currency());
        Address shipTo = request.shippingAddress() != null ? request.shippingAddress() : defaultShipTo(customer);
        if (shipTo == null) {
            throw OrdoException.invalid(List.of(OrderRule.NO_SHIPPING_ADDRESS.at("shippingAddress")));
        }
        List<LineInput> inputs = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            OrderRequests.PlaceLine line = request.lines().get(i);
            inputs.add(
                    new LineInput("lines[" + i + "]", line.sku(), line.quantity(), line.unitPrice(), line.discount()));
        }
        List<PricedLine> priced = priceLines(
                inputs,
                new PricingFor(customer.id(), currency, calendar.dayOf(now), actor),
                taxRates.forSale(shipTo.country(), customer.vatId(), customer.taxExempt(), calendar.dayOf(now)),
                pricesAsGiven);
        Order order = Order.place(
                new Order.Identity(
                        UUID.randomUUID(),
                        null, // numbered by its insert
                        customer.id(),
                        checked.channel(),
                        blankToNull(request.externalReference()),
                        currency,
                        now,
                        actor.username()),
                new Order.Delivery(
                        shipTo,
                        request.requestedDeliveryDate(),
                        checked.shippingMethod(),
                        blankToNull(request.notes())),
                newLines(priced, 1, now));
        shippingCharges.price(order);
        return new PricedOrder(order, pricesAsGiven ? null : discountProblem(actor, priced));
    }

    /** Why the lines' manual discounts need a manager's approval, or null. */
    private String discountProblem(Actor actor, List<PricedLine> priced) {
        return pricing.discountBeyondLimit(
                actor,
                priced.stream()
                        .map(PricedLine::rules)
                        .filter(java.util.Objects::nonNull)
                        .toList());
    }

    /** The request's fields by the rule book; a malformed request is refused as a whole (400). */
    private Checked check(OrderRequests.PlaceOrder request, Actor actor, boolean replacement) {
        if (request == null) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("body")));
        }
        List<FieldViolation> invalid = new ArrayList<>();
        if (request.customerId() == null) {
            invalid.add(CommonRule.REQUIRED.at("customerId"));
        }
        String channel = replacement
                ? org.ordo.orders.Orders.REPLACEMENT
                : request.channel() == null ? (actor.isCustomer() ? "PORTAL" : "API") : request.channel();
        if (!replacement && !REQUESTED_CHANNELS.contains(channel)) {
            invalid.add(CommonRule.ONE_OF.at("channel", new java.util.TreeSet<>(REQUESTED_CHANNELS)));
        }
        String shippingMethod =
                request.shippingMethod() == null ? OrderPolicy.DEFAULT_SHIPPING_METHOD : request.shippingMethod();
        policy.checkHeader(
                new OrderPolicy.Header(
                        request.externalReference(),
                        request.notes(),
                        request.requestedDeliveryDate(),
                        request.shippingAddress(),
                        shippingMethod),
                invalid);
        Currency currency = null;
        if (request.currency() != null) {
            try {
                currency = Money.currency(request.currency());
            } catch (IllegalArgumentException e) {
                invalid.add(new FieldViolation("currency", e.getMessage()));
            }
        }
        List<OrderRequests.PlaceLine> lines = request.lines() == null ? List.of() : request.lines();
        policy.checkLineCount(lines.size(), invalid);
        for (int i = 0; i < lines.size() && lines.size() <= policy.maxLines(); i++) {
            OrderRequests.PlaceLine line = lines.get(i);
            policy.checkNewLine(
                    "lines[" + i + "]",
                    line == null ? null : line.sku(),
                    line == null ? null : line.quantity(),
                    line == null ? null : line.unitPrice(),
                    invalid);
            if (line != null) {
                policy.checkDiscount("lines[" + i + "].discount", line.discount(), line.unitPrice(), invalid);
            }
        }
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        return new Checked(channel, shippingMethod, currency);
    }

    /**
     * The customer the order is for, locked for the credit check: one's own if a customer places it, active, and in the
     * currency asked for.
     */
    private CustomerSnapshot orderingCustomer(UUID customerId, Actor actor, Currency requestedCurrency) {
        if (actor.isCustomer() && !customerId.equals(actor.customerId())) {
            throw OrdoException.forbidden(
                    "You may place orders only for your own account.",
                    List.of(OrderRule.CUSTOMER_NOT_YOURS.at("customerId")));
        }
        CustomerSnapshot customer = customers
                .lockIfExists(customerId)
                .orElseThrow(() -> OrdoException.rule(
                        "unknown-customer",
                        "Customer " + customerId + " does not exist.",
                        List.of(OrderRule.UNKNOWN_CUSTOMER.at("customerId"))));
        if (!customer.active()) {
            throw OrdoException.rule(
                    "inactive-customer",
                    "Customer " + customer.name() + " is not active.",
                    List.of(OrderRule.INACTIVE_CUSTOMER.at("customerId")));
        }
        Currency currency = Money.currency(customer.currency());
        if (requestedCurrency != null && !requestedCurrency.equals(currency)) {
            throw OrdoException.rule(
                    "currency-mismatch",
                    "Orders of " + customer.name() + " are in " + currency + ".",
                    List.of(OrderRule.CUSTOMER_CURRENCY.at("currency", currency)));
        }
        return customer;
    }

    /** New order lines numbered from {@code firstNumber}, priced, not yet sourced. */
    static List<OrderLine> newLines(List<PricedLine> priced, int firstNumber, Instant now) {
        List<OrderLine> lines = new ArrayList<>();
        for (PricedLine p : priced) {
            lines.add(new OrderLine(
                            firstNumber + lines.size(),
                            p.sku(),
                            p.name(),
                            p.quantity(),
                            p.unitPrice(),
                            p.overridden(),
                            p.taxCategory(),
                            p.taxRate(),
                            p.vatCategory(),
                            now)
                    .withPricing(p.linePricing()));
        }
        return lines;
    }

    /** The reservations a placement makes, and the same by line for its answer. */
    private record Sourced(
            List<ReservationRequest> reservations, Map<Integer, List<OrderViews.Reserved>> reservedByLine) {}

    /** Sources every line from the locked stock levels: reserved where stock is free of older backorders, else backordered. */
    private Sourced sourceAtPlacement(Order order, String preferredWarehouse) {
        Set<String> skus = new LinkedHashSet<>();
        order.lines().forEach(l -> skus.add(l.sku()));
        List<StockPosition> positions = inventory.lockPositions(skus);
        Sourcing sourcing = new Sourcing(positions, store.backorderedPerSku(skus), preferredWarehouse);
        List<Sourcing.LinePlan> plans = sourcing.plan(order.lines().stream()
                .map(l -> new Sourcing.Demand(l.lineNumber(), l.sku(), l.quantity()))
                .toList());
        List<ReservationRequest> reservations = new ArrayList<>();
        Map<Integer, List<OrderViews.Reserved>> reservedByLine = new LinkedHashMap<>();
        for (Sourcing.LinePlan plan : plans) {
            OrderLine line = order.line(plan.lineNumber());
            order.sourceAtPlacement(
                    line,
                    plan.reserved(),
                    plan.backordered(),
                    plan.backordered() > 0 ? backorderWarehouse(preferredWarehouse, plan, positions) : null);
            for (Sourcing.Allocation a : plan.allocations()) {
                reservations.add(
                        new ReservationRequest(order.id(), line.lineNumber(), line.sku(), a.warehouse(), a.quantity()));
                reservedByLine
                        .computeIfAbsent(line.lineNumber(), k -> new ArrayList<>())
                        .add(new OrderViews.Reserved(a.warehouse(), a.quantity()));
            }
        }
        return new Sourced(reservations, reservedByLine);
    }

    /**
     * Placed, then held for credit or for a discount beyond the placer's limit, or confirmed (if configured): the status
     * changes and their history. With both problems the hold is a discount hold (a manager releases it) naming both.
     */
    private List<OrderStore.HistoryEntry> decide(
            Order order, String creditProblem, String discountProblem, Actor actor, Instant now) {
        List<OrderStore.HistoryEntry> history = new ArrayList<>();
        history.add(new OrderStore.HistoryEntry(
                order.id(),
                now,
                actor.username(),
                "STATUS",
                null,
                OrderStatus.PLACED,
                "placed via " + order.channel(),
                summary(order)));
        if (creditProblem != null || discountProblem != null) {
            String reason = discountProblem == null
                    ? creditProblem
                    : creditProblem == null ? discountProblem : discountProblem + "; " + creditProblem;
            order.hold(discountProblem == null ? Order.HoldKind.CREDIT : Order.HoldKind.DISCOUNT, reason);
            history.add(new OrderStore.HistoryEntry(
                    order.id(),
                    now,
                    actor.username(),
                    "STATUS",
                    OrderStatus.PLACED,
                    OrderStatus.ON_HOLD,
                    reason,
                    discountProblem == null ? "credit check" : "discount approval"));
        } else if (properties.autoConfirm()) {
            order.moveTo(OrderStatus.CONFIRMED);
            history.add(new OrderStore.HistoryEntry(
                    order.id(),
                    now,
                    actor.username(),
                    "STATUS",
                    OrderStatus.PLACED,
                    OrderStatus.CONFIRMED,
                    "credit check passed",
                    null));
        }
        return history;
    }

    /** Where an order goes when it names no address: the customer's shipping address, else its billing address. */
    static Address defaultShipTo(CustomerSnapshot customer) {
        return customer.shippingAddress() != null ? customer.shippingAddress() : customer.billingAddress();
    }

    /** A quote's request as the rule book leaves it: what is wrong is reported and left out, the rest is quoted. */
    private record QuoteInput(String shippingMethod, LocalDate requested, Address address, List<LineInput> lines) {}

    /**
     * What {@link #place} would make of {@code request} now: the same checks, prices, tax, sourcing, promise and credit
     * check, with reads that neither lock nor write. What is wrong with a line or the customer is reported, not thrown.
     */
    @Transactional(readOnly = true)
    OrderQuote quote(OrderEntry.NewOrder request) {
        Actor actor = Actor.current();
        List<FieldViolation> problems = new ArrayList<>();
        QuoteInput input = quoteInput(request, problems);
        CustomerSnapshot customer = quotedCustomer(request.customerId(), actor, problems);
        Currency currency = customer == null ? null : Money.currency(customer.currency());
        Map<Integer, PricedLine> priced = customer != null
                ? priceWhatCan(input, customer, actor, problems)
                : lookUpWithoutPrices(input.lines(), problems);
        List<OrderQuote.Line> lines = quotedLines(priced, customer, input);
        Money subtotal = currency == null ? null : Money.zero(currency);
        Money tax = subtotal;
        for (OrderQuote.Line line : lines) {
            if (line.lineNet() != null) {
                subtotal = subtotal.plus(line.lineNet());
                tax = tax.plus(line.tax());
            }
        }
        Money shipping = currency == null
                ? null
                : shippingCharges.charge(currency, input.shippingMethod(), subtotal, calendar.today());
        if (shipping != null) {
            tax = tax.plus(ShippingChargePolicy.taxOf(shipping, goods(priced.values())));
        }
        Money total = subtotal == null ? null : subtotal.plus(shipping).plus(tax);
        LocalDate promised = lines.stream()
                .map(OrderQuote.Line::promisedDate)
                .max(LocalDate::compareTo)
                .orElse(null);
        OrderQuote.Credit credit = null;
        if (customer != null) {
            CreditCheck check = creditCheck(customer, total.amount());
            Money exposure = Money.of(check.exposure().subtract(total.amount()), customer.currency());
            Money limit = Money.of(check.limit(), customer.currency());
            credit = new OrderQuote.Credit(limit, exposure, limit.minus(exposure), check.problem() != null);
        }
        return new OrderQuote(
                request.customerId(),
                currency == null ? null : currency.getCurrencyCode(),
                List.copyOf(lines),
                subtotal,
                shipping,
                tax,
                total,
                promised,
                credit,
                customer == null ? null : discountProblem(actor, List.copyOf(priced.values())),
                List.copyOf(problems));
    }

    /** Priced lines as the goods a shipping charge is taxed like. */
    private static List<ShippingChargePolicy.Goods> goods(java.util.Collection<PricedLine> priced) {
        return priced.stream()
                .map(p -> new ShippingChargePolicy.Goods(
                        p.vatCategory(), p.taxRate(), p.unitPrice().times(p.quantity())))
                .toList();
    }

    /** The rule book's checks of a quote's request; each wrong field is reported and left out of the quote. */
    private QuoteInput quoteInput(OrderEntry.NewOrder request, List<FieldViolation> problems) {
        String shippingMethod = policy.shippingMethodOrDefault(request.shippingMethod());
        List<FieldViolation> header = new ArrayList<>();
        policy.checkHeader(
                new OrderPolicy.Header(
                        request.externalReference(),
                        request.notes(),
                        request.requestedDeliveryDate(),
                        request.shippingAddress(),
                        shippingMethod),
                header);
        problems.addAll(header);
        boolean wrong = !header.isEmpty();
        String method = wrong && header.stream().anyMatch(v -> v.field().equals("shippingMethod"))
                ? OrderPolicy.DEFAULT_SHIPPING_METHOD
                : shippingMethod;
        LocalDate requested = header.stream().anyMatch(v -> v.field().equals("requestedDeliveryDate"))
                ? null
                : request.requestedDeliveryDate();
        Address address = header.stream().anyMatch(v -> v.field().startsWith("shippingAddress"))
                ? null
                : request.shippingAddress();
        List<OrderEntry.NewLine> requestedLines = request.lines() == null ? List.of() : request.lines();
        policy.checkLineCount(requestedLines.size(), problems);
        List<LineInput> inputs = new ArrayList<>();
        for (int i = 0; i < requestedLines.size() && i < policy.maxLines(); i++) {
            OrderEntry.NewLine line = requestedLines.get(i);
            List<FieldViolation> wrongLine = new ArrayList<>();
            policy.checkNewLine(
                    "lines[" + i + "]",
                    line == null ? null : line.sku(),
                    line == null ? null : line.quantity(),
                    null,
                    wrongLine);
            if (line != null) {
                policy.checkDiscount("lines[" + i + "].discount", line.discount(), null, wrongLine);
            }
            problems.addAll(wrongLine);
            if (wrongLine.isEmpty()) {
                inputs.add(new LineInput("lines[" + i + "]", line.sku(), line.quantity(), null, line.discount()));
            }
        }
        return new QuoteInput(method, requested, address, inputs);
    }

    /** The quoted customer, or null with the reason reported. */
    private CustomerSnapshot quotedCustomer(UUID customerId, Actor actor, List<FieldViolation> problems) {
        if (customerId == null) {
            problems.add(CommonRule.REQUIRED.at("customerId"));
            return null;
        }
        if (actor.isCustomer() && !customerId.equals(actor.customerId())) {
            problems.add(OrderRule.CUSTOMER_NOT_YOURS.at("customerId"));
            return null;
        }
        CustomerSnapshot customer = customers.find(customerId).orElse(null);
        if (customer == null) {
            problems.add(OrderRule.UNKNOWN_CUSTOMER.at("customerId"));
        } else if (!customer.active()) {
            problems.add(OrderRule.INACTIVE_CUSTOMER.at("customerId"));
            return null;
        }
        return customer;
    }

    /** Prices the lines that can be priced, by their index in the request; the others' problems are reported. */
    private Map<Integer, PricedLine> priceWhatCan(
            QuoteInput input, CustomerSnapshot customer, Actor actor, List<FieldViolation> problems) {
        Map<Integer, PricedLine> priced = new LinkedHashMap<>();
        Address shipTo = input.address() != null ? input.address() : defaultShipTo(customer);
        TaxRates.Destination destination = taxRates.forSale(
                shipTo == null ? null : shipTo.country(), customer.vatId(), customer.taxExempt(), calendar.today());
        List<LineInput> remaining = new ArrayList<>(input.lines());
        while (!remaining.isEmpty()) {
            try {
                List<PricedLine> done = priceLines(
                        remaining,
                        new PricingFor(customer.id(), Money.currency(customer.currency()), calendar.today(), actor),
                        destination);
                for (int k = 0; k < remaining.size(); k++) {
                    priced.put(index(remaining.get(k).field()), done.get(k));
                }
                break;
            } catch (OrdoException refused) {
                Set<String> wrongLines = new LinkedHashSet<>();
                refused.violations()
                        .forEach(v ->
                                wrongLines.add(v.field().substring(0, v.field().indexOf(']') + 1)));
                if (!remaining.removeIf(l -> wrongLines.contains(l.field()))) {
                    throw refused;
                }
                problems.addAll(refused.violations());
            }
        }
        return priced;
    }

    /** Without a customer there is no currency to price in: the products only, by their index in the request. */
    private Map<Integer, PricedLine> lookUpWithoutPrices(List<LineInput> inputs, List<FieldViolation> problems) {
        Map<Integer, PricedLine> found = new LinkedHashMap<>();
        Map<String, ProductSnapshot> products =
                catalog.find(inputs.stream().map(LineInput::sku).toList());
        for (LineInput input : inputs) {
            ProductSnapshot product = products.get(input.sku());
            if (product == null) {
                problems.add(OrderRule.UNKNOWN_SKU.at(input.field() + ".sku", input.sku()));
            } else if (!product.active()) {
                problems.add(OrderRule.INACTIVE_PRODUCT.at(input.field() + ".sku", input.sku()));
            } else {
                found.put(
                        index(input.field()),
                        new PricedLine(
                                product.sku(),
                                product.name(),
                                input.quantity(),
                                null,
                                false,
                                product.taxCategory(),
                                null,
                                null,
                                null));
            }
        }
        return found;
    }

    /** The quoted lines: stock as it is now, planned as placement would plan it (older backorders first), nothing held. */
    private List<OrderQuote.Line> quotedLines(
            Map<Integer, PricedLine> priced, CustomerSnapshot customer, QuoteInput input) {
        Set<String> skus = new LinkedHashSet<>();
        priced.values().forEach(p -> skus.add(p.sku()));
        List<StockPosition> positions = skus.isEmpty() ? List.of() : inventory.positions(skus);
        Map<String, Long> claimed = skus.isEmpty() ? Map.of() : store.backorderedPerSku(skus);
        Map<String, Long> promisable = new java.util.HashMap<>();
        Map<String, Map<String, Long>> byWarehouse = new java.util.HashMap<>();
        for (StockPosition p : positions) {
            promisable.merge(p.sku(), Math.max(0, p.available()), Long::sum);
            byWarehouse
                    .computeIfAbsent(p.sku(), k -> new java.util.TreeMap<>())
                    .put(p.warehouse(), Math.max(0, p.available()));
        }
        claimed.forEach((sku, c) -> promisable.computeIfPresent(sku, (k, a) -> Math.max(0, a - c)));
        Sourcing sourcing = new Sourcing(positions, claimed, customer == null ? null : customer.preferredWarehouse());
        Map<Integer, Sourcing.LinePlan> plans = new LinkedHashMap<>();
        sourcing.plan(priced.entrySet().stream()
                        .map(e -> new Sourcing.Demand(
                                e.getKey(), e.getValue().sku(), e.getValue().quantity()))
                        .toList())
                .forEach(plan -> plans.put(plan.lineNumber(), plan));
        String preferred = customer == null ? null : customer.preferredWarehouse();
        List<OrderQuote.Line> lines = new ArrayList<>();
        for (Map.Entry<Integer, PricedLine> e : priced.entrySet()) {
            PricedLine p = e.getValue();
            Sourcing.LinePlan plan = plans.get(e.getKey());
            long backordered = plan.backordered();
            PromisePolicy.Promise promise = promises.quote(
                    p.sku(),
                    backordered,
                    backordered > 0 ? backorderWarehouse(preferred, plan, positions) : null,
                    input.shippingMethod(),
                    input.requested());
            // the same per-line rounding as an order line (invariant 6)
            Money net = p.unitPrice() == null ? null : p.unitPrice().times(p.quantity());
            Money lineTax = net == null ? null : net.timesRate(p.taxRate());
            lines.add(new OrderQuote.Line(
                    e.getKey(),
                    p.sku(),
                    p.name(),
                    p.quantity(),
                    p.rules() == null ? null : p.rules().listPrice(),
                    p.rules() == null ? null : p.rules().priceRule(),
                    p.discounts(),
                    p.unitPrice(),
                    p.taxRate(),
                    net,
                    lineTax,
                    promisable.getOrDefault(p.sku(), 0L),
                    Map.copyOf(byWarehouse.getOrDefault(p.sku(), Map.of())),
                    backordered,
                    promise.date(),
                    promise.source(),
                    promise.estimated()));
        }
        return lines;
    }

    private static int index(String field) {
        return Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
    }

    /** A requested line; {@code field} is its path in the request, e.g. {@code lines[3]}. */
    record LineInput(String field, String sku, Long quantity, Money unitPrice, Pricing.ManualDiscount discount) {

        LineInput(String field, String sku, Long quantity, Money unitPrice) {
            this(field, sku, quantity, unitPrice, null);
        }
    }

    /** For whom, in which currency and on which day lines are priced, and who asks (for overrides and discounts). */
    record PricingFor(UUID customerId, Currency currency, LocalDate day, Actor actor) {}

    /**
     * Looks up and prices lines (business rules: 422); a price override or a discount by a role that may not give it is
     * 403. A line with a unit price keeps it; the others are priced by {@link Pricing}, all in one call.
     */
    List<PricedLine> priceLines(List<LineInput> lines, PricingFor whom, TaxRates.Destination destination) {
        return priceLines(lines, whom, destination, false);
    }

    private List<PricedLine> priceLines(
            List<LineInput> lines, PricingFor whom, TaxRates.Destination destination, boolean replacement) {
        Set<String> skus = new LinkedHashSet<>();
        lines.forEach(l -> skus.add(l.sku()));
        Map<String, ProductSnapshot> products = catalog.find(skus);
        refuseWhatCannotBePriced(lines, products, whom, replacement);
        List<Pricing.Item> items = new ArrayList<>();
        for (LineInput line : lines) {
            if (line.unitPrice() == null) {
                items.add(new Pricing.Item(
                        line.sku(), line.quantity(), products.get(line.sku()).unitPrice(), line.discount()));
            }
        }
        java.util.Iterator<Pricing.PricedLine> ruled = items.isEmpty()
                ? java.util.Collections.emptyIterator()
                : pricing.price(whom.customerId(), whom.currency().getCurrencyCode(), whom.day(), items)
                        .lines()
                        .iterator();
        List<PricedLine> priced = new ArrayList<>();
        for (LineInput line : lines) {
            ProductSnapshot product = products.get(line.sku());
            Pricing.PricedLine rules = line.unitPrice() == null ? ruled.next() : null;
            // taxed as the destination taxes it, so that the order's tax is what its invoices will bill
            TaxRates.Treatment treatment = destination.of(product.taxCategory(), product.taxRate());
            priced.add(new PricedLine(
                    product.sku(),
                    product.name(),
                    line.quantity(),
                    rules == null ? line.unitPrice() : rules.netUnitPrice(),
                    rules == null && !line.unitPrice().equals(product.unitPrice()),
                    product.taxCategory(),
                    treatment.rate(),
                    treatment.vatCategory(),
                    rules));
        }
        return priced;
    }

    /** Refuses lines whose product cannot be sold, and overrides or discounts the actor may not give. */
    private static void refuseWhatCannotBePriced(
            List<LineInput> lines, Map<String, ProductSnapshot> products, PricingFor whom, boolean replacement) {
        Actor actor = whom.actor();
        Currency currency = whom.currency();
        boolean mayOverride = replacement || actor.hasAnyRole(Role.SALES, Role.ADMIN) || actor == Actor.SYSTEM;
        List<FieldViolation> rules = new ArrayList<>();
        List<FieldViolation> forbidden = new ArrayList<>();
        for (LineInput line : lines) {
            ProductSnapshot product = products.get(line.sku());
            FieldViolation notSellable = notSellable(line, product, currency);
            boolean overridden = notSellable == null
                    && line.unitPrice() != null
                    && !line.unitPrice().equals(product.unitPrice());
            Money discountAmount =
                    line.discount() == null ? null : line.discount().amount();
            if (notSellable != null) {
                rules.add(notSellable);
            } else if (overridden && !line.unitPrice().currency().equals(currency)) {
                rules.add(OrderRule.PRICE_CURRENCY.at(line.field() + ".unitPrice.currency", currency));
            } else if (overridden && !mayOverride) {
                forbidden.add(OrderRule.PRICE_OVERRIDE_ROLE.at(line.field() + ".unitPrice"));
            } else if (line.discount() != null && actor.isCustomer()) {
                forbidden.add(OrderRule.DISCOUNT_ROLE.at(line.field() + ".discount"));
            } else if (discountAmount != null && !discountAmount.currency().equals(currency)) {
                rules.add(OrderRule.PRICE_CURRENCY.at(line.field() + ".discount.amount.currency", currency));
            }
        }
        if (!forbidden.isEmpty()) {
            throw OrdoException.forbidden("You may not override prices or give discounts.", forbidden);
        }
        if (!rules.isEmpty()) {
            throw OrdoException.rule("invalid-lines", "Some lines cannot be ordered.", rules);
        }
    }

    /** Why a line's product cannot be ordered in {@code currency}: unknown, no longer sold, priced in another; else null. */
    private static FieldViolation notSellable(LineInput line, ProductSnapshot product, Currency currency) {
        if (product == null) {
            return OrderRule.UNKNOWN_SKU.at(line.field() + ".sku", line.sku());
        }
        if (!product.active()) {
            return OrderRule.INACTIVE_PRODUCT.at(line.field() + ".sku", line.sku());
        }
        if (!product.unitPrice().currency().equals(currency)) {
            return OrderRule.PRODUCT_CURRENCY.at(
                    line.field() + ".sku", line.sku(), product.unitPrice().currencyCode(), currency);
        }
        return null;
    }

    /** Null when the order fits the customer's credit; otherwise why it is held (invariant 11). */
    String creditProblem(CustomerSnapshot customer, BigDecimal additional) {
        return creditCheck(customer, additional).problem();
    }

    /** What the credit check saw: exposure = open receivables + open orders + {@code additional}, against the limit. */
    record CreditCheck(BigDecimal exposure, BigDecimal limit, String problem) {}

    CreditCheck creditCheck(CustomerSnapshot customer, BigDecimal additional) {
        BigDecimal openOrders = store.openOrderValue(customer.id());
        ReceivablesBalance balance = receivables.getIfAvailable();
        BigDecimal receivable = balance == null ? BigDecimal.ZERO : balance.openBalance(customer.id());
        BigDecimal exposure = receivable.add(openOrders).add(additional);
        BigDecimal limit = customer.creditLimit().amount();
        Currency currency = Money.currency(customer.currency());
        String problem = exposure.compareTo(limit) <= 0
                ? null
                : "credit limit exceeded: balance " + Money.plain(receivable, currency) + " + open orders "
                        + Money.plain(openOrders, currency) + " + this order " + Money.plain(additional, currency)
                        + " > limit " + Money.plain(limit, currency) + " " + customer.currency();
        return new CreditCheck(exposure, limit, problem);
    }

    /** The warehouse a backorder is expected to be served from: the preferred one, else the one that reserved part, else most stock. */
    static String backorderWarehouse(String preferred, Sourcing.LinePlan plan, List<StockPosition> positions) {
        if (preferred != null) {
            return preferred;
        }
        if (!plan.allocations().isEmpty()) {
            return plan.allocations().get(0).warehouse();
        }
        return positions.stream()
                .filter(p -> p.sku().equals(plan.sku()))
                .max(java.util.Comparator.comparingLong(StockPosition::onHand)
                        .thenComparing(StockPosition::warehouse, java.util.Comparator.reverseOrder()))
                .map(StockPosition::warehouse)
                .orElse(null);
    }

    static String summary(Order order) {
        StringBuilder s = new StringBuilder();
        for (OrderLine l : order.lines()) {
            if (s.length() > 3500) {
                s.append(" …");
                break;
            }
            s.append(s.isEmpty() ? "" : "; ")
                    .append(l.lineNumber())
                    .append(": ")
                    .append(l.quantity())
                    .append(" × ")
                    .append(l.sku())
                    .append(" (reserved ")
                    .append(l.reserved())
                    .append(", backordered ")
                    .append(l.backordered())
                    .append(')');
        }
        return s.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
