package org.ordo.service.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordo.fulfillment.DeliveryExceptionReported;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.identity.UserAdmin;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.service.CaseMessageKind;
import org.ordo.service.CasePriority;
import org.ordo.service.CaseReplied;
import org.ordo.service.CaseRule;
import org.ordo.service.CaseStatus;
import org.ordo.service.CaseType;
import org.ordo.service.ServiceDesk;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.IllegalTransitionException;
import org.ordo.shared.OrdoException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens cases, changes them and writes their conversation, each change audited under {@code CASE}. A customer's own
 * user reaches only its own customer's cases (any other is not found) and only replies; staff reply or note.
 */
@Component
class CaseService implements ServiceDesk {

    static final int MAX_BODY = 10_000;

    private final CaseStore store;
    private final CaseLinks links;
    private final CaseViews views;
    private final ServiceProperties properties;
    private final AuditTrail audit;
    private final UserAdmin users;
    private final Orders orders;
    private final ApplicationEventPublisher events;

    CaseService(
            CaseStore store,
            CaseLinks links,
            CaseViews views,
            ServiceProperties properties,
            AuditTrail audit,
            UserAdmin users,
            Orders orders,
            ApplicationEventPublisher events) {
        this.store = store;
        this.links = links;
        this.views = views;
        this.properties = properties;
        this.audit = audit;
        this.users = users;
        this.orders = orders;
        this.events = events;
    }

    @Override
    @Transactional
    public CaseView open(Open request) {
        Open r = request == null ? new Open(null, null, null, null, null, null, null, null) : request;
        Actor actor = Actor.current();
        UUID customerId = customerOf(actor, r.customerId());
        List<FieldViolation> problems = new ArrayList<>();
        CaseType type = enumValue(CaseType.class, "type", r.type(), problems);
        text(problems, "subject", r.subject(), 200);
        text(problems, "message", r.message(), MAX_BODY);
        ServiceCase c = new ServiceCase();
        links.link(c, customerId, r, problems);
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        c.type = type;
        c.subject = r.subject().trim();
        c.priority = type == CaseType.COMPLAINT ? CasePriority.HIGH : CasePriority.NORMAL;
        c.origin = actor.isCustomer() ? "PORTAL" : "STAFF";
        CaseMessageKind first = actor.isCustomer() ? CaseMessageKind.CUSTOMER_REPLY : CaseMessageKind.INTERNAL_NOTE;
        create(c, actor.username(), first, r.message().trim());
        return views.view(c, store.messages(c.id), actor.isCustomer());
    }

    /**
     * A DELIVERY_PROBLEM case for a shipment's exception, linked to its order and shipment: one per exception, and
     * while one is open for the shipment a further exception is noted on it instead of opening another.
     */
    @Transactional
    void openForDeliveryException(DeliveryExceptionReported e) {
        String key = "delivery:" + e.shipmentId() + ":" + e.kind() + ":" + e.at();
        OrderSnapshot order = orders.find(e.orderId()).orElse(null);
        if (order == null || store.hasOrigin(key)) {
            return;
        }
        String what = IllegalTransitionException.words(e.kind());
        String note = e.shipmentNumber() + ": " + what + (e.note() == null ? "" : " — " + e.note());
        Optional<ServiceCase> open = store.lockOpenDeliveryProblem(e.shipmentId());
        if (open.isPresent()) {
            addMessage(open.get(), CaseMessageKind.INTERNAL_NOTE, note, e.reportedBy(), "NOTE_ADDED");
            return;
        }
        ServiceCase c = new ServiceCase();
        c.customerId = order.customerId();
        c.orderId = order.id();
        c.orderNumber = order.number();
        c.shipmentId = e.shipmentId();
        c.shipmentNumber = e.shipmentNumber();
        c.type = CaseType.DELIVERY_PROBLEM;
        c.subject = truncate("Delivery problem: " + what + " (" + e.shipmentNumber() + ")", 200);
        c.priority = "LOST".equals(e.kind()) || "DAMAGED".equals(e.kind()) ? CasePriority.HIGH : CasePriority.NORMAL;
        c.origin = "CARRIER";
        c.originKey = key;
        create(c, e.reportedBy(), CaseMessageKind.INTERNAL_NOTE, note);
    }

    private void create(ServiceCase c, String by, CaseMessageKind firstKind, String firstMessage) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ServiceProperties.Target target = properties.target(c.type);
        c.id = UUID.randomUUID();
        c.number = store.nextNumber(now);
        c.status = CaseStatus.OPEN;
        c.createdBy = by;
        c.createdAt = now;
        c.updatedAt = now;
        c.firstResponseDue = now.plus(target.firstResponse());
        c.resolutionDue = now.plus(target.resolution());
        store.insert(c);
        audit.record("CASE", c.id.toString(), "CREATED", null, c.state());
        store.insertMessage(c.id, new Message(UUID.randomUUID(), firstKind, firstMessage, by, now));
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<Summary> search(Search search, Paging paging) {
        Search s = search == null ? new Search(null, null, null, null, null) : search;
        Actor actor = Actor.current();
        if (actor.isCustomer()) {
            UUID own = own(actor);
            if (s.customerId() != null && !s.customerId().equals(own)) {
                return new PageResult<>(List.of(), paging.page(), paging.size(), 0);
            }
            s = new Search(s.statuses(), s.type(), own, s.assignee(), s.orderId());
        }
        return views.summaries(store.search(s, paging));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseView> find(String idOrNumber) {
        Actor actor = Actor.current();
        return store.find(idOrNumber)
                .filter(c -> visible(actor, c))
                .map(c -> views.view(c, store.messages(c.id), actor.isCustomer()));
    }

    @Override
    @Transactional
    public CaseView change(String idOrNumber, Change change) {
        Actor actor = Actor.current();
        if (actor.isCustomer()) {
            throw OrdoException.forbidden("A customer replies to its cases; staff change them.", List.of());
        }
        Change ch = change == null ? new Change(null, null, null) : change;
        List<FieldViolation> problems = new ArrayList<>();
        CaseStatus status = ch.status() == null ? null : enumValue(CaseStatus.class, "status", ch.status(), problems);
        CasePriority priority =
                ch.priority() == null ? null : enumValue(CasePriority.class, "priority", ch.priority(), problems);
        String assignee = ch.assignee() == null || ch.assignee().isBlank()
                ? null
                : ch.assignee().trim();
        if (assignee != null && !users.exists(assignee)) {
            problems.add(CaseRule.UNKNOWN_ASSIGNEE.at("assignee"));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        ServiceCase c = locked(actor, idOrNumber);
        ServiceCase.State before = c.state();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (status != null && status != c.status) {
            c.moveTo(status, now, properties.target(c.type).resolution());
        }
        if (priority != null) {
            c.priority = priority;
        }
        if (ch.assignee() != null) {
            c.assignee = assignee;
        }
        c.updatedAt = now;
        store.update(c);
        audit.record("CASE", c.id.toString(), "UPDATED", before, c.state());
        return views.view(c, store.messages(c.id), false);
    }

    @Override
    @Transactional
    public CaseView post(String idOrNumber, Post post) {
        Actor actor = Actor.current();
        Post p = post == null ? new Post(null, null) : post;
        List<FieldViolation> problems = new ArrayList<>();
        CaseMessageKind kind = kindOf(actor, p.kind(), problems);
        text(problems, "body", p.body(), MAX_BODY);
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        ServiceCase c = locked(actor, idOrNumber);
        String action = switch (kind) {
            case STAFF_REPLY -> "REPLIED";
            case CUSTOMER_REPLY -> c.status == CaseStatus.RESOLVED ? "REOPENED" : "CUSTOMER_REPLIED";
            case INTERNAL_NOTE -> "NOTE_ADDED";
        };
        Message message = addMessage(c, kind, p.body().trim(), actor.username(), action);
        if (kind == CaseMessageKind.STAFF_REPLY) {
            events.publishEvent(new CaseReplied(
                    c.id, c.number, c.customerId, message.id(), c.subject, message.body(), c.orderNumber));
        }
        return views.view(c, store.messages(c.id), actor.isCustomer());
    }

    /**
     * Adds a message under the case's lock: a closed case takes none; a staff reply is the first response and takes an
     * open case in progress; a customer's reply takes a case waiting on it, or resolved (a reopen), back in progress.
     */
    private Message addMessage(ServiceCase c, CaseMessageKind kind, String body, String author, String action) {
        if (c.status == CaseStatus.CLOSED) {
            throw new IllegalTransitionException(
                    c.status.thing(), c.number, c.status, CaseStatus.IN_PROGRESS, c.status.allowedNext());
        }
        ServiceCase.State before = c.state();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (kind == CaseMessageKind.STAFF_REPLY) {
            c.firstRespondedAt = c.firstRespondedAt == null ? now : c.firstRespondedAt;
            if (c.status == CaseStatus.OPEN) {
                c.moveTo(CaseStatus.IN_PROGRESS, now, properties.target(c.type).resolution());
            }
        } else if (kind == CaseMessageKind.CUSTOMER_REPLY
                && (c.status == CaseStatus.RESOLVED || c.status == CaseStatus.WAITING_ON_CUSTOMER)) {
            c.moveTo(CaseStatus.IN_PROGRESS, now, properties.target(c.type).resolution());
        }
        c.updatedAt = now;
        store.update(c);
        Message message = new Message(UUID.randomUUID(), kind, body, author, now);
        store.insertMessage(c.id, message);
        audit.record("CASE", c.id.toString(), action, before, Map.of("case", c.state(), "message", kind));
        return message;
    }

    private ServiceCase locked(Actor actor, String idOrNumber) {
        return store.lock(idOrNumber)
                .filter(c -> visible(actor, c))
                .orElseThrow(() -> OrdoException.notFound("Case", idOrNumber));
    }

    private static boolean visible(Actor actor, ServiceCase c) {
        return !actor.isCustomer() || c.customerId.equals(actor.customerId());
    }

    private static UUID own(Actor actor) {
        return actor.customerId() == null ? new UUID(0, 0) : actor.customerId();
    }

    /** A customer's own user opens cases for its customer only; staff name the customer. */
    private static UUID customerOf(Actor actor, UUID requested) {
        if (!actor.isCustomer()) {
            return requested;
        }
        if (requested != null && !requested.equals(actor.customerId())) {
            throw OrdoException.forbidden(
                    "A customer opens cases for itself only.",
                    List.of(new FieldViolation("customerId", "must be your own customer")));
        }
        return own(actor);
    }

    private static CaseMessageKind kindOf(Actor actor, String kind, List<FieldViolation> problems) {
        if (actor.isCustomer()) {
            if (kind != null && !kind.equals(CaseMessageKind.CUSTOMER_REPLY.name())) {
                problems.add(CaseRule.CUSTOMER_REPLY_ONLY.at("kind"));
            }
            return CaseMessageKind.CUSTOMER_REPLY;
        }
        if (kind == null) {
            return CaseMessageKind.STAFF_REPLY;
        }
        if (!kind.equals(CaseMessageKind.STAFF_REPLY.name()) && !kind.equals(CaseMessageKind.INTERNAL_NOTE.name())) {
            problems.add(CaseRule.STAFF_KIND_ONLY.at("kind"));
        }
        return CaseMessageKind.INTERNAL_NOTE.name().equals(kind)
                ? CaseMessageKind.INTERNAL_NOTE
                : CaseMessageKind.STAFF_REPLY;
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value, List<FieldViolation> problems) {
        if (value == null || value.isBlank()) {
            problems.add(CommonRule.REQUIRED.at(field));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            problems.add(CommonRule.ONE_OF.at(field, List.of(type.getEnumConstants())));
            return null;
        }
    }

    private static void text(List<FieldViolation> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(CommonRule.REQUIRED.at(field));
        } else if (value.trim().length() > max) {
            problems.add(CommonRule.TOO_LONG.at(field, max));
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
