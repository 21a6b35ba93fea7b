package org.ordo.orders.internal;

import org.ordo.catalog.Catalog;
import org.ordo.catalog.TaxRates;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.identity.Role;
import org.ordo.inventory.Inventory;
import org.ordo.inventory.ReservationRequest;
import org.ordo.inventory.StockPosition;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.orders.OrderEntry;
import org.ordo.orders.OrderPlaced;
import org.ordo.orders.OrderQuote;
import org.ordo.orders.OrderStatus;
import org.ordo.orders.ReceivablesBalance;
import org.ordo.shared.Address;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Places orders: validation with reads that need no locks, then one short transaction — credit check under the
 * customer's row lock, stock levels locked in the global order, lines and reservations written in batches,
 * history, audit and event.
 */
@Component
class OrderPlacement {

    static final Set<String> CHANNELS = Set.copyOf(org.ordo.orders.Orders.CHANNELS);
    static final long MAX_LINE_QUANTITY = 1_000_000;

    private final OrderStore store;
    private final Catalog catalog;
    private final Customers customers;
    private final Inventory inventory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ReceivablesBalance> receivables;
    private final OrderProperties properties;
    private final TaxRates taxRates;

    OrderPlacement(OrderStore store, Catalog catalog, Customers customers, Inventory inventory, AuditTrail audit,
            ApplicationEventPublisher events, ObjectProvider<ReceivablesBalance> receivables, OrderProperties properties,
            TaxRates taxRates) {
        this.taxRates = taxRates;
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
    record PricedLine(String sku, String name, long quantity, Money unitPrice, boolean overridden, String taxCategory, BigDecimal taxRate) {}

    @Transactional
    OrderViews.OrderView place(OrderRequests.PlaceOrder request) {
        return place(request, false);
    }

    /**
     * {@code replacement}: a free replacement for returned goods (see {@link Replacements}). Its zero prices are taken as
     * given whoever asks, and it skips the credit check: it adds nothing to what the customer owes.
     */
    @Transactional
    OrderViews.OrderView place(OrderRequests.PlaceOrder request, boolean replacement) {
        Actor actor = Actor.current();
        if (request == null) {
            throw OrdoException.invalid("body", "is required");
        }
        List<FieldViolation> invalid = new ArrayList<>();
        if (request.customerId() == null) {
            invalid.add(new FieldViolation("customerId", "is required"));
        }
        String channel = request.channel() == null ? (actor.isCustomer() ? "PORTAL" : "API") : request.channel();
        if (!CHANNELS.contains(channel)) {
            invalid.add(new FieldViolation("channel", "must be one of " + new java.util.TreeSet<>(CHANNELS)));
        }
        String shippingMethod = request.shippingMethod() == null ? "STANDARD" : request.shippingMethod();
        if (!properties.transitDays().containsKey(shippingMethod)) {
            invalid.add(new FieldViolation("shippingMethod", "must be one of " + new java.util.TreeSet<>(properties.transitDays().keySet())));
        }
        checkText(invalid, "externalReference", request.externalReference(), 100);
        checkText(invalid, "notes", request.notes(), 2000);
        if (request.requestedDeliveryDate() != null && request.requestedDeliveryDate().isBefore(LocalDate.now(ZoneOffset.UTC))) {
            invalid.add(new FieldViolation("requestedDeliveryDate", "must not be in the past"));
        }
        if (request.shippingAddress() != null) {
            invalid.addAll(request.shippingAddress().violations("shippingAddress"));
        }
        Currency requestedCurrency = null;
        if (request.currency() != null) {
            try {
                requestedCurrency = Money.currency(request.currency());
            } catch (IllegalArgumentException e) {
                invalid.add(new FieldViolation("currency", e.getMessage()));
            }
        }
        List<OrderRequests.PlaceLine> lines = request.lines() == null ? List.of() : request.lines();
        if (lines.isEmpty()) {
            invalid.add(new FieldViolation("lines", "must contain at least one line"));
        } else if (lines.size() > properties.maxLines()) {
            invalid.add(new FieldViolation("lines", "must contain at most " + properties.maxLines() + " lines"));
        } else {
            for (int i = 0; i < lines.size(); i++) {
                validateLineFormat(invalid, "lines[" + i + "]", lines.get(i) == null ? null : lines.get(i).sku(),
                        lines.get(i) == null ? null : lines.get(i).quantity(), lines.get(i) == null ? null : lines.get(i).unitPrice());
            }
        }
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        if (actor.isCustomer() && !request.customerId().equals(actor.customerId())) {
            throw OrdoException.forbidden("You may place orders only for your own account.",
                    List.of(new FieldViolation("customerId", "is not your customer account")));
        }

        CustomerSnapshot customer = customers.find(request.customerId()).orElseThrow(() -> OrdoException.rule("unknown-customer",
                "Customer " + request.customerId() + " does not exist.", List.of(new FieldViolation("customerId", "unknown customer"))));
        if (!customer.active()) {
            throw OrdoException.rule("inactive-customer", "Customer " + customer.name() + " is not active.",
                    List.of(new FieldViolation("customerId", "customer is not active")));
        }
        Currency currency = Money.currency(customer.currency());
        if (requestedCurrency != null && !requestedCurrency.equals(currency)) {
            throw OrdoException.rule("currency-mismatch", "Orders of " + customer.name() + " are in " + currency + ".",
                    List.of(new FieldViolation("currency", "must be the customer's currency " + currency)));
        }
        Address shipTo = request.shippingAddress() != null ? request.shippingAddress()
                : customer.shippingAddress() != null ? customer.shippingAddress() : customer.billingAddress();
        if (shipTo == null) {
            throw OrdoException.invalid("shippingAddress", "is required: the customer has no shipping address");
        }
        List<LineInput> inputs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            inputs.add(new LineInput("lines[" + i + "]", lines.get(i).sku(), lines.get(i).quantity(), lines.get(i).unitPrice()));
        }
        List<PricedLine> priced = priceLines(inputs, currency, actor, taxRates.forDestination(shipTo.country(), customer.taxExempt()),
                replacement);

        // microseconds: what both databases store, so what is returned equals what a later read returns
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Order order = new Order(UUID.randomUUID(), store.nextNumber(now), customer.id(), channel, blankToNull(request.externalReference()),
                currency, now, actor.username(), OrderStatus.PLACED);
        order.shippingAddress = shipTo;
        order.requestedDeliveryDate = request.requestedDeliveryDate();
        order.shippingMethod = shippingMethod;
        order.notes = blankToNull(request.notes());
        for (int i = 0; i < priced.size(); i++) {
            PricedLine p = priced.get(i);
            order.lines.add(new OrderLine(i + 1, p.sku(), p.name(), p.quantity(), p.unitPrice(), p.overridden(), p.taxCategory(),
                    p.taxRate(), now));
        }
        order.recomputeTotals();

        // --- the transaction's locking part: customer row (credit), then stock levels in lock order
        CustomerSnapshot locked = customers.lockForCreditCheck(customer.id());
        CreditCheck credit = replacement ? null : creditCheck(locked, order.total.amount());
        String creditProblem = credit == null ? null : credit.problem();
        if (credit != null) {
            order.creditExposure = credit.exposure();
            order.creditLimit = credit.limit();
        }
        Set<String> skus = new LinkedHashSet<>();
        order.lines.forEach(l -> skus.add(l.sku));
        List<StockPosition> positions = inventory.lockPositions(skus);
        Map<String, Long> claimed = store.backorderedPerSku(skus);
        Sourcing sourcing = new Sourcing(positions, claimed, locked.preferredWarehouse());
        List<Sourcing.LinePlan> plans = sourcing.plan(order.lines.stream().map(l -> new Sourcing.Demand(l.lineNumber, l.sku, l.quantity)).toList());
        List<ReservationRequest> reservations = new ArrayList<>();
        Map<Integer, List<OrderViews.Reserved>> reservedByLine = new LinkedHashMap<>();
        for (Sourcing.LinePlan plan : plans) {
            OrderLine line = order.line(plan.lineNumber());
            line.reserved = plan.reserved();
            line.backordered = plan.backordered();
            line.backorderedAtPlacement = plan.backordered();
            if (plan.backordered() > 0) {
                line.backorderWarehouse = backorderWarehouse(locked.preferredWarehouse(), plan, positions);
            }
            line.deriveStatus();
            for (Sourcing.Allocation a : plan.allocations()) {
                reservations.add(new ReservationRequest(order.id, line.lineNumber, line.sku, a.warehouse(), a.quantity()));
                reservedByLine.computeIfAbsent(line.lineNumber, k -> new ArrayList<>()).add(new OrderViews.Reserved(a.warehouse(), a.quantity()));
            }
        }
        order.promisedDate = promisedDate(now, shippingMethod, order.lines.stream().anyMatch(l -> l.backordered > 0),
                request.requestedDeliveryDate(), properties);

        List<OrderStore.HistoryEntry> history = new ArrayList<>();
        history.add(new OrderStore.HistoryEntry(order.id, now, actor.username(), "STATUS", null, OrderStatus.PLACED,
                "placed via " + channel, summary(order)));
        if (creditProblem != null) {
            order.moveTo(OrderStatus.ON_HOLD);
            order.holdReason = creditProblem;
            history.add(new OrderStore.HistoryEntry(order.id, now, actor.username(), "STATUS", OrderStatus.PLACED, OrderStatus.ON_HOLD,
                    creditProblem, "credit check"));
        } else if (properties.autoConfirm()) {
            order.moveTo(OrderStatus.CONFIRMED);
            history.add(new OrderStore.HistoryEntry(order.id, now, actor.username(), "STATUS", OrderStatus.PLACED, OrderStatus.CONFIRMED,
                    "credit check passed", null));
        }
        store.insert(order);
        inventory.reserve(reservations);
        store.appendHistory(history);
        OrderViews.OrderView view = OrderViews.view(order, reservedByLine);
        audit.recordCreated("ORDER", List.of(new AuditTrail.Created(order.id.toString(), "PLACED", view)));
        events.publishEvent(new OrderPlaced(order.id, order.number, order.customerId, order.channel, order.status, order.total.amount(),
                currency.getCurrencyCode()));
        return view;
    }

    /**
     * What {@link #place} would make of {@code request} now: the same checks, prices, tax, sourcing, promise and credit
     * check, with reads that neither lock nor write. What is wrong with a line or the customer is reported, not thrown.
     */
    @Transactional(readOnly = true)
    OrderQuote quote(OrderEntry.NewOrder request) {
        Actor actor = Actor.current();
        List<FieldViolation> problems = new ArrayList<>();
        String shippingMethod = request.shippingMethod() == null || request.shippingMethod().isBlank() ? "STANDARD" : request.shippingMethod();
        if (!properties.transitDays().containsKey(shippingMethod)) {
            problems.add(new FieldViolation("shippingMethod", "must be one of " + new java.util.TreeSet<>(properties.transitDays().keySet())));
            shippingMethod = "STANDARD";
        }
        checkText(problems, "externalReference", request.externalReference(), 100);
        checkText(problems, "notes", request.notes(), 2000);
        LocalDate requested = request.requestedDeliveryDate();
        if (requested != null && requested.isBefore(LocalDate.now(ZoneOffset.UTC))) {
            problems.add(new FieldViolation("requestedDeliveryDate", "must not be in the past"));
            requested = null;
        }
        Address address = request.shippingAddress();
        if (address != null) {
            List<FieldViolation> wrong = address.violations("shippingAddress");
            problems.addAll(wrong);
            if (!wrong.isEmpty()) {
                address = null;
            }
        }
        List<OrderEntry.NewLine> requestedLines = request.lines() == null ? List.of() : request.lines();
        if (requestedLines.isEmpty()) {
            problems.add(new FieldViolation("lines", "must contain at least one line"));
        } else if (requestedLines.size() > properties.maxLines()) {
            problems.add(new FieldViolation("lines", "must contain at most " + properties.maxLines() + " lines"));
        }
        List<LineInput> inputs = new ArrayList<>();
        for (int i = 0; i < requestedLines.size() && i < properties.maxLines(); i++) {
            OrderEntry.NewLine line = requestedLines.get(i);
            List<FieldViolation> wrong = new ArrayList<>();
            validateLineFormat(wrong, "lines[" + i + "]", line == null ? null : line.sku(), line == null ? null : line.quantity(), null);
            problems.addAll(wrong);
            if (wrong.isEmpty()) {
                inputs.add(new LineInput("lines[" + i + "]", line.sku(), line.quantity(), null));
            }
        }

        CustomerSnapshot customer = null;
        if (request.customerId() == null) {
            problems.add(new FieldViolation("customerId", "is required"));
        } else if (actor.isCustomer() && !request.customerId().equals(actor.customerId())) {
            problems.add(new FieldViolation("customerId", "is not your customer account"));
        } else {
            customer = customers.find(request.customerId()).orElse(null);
            if (customer == null) {
                problems.add(new FieldViolation("customerId", "unknown customer"));
            } else if (!customer.active()) {
                problems.add(new FieldViolation("customerId", "customer is not active"));
                customer = null;
            }
        }

        // priced lines by their index in the request; without a customer there is no currency to price in
        Map<Integer, PricedLine> priced = new LinkedHashMap<>();
        Currency currency = customer == null ? null : Money.currency(customer.currency());
        if (customer != null) {
            Address shipTo = address != null ? address : customer.shippingAddress() != null ? customer.shippingAddress() : customer.billingAddress();
            TaxRates.Destination destination = taxRates.forDestination(shipTo == null ? null : shipTo.country(), customer.taxExempt());
            List<LineInput> remaining = new ArrayList<>(inputs);
            while (!remaining.isEmpty()) {
                try {
                    List<PricedLine> done = priceLines(remaining, currency, actor, destination);
                    for (int k = 0; k < remaining.size(); k++) {
                        priced.put(index(remaining.get(k).field()), done.get(k));
                    }
                    break;
                } catch (OrdoException refused) {
                    Set<String> wrongLines = new LinkedHashSet<>();
                    refused.violations().forEach(v -> wrongLines.add(v.field().substring(0, v.field().indexOf(']') + 1)));
                    if (!remaining.removeIf(l -> wrongLines.contains(l.field()))) {
                        throw refused;
                    }
                    problems.addAll(refused.violations());
                }
            }
        } else {
            Map<String, ProductSnapshot> products = catalog.find(inputs.stream().map(LineInput::sku).toList());
            for (LineInput input : inputs) {
                ProductSnapshot product = products.get(input.sku());
                if (product == null) {
                    problems.add(new FieldViolation(input.field() + ".sku", "unknown SKU " + input.sku()));
                } else if (!product.active()) {
                    problems.add(new FieldViolation(input.field() + ".sku", "product " + input.sku() + " is not active"));
                } else {
                    priced.put(index(input.field()), new PricedLine(product.sku(), product.name(), input.quantity(), null, false,
                            product.taxCategory(), null));
                }
            }
        }

        // stock as it is now, planned as placement would plan it (older backorders first), nothing held
        Set<String> skus = new LinkedHashSet<>();
        priced.values().forEach(p -> skus.add(p.sku()));
        List<StockPosition> positions = skus.isEmpty() ? List.of() : inventory.positions(skus);
        Map<String, Long> claimed = skus.isEmpty() ? Map.of() : store.backorderedPerSku(skus);
        Map<String, Long> promisable = new java.util.HashMap<>();
        Map<String, Map<String, Long>> byWarehouse = new java.util.HashMap<>();
        for (StockPosition p : positions) {
            promisable.merge(p.sku(), Math.max(0, p.available()), Long::sum);
            byWarehouse.computeIfAbsent(p.sku(), k -> new java.util.TreeMap<>()).put(p.warehouse(), Math.max(0, p.available()));
        }
        claimed.forEach((sku, c) -> promisable.computeIfPresent(sku, (k, a) -> Math.max(0, a - c)));
        Sourcing sourcing = new Sourcing(positions, claimed, customer == null ? null : customer.preferredWarehouse());
        Map<Integer, Sourcing.LinePlan> plans = new LinkedHashMap<>();
        sourcing.plan(priced.entrySet().stream().map(e -> new Sourcing.Demand(e.getKey(), e.getValue().sku(), e.getValue().quantity())).toList())
                .forEach(plan -> plans.put(plan.lineNumber(), plan));

        Instant now = Instant.now();
        List<OrderQuote.Line> lines = new ArrayList<>();
        Money subtotal = currency == null ? null : Money.zero(currency);
        Money tax = subtotal;
        for (Map.Entry<Integer, PricedLine> e : priced.entrySet()) {
            PricedLine p = e.getValue();
            long backordered = plans.get(e.getKey()).backordered();
            Money net = null;
            Money lineTax = null;
            if (p.unitPrice() != null) {
                // the same per-line rounding as an order line (invariant 6)
                net = p.unitPrice().times(p.quantity());
                lineTax = net.timesRate(p.taxRate());
                subtotal = subtotal.plus(net);
                tax = tax.plus(lineTax);
            }
            lines.add(new OrderQuote.Line(e.getKey(), p.sku(), p.name(), p.quantity(), p.unitPrice(), p.taxRate(), net, lineTax,
                    promisable.getOrDefault(p.sku(), 0L), Map.copyOf(byWarehouse.getOrDefault(p.sku(), Map.of())), backordered,
                    promisedDate(now, shippingMethod, backordered > 0, requested, properties)));
        }
        Money total = subtotal == null ? null : subtotal.plus(tax);
        LocalDate promised = lines.isEmpty() ? null
                : promisedDate(now, shippingMethod, lines.stream().anyMatch(OrderQuote.Line::isBackordered), requested, properties);
        OrderQuote.Credit credit = null;
        if (customer != null) {
            CreditCheck check = creditCheck(customer, total.amount());
            Money exposure = Money.of(check.exposure().subtract(total.amount()), customer.currency());
            Money limit = Money.of(check.limit(), customer.currency());
            credit = new OrderQuote.Credit(limit, exposure, limit.minus(exposure), check.problem() != null);
        }
        return new OrderQuote(request.customerId(), currency == null ? null : currency.getCurrencyCode(), List.copyOf(lines), subtotal, tax,
                total, promised, credit, List.copyOf(problems));
    }

    private static int index(String field) {
        return Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
    }

    /** A requested line; {@code field} is its path in the request, e.g. {@code lines[3]}. */
    record LineInput(String field, String sku, Long quantity, Money unitPrice) {}

    /** Looks up and prices lines (business rules: 422); a price override by a role that may not override is 403. */
    List<PricedLine> priceLines(List<LineInput> lines, Currency currency, Actor actor, TaxRates.Destination destination) {
        return priceLines(lines, currency, actor, destination, false);
    }

    private List<PricedLine> priceLines(List<LineInput> lines, Currency currency, Actor actor, TaxRates.Destination destination,
            boolean replacement) {
        Set<String> skus = new LinkedHashSet<>();
        lines.forEach(l -> skus.add(l.sku()));
        Map<String, ProductSnapshot> products = catalog.find(skus);
        List<FieldViolation> rules = new ArrayList<>();
        List<FieldViolation> forbidden = new ArrayList<>();
        List<PricedLine> priced = new ArrayList<>();
        boolean mayOverride = replacement || actor.hasAnyRole(Role.SALES, Role.ADMIN) || actor == Actor.SYSTEM;
        for (int i = 0; i < lines.size(); i++) {
            LineInput line = lines.get(i);
            String field = line.field();
            ProductSnapshot product = products.get(line.sku());
            if (product == null) {
                rules.add(new FieldViolation(field + ".sku", "unknown SKU " + line.sku()));
                continue;
            }
            if (!product.active()) {
                rules.add(new FieldViolation(field + ".sku", "product " + line.sku() + " is not active"));
                continue;
            }
            if (!product.unitPrice().currency().equals(currency)) {
                rules.add(new FieldViolation(field + ".sku", "product " + line.sku() + " is priced in "
                        + product.unitPrice().currencyCode() + ", the order is in " + currency));
                continue;
            }
            Money price = product.unitPrice();
            boolean overridden = false;
            if (line.unitPrice() != null && !line.unitPrice().equals(product.unitPrice())) {
                if (!line.unitPrice().currency().equals(currency)) {
                    rules.add(new FieldViolation(field + ".unitPrice.currency", "must be the order currency " + currency));
                    continue;
                }
                if (!mayOverride) {
                    forbidden.add(new FieldViolation(field + ".unitPrice", "a price override needs the role SALES or ADMIN"));
                    continue;
                }
                price = line.unitPrice();
                overridden = true;
            }
            // taxed as the destination taxes it, so that the order's tax is what its invoices will bill
            priced.add(new PricedLine(product.sku(), product.name(), line.quantity(), price, overridden, product.taxCategory(),
                    destination.of(product.taxCategory(), product.taxRate()).rate()));
        }
        if (!forbidden.isEmpty()) {
            throw OrdoException.forbidden("You may not override prices.", forbidden);
        }
        if (!rules.isEmpty()) {
            throw OrdoException.rule("invalid-lines", "Some lines cannot be ordered.", rules);
        }
        return priced;
    }

    static void validateLineFormat(List<FieldViolation> invalid, String field, String sku, Long quantity, Money unitPrice) {
        if (sku == null || sku.isBlank()) {
            invalid.add(new FieldViolation(field + ".sku", "is required"));
        } else if (sku.length() > 64) {
            invalid.add(new FieldViolation(field + ".sku", "must be at most 64 characters"));
        }
        if (quantity == null) {
            invalid.add(new FieldViolation(field + ".quantity", "is required"));
        } else if (quantity <= 0) {
            invalid.add(new FieldViolation(field + ".quantity", "must be greater than 0"));
        } else if (quantity > MAX_LINE_QUANTITY) {
            invalid.add(new FieldViolation(field + ".quantity", "must be at most " + MAX_LINE_QUANTITY));
        }
        if (unitPrice != null && unitPrice.isNegative()) {
            invalid.add(new FieldViolation(field + ".unitPrice.amount", "must not be negative"));
        }
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
        String problem = exposure.compareTo(limit) <= 0 ? null
                : "credit limit exceeded: balance " + receivable.toPlainString() + " + open orders " + openOrders.toPlainString()
                        + " + this order " + additional.toPlainString() + " > limit " + limit.toPlainString() + " " + customer.currency();
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
        return positions.stream().filter(p -> p.sku().equals(plan.sku()))
                .max(java.util.Comparator.comparingLong(StockPosition::onHand).thenComparing(StockPosition::warehouse,
                        java.util.Comparator.reverseOrder()))
                .map(StockPosition::warehouse)
                .orElse(null);
    }

    /** Processing and transit days from today, weekends skipped; later if backordered; never before the requested date. */
    static LocalDate promisedDate(Instant placedAt, String shippingMethod, boolean backordered, LocalDate requested,
            OrderProperties properties) {
        LocalDate date = placedAt.atZone(ZoneOffset.UTC).toLocalDate();
        int days = properties.processingDays() + properties.transitDays().getOrDefault(shippingMethod, 3)
                + (backordered ? properties.backorderLeadDays() : 0);
        for (int i = 0; i < days; i++) {
            date = date.plusDays(1);
            while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                date = date.plusDays(1);
            }
        }
        return requested != null && requested.isAfter(date) ? requested : date;
    }

    static void checkText(List<FieldViolation> invalid, String field, String value, int max) {
        if (value != null && value.length() > max) {
            invalid.add(new FieldViolation(field, "must be at most " + max + " characters"));
        }
    }

    static String summary(Order order) {
        StringBuilder s = new StringBuilder();
        for (OrderLine l : order.lines) {
            if (s.length() > 3500) {
                s.append(" …");
                break;
            }
            s.append(s.isEmpty() ? "" : "; ").append(l.lineNumber).append(": ").append(l.quantity).append(" × ").append(l.sku)
                    .append(" (reserved ").append(l.reserved).append(", backordered ").append(l.backordered).append(')');
        }
        return s.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
