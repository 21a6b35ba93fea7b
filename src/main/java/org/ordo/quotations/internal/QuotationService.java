package org.ordo.quotations.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.orders.OrderEntry;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.platform.CompanyCalendar;
import org.ordo.pricing.Pricing;
import org.ordo.quotations.QuotationRequests.CreateQuotation;
import org.ordo.quotations.QuotationRequests.LineRequest;
import org.ordo.quotations.QuotationRequests.ReviseQuotation;
import org.ordo.quotations.QuotationRule;
import org.ordo.quotations.QuotationSent;
import org.ordo.quotations.QuotationStatus;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes, sends, revises, accepts and declines quotations. Lines are priced by {@link Pricing} as an order's would be
 * on the day; sending fixes those prices, and accepting places the order at exactly them.
 */
@Service
class QuotationService {

    private final QuotationStore store;
    private final Customers customers;
    private final Catalog catalog;
    private final Pricing pricing;
    private final OrderEntry orders;
    private final Orders placed;
    private final QuotationPolicy policy;
    private final CompanyCalendar calendar;
    private final ApplicationEventPublisher events;

    QuotationService(
            QuotationStore store,
            Customers customers,
            Catalog catalog,
            Pricing pricing,
            OrderEntry orders,
            Orders placed,
            QuotationPolicy policy,
            CompanyCalendar calendar,
            ApplicationEventPublisher events) {
        this.store = store;
        this.customers = customers;
        this.catalog = catalog;
        this.pricing = pricing;
        this.orders = orders;
        this.placed = placed;
        this.policy = policy;
        this.calendar = calendar;
        this.events = events;
    }

    @Transactional
    Quotation create(CreateQuotation request) {
        if (request == null) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("body")));
        }
        List<FieldViolation> invalid = new ArrayList<>();
        CustomerSnapshot customer = request.customerId() == null
                ? null
                : customers
                        .find(request.customerId())
                        .filter(CustomerSnapshot::active)
                        .orElse(null);
        if (request.customerId() == null) {
            invalid.add(CommonRule.REQUIRED.at("customerId"));
        } else if (customer == null) {
            invalid.add(QuotationRule.UNKNOWN_CUSTOMER.at("customerId", request.customerId()));
        } else if (request.currency() != null && !request.currency().equals(customer.currency())) {
            invalid.add(QuotationRule.CURRENCY_MISMATCH.at("currency", customer.currency()));
        }
        policy.checkTerms(request.validUntil(), request.note(), request.lines(), invalid);
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        Instant now = now();
        UUID id = UUID.randomUUID();
        List<Quotation.Line> lines = price(customer.id(), customer.currency(), request.lines());
        Quotation q = new Quotation(
                id,
                store.nextNumber(now),
                customer.id(),
                customer.currency(),
                request.validUntil(),
                blankToNull(request.note()),
                QuotationStatus.DRAFT,
                1,
                total(lines),
                null,
                Actor.current().username(),
                now,
                null,
                null,
                0,
                lines);
        store.insert(q);
        return q;
    }

    /** DRAFT → SENT: priced once more, and those prices are the quotation's until its validity date. */
    @Transactional
    Quotation send(UUID id) {
        Quotation q = load(id);
        q.status().requireCanMoveTo(QuotationStatus.SENT, q.number());
        if (q.status() != QuotationStatus.DRAFT) {
            throw OrdoException.conflict("already-sent", "Quotation " + q.number() + " was sent already: revise it.");
        }
        policy.checkStillValid(q.number(), q.validUntil(), calendar.today());
        List<LineRequest> requests = requests(q.lines(), q.currency());
        List<Pricing.PricedLine> priced = priced(q.customerId(), q.currency(), requests);
        checkDiscountLimit(priced);
        Quotation sent =
                with(q, QuotationStatus.SENT, q.revision(), q.validUntil(), q.note(), lines(priced, requests), now());
        store.update(sent);
        store.replaceLines(sent);
        published(sent);
        return sent;
    }

    /**
     * A DRAFT is changed in place; a SENT quotation gets a new revision, priced today and sent, while the one it replaces
     * stays readable under its revision number.
     */
    @Transactional
    Quotation revise(UUID id, ReviseQuotation request) {
        if (request == null) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("body")));
        }
        Quotation q = load(id);
        q.status().requireCanMoveTo(QuotationStatus.SENT, q.number());
        LocalDate validUntil = request.validUntil() == null ? q.validUntil() : request.validUntil();
        String note = request.note() == null ? q.note() : blankToNull(request.note());
        List<FieldViolation> invalid = new ArrayList<>();
        policy.checkTerms(validUntil, note, request.lines(), invalid);
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        List<Pricing.PricedLine> priced = priced(q.customerId(), q.currency(), request.lines());
        List<Quotation.Line> lines = lines(priced, request.lines());
        if (q.status() == QuotationStatus.DRAFT) {
            Quotation draft = with(q, QuotationStatus.DRAFT, q.revision(), validUntil, note, lines, null);
            store.update(draft);
            store.replaceLines(draft);
            return draft;
        }
        checkDiscountLimit(priced);
        store.keepRevision(q);
        Quotation next = with(q, QuotationStatus.SENT, q.revision() + 1, validUntil, note, lines, now());
        store.update(next);
        store.insertLines(next);
        published(next);
        return next;
    }

    /**
     * SENT → ACCEPTED: the order is placed at the quoted prices (stock reserved and credit checked now). Accepting an
     * accepted quotation again answers with the same order.
     */
    @Transactional
    OrderSnapshot accept(UUID id) {
        Quotation q = load(id);
        if (q.status() == QuotationStatus.ACCEPTED) {
            return placed.find(q.orderId()).orElseThrow();
        }
        q.status().requireCanMoveTo(QuotationStatus.ACCEPTED, q.number());
        policy.checkStillValid(q.number(), q.validUntil(), calendar.today());
        List<OrderEntry.NewLine> lines = q.lines().stream()
                .map(l -> new OrderEntry.NewLine(l.sku(), l.quantity(), null, Money.of(l.unitPrice(), q.currency())))
                .toList();
        OrderSnapshot order =
                orders.place(new OrderEntry.NewOrder(q.customerId(), null, q.number(), null, q.note(), lines));
        Quotation accepted = new Quotation(
                q.id(),
                q.number(),
                q.customerId(),
                q.currency(),
                q.validUntil(),
                q.note(),
                QuotationStatus.ACCEPTED,
                q.revision(),
                q.total(),
                order.id(),
                q.createdBy(),
                q.createdAt(),
                q.sentAt(),
                now(),
                q.version(),
                q.lines());
        store.update(accepted);
        return order;
    }

    /** SENT → DECLINED. */
    @Transactional
    Quotation decline(UUID id) {
        Quotation q = load(id);
        q.status().requireCanMoveTo(QuotationStatus.DECLINED, q.number());
        Quotation declined = new Quotation(
                q.id(),
                q.number(),
                q.customerId(),
                q.currency(),
                q.validUntil(),
                q.note(),
                QuotationStatus.DECLINED,
                q.revision(),
                q.total(),
                q.orderId(),
                q.createdBy(),
                q.createdAt(),
                q.sentAt(),
                now(),
                q.version(),
                q.lines());
        store.update(declined);
        return declined;
    }

    /** SENT quotations whose validity date has passed in the company's calendar become EXPIRED (hourly, and before reads). */
    @Scheduled(cron = "${ordo.quotations.expiry.cron:0 5 * * * *}", zone = "${ordo.company.time-zone:UTC}")
    @Transactional
    public void expireDue() {
        store.expireBefore(calendar.today(), now());
    }

    private Quotation load(UUID id) {
        return store.find(id, true).orElseThrow(() -> OrdoException.notFound("Quotation", id));
    }

    /** Prices the lines by the pricing rules, as an order placed today would be priced. */
    private List<Quotation.Line> price(UUID customerId, String currency, List<LineRequest> requests) {
        return lines(priced(customerId, currency, requests), requests);
    }

    private List<Pricing.PricedLine> priced(UUID customerId, String currency, List<LineRequest> requests) {
        Map<String, ProductSnapshot> products =
                catalog.find(requests.stream().map(LineRequest::sku).toList());
        policy.checkProducts(requests, products, currency);
        List<Pricing.Item> items = requests.stream()
                .map(r -> new Pricing.Item(
                        r.sku(), r.quantity(), products.get(r.sku()).unitPrice(), r.discount()))
                .toList();
        return pricing.price(customerId, currency, calendar.today(), items).lines();
    }

    private static List<Quotation.Line> lines(List<Pricing.PricedLine> priced, List<LineRequest> requests) {
        List<Quotation.Line> lines = new ArrayList<>();
        for (int i = 0; i < priced.size(); i++) {
            Pricing.PricedLine p = priced.get(i);
            Pricing.ManualDiscount d = requests.get(i).discount();
            lines.add(new Quotation.Line(
                    i + 1,
                    p.sku(),
                    p.quantity(),
                    d == null ? null : d.percent(),
                    d == null || d.amount() == null ? null : d.amount().amount(),
                    p.listPrice().amount(),
                    p.netUnitPrice().amount()));
        }
        return lines;
    }

    /**
     * A quotation goes out only with manual discounts within the sender's limit, the pricing rules' limit for orders
     * (409 naming each line's discount beyond it): a manager (ADMIN) sends the others.
     */
    private void checkDiscountLimit(List<Pricing.PricedLine> priced) {
        Actor actor = Actor.current();
        String beyond = pricing.discountBeyondLimit(actor, priced);
        if (beyond == null) {
            return;
        }
        List<FieldViolation> lines = new ArrayList<>();
        for (int i = 0; i < priced.size(); i++) {
            Pricing.PricedLine line = priced.get(i);
            if (pricing.discountBeyondLimit(actor, List.of(line)) != null) {
                lines.add(QuotationRule.DISCOUNT_BEYOND_LIMIT.at(
                        "lines[" + i + "].discount",
                        line.manualPercent().stripTrailingZeros().toPlainString()));
            }
        }
        throw new OrdoException(
                OrdoException.Kind.CONFLICT, "discount-beyond-limit", "Quotation not sent: " + beyond, lines, Map.of());
    }

    private void published(Quotation sent) {
        events.publishEvent(new QuotationSent(
                sent.id(),
                sent.number(),
                sent.revision(),
                sent.customerId(),
                sent.validUntil(),
                sent.total(),
                sent.currency()));
    }

    private static List<LineRequest> requests(List<Quotation.Line> lines, String currency) {
        return lines.stream()
                .map(l -> new LineRequest(l.sku(), l.quantity(), discount(l, currency)))
                .toList();
    }

    private static Pricing.ManualDiscount discount(Quotation.Line line, String currency) {
        if (line.discountPercent() == null && line.discountAmount() == null) {
            return null;
        }
        return new Pricing.ManualDiscount(
                line.discountPercent(),
                line.discountAmount() == null ? null : Money.of(line.discountAmount(), currency));
    }

    private static Quotation with(
            Quotation q,
            QuotationStatus status,
            int revision,
            LocalDate validUntil,
            String note,
            List<Quotation.Line> lines,
            Instant sentAt) {
        return new Quotation(
                q.id(),
                q.number(),
                q.customerId(),
                q.currency(),
                validUntil,
                note,
                status,
                revision,
                total(lines),
                q.orderId(),
                q.createdBy(),
                q.createdAt(),
                sentAt,
                q.decidedAt(),
                q.version(),
                lines);
    }

    private static BigDecimal total(List<Quotation.Line> lines) {
        return lines.stream().map(Quotation.Line::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
