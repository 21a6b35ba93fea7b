package org.ordo.intake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ordo.intake.DocumentStatus;
import org.ordo.intake.IntakeRule;
import org.ordo.intake.MailOrders;
import org.ordo.orders.OrderEntry;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.platform.Paging;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.IllegalTransitionException;
import org.ordo.shared.OrdoException;
import org.ordo.shared.RecordedTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps received documents with their drafts, saves a person's corrections and places a draft when told to. */
@Service
class IntakeService implements MailOrders {

    static final String CHANNEL = "EMAIL";
    static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final int MAX_PO_NUMBER = 100;

    private final IntakeStore store;
    private final DocumentReadingService reading;
    private final OrderEntry orders;
    private final Orders placedOrders;

    IntakeService(IntakeStore store, DocumentReadingService reading, OrderEntry orders, Orders placedOrders) {
        this.store = store;
        this.reading = reading;
        this.orders = orders;
        this.placedOrders = placedOrders;
    }

    @Override
    @Transactional
    public Draft receive(Incoming incoming) {
        checkFile(incoming);
        if (incoming.messageId() != null) {
            Optional<UUID> before = store.idOfMessage(incoming.messageId());
            if (before.isPresent()) {
                return store.find(before.get()).orElseThrow();
            }
        }
        DocumentReadingService.Reading r = reading.read(incoming);
        UUID id = UUID.randomUUID();
        String fileName = incoming.fileName() == null || incoming.fileName().isBlank()
                ? "purchase-order"
                : incoming.fileName().substring(Math.max(0, incoming.fileName().length() - 255));
        String contentType = DocumentReadingService.isPdf(incoming) ? "application/pdf" : "text/plain";
        Incoming kept = new Incoming(
                fileName, contentType, incoming.content(), incoming.sender(), incoming.subject(), incoming.messageId());
        String poNumber = r.poNumber() == null
                ? null
                : r.poNumber().substring(0, Math.min(MAX_PO_NUMBER, r.poNumber().length()));
        store.insert(new IntakeStore.Received(
                id, kept, r.text(), r.customerId(), r.customerFoundBy(), poNumber, r.note(), RecordedTime.now()));
        store.replaceLines(id, r.lines());
        return store.find(id).orElseThrow();
    }

    private static void checkFile(Incoming incoming) {
        if (incoming == null || incoming.content() == null || incoming.content().length == 0) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("file")));
        }
        if (incoming.content().length > MAX_BYTES) {
            throw OrdoException.invalid(List.of(CommonRule.AT_MOST.at("file", "10 MB")));
        }
    }

    @Override
    public List<Document> recent(int limit) {
        return store.recent(Math.max(1, Math.min(limit, 500)));
    }

    @Override
    public Optional<Draft> find(UUID id) {
        return store.find(id);
    }

    @Override
    public Optional<Attachment> file(UUID id) {
        return store.file(id);
    }

    @Override
    @Transactional
    public Draft save(UUID id, Correction correction) {
        DocumentStatus status = store.lock(id).orElseThrow(() -> OrdoException.notFound("document", id));
        if (status != DocumentStatus.DRAFT) {
            throw new IllegalTransitionException("document", status, DocumentStatus.DRAFT, List.of());
        }
        apply(id, correction);
        return store.find(id).orElseThrow();
    }

    @Override
    @Transactional
    public Draft place(UUID id, Correction correction, boolean evenIfPlacedBefore) {
        DocumentStatus status = store.lock(id).orElseThrow(() -> OrdoException.notFound("document", id));
        if (status == DocumentStatus.PLACED) {
            return store.find(id).orElseThrow();
        }
        if (status == DocumentStatus.DISCARDED) {
            throw new IllegalTransitionException(
                    "document", DocumentStatus.DISCARDED, DocumentStatus.PLACED, List.of());
        }
        apply(id, correction);
        Draft draft = store.find(id).orElseThrow();
        checkPlaceable(draft);
        Optional<EarlierOrder> earlier = earlierOrder(draft.document());
        if (earlier.isPresent() && !evenIfPlacedBefore) {
            throw OrdoException.invalid(List.of(
                    IntakeRule.PLACED_BEFORE.at("poNumber", earlier.get().number())));
        }
        OrderSnapshot order = orders.place(new OrderEntry.NewOrder(
                draft.document().customerId(),
                CHANNEL,
                draft.document().poNumber(),
                null,
                "E-mailed purchase order " + draft.document().fileName()
                        + earlier.map(o -> ", placed although order " + o.number() + " has the same PO number")
                                .orElse(""),
                draft.lines().stream()
                        .map(l -> new OrderEntry.NewLine(l.sku(), l.quantity()))
                        .toList()));
        store.decide(id, DocumentStatus.PLACED, order.id(), RecordedTime.now());
        return store.find(id).orElseThrow();
    }

    @Override
    public Optional<EarlierOrder> placedBefore(UUID id) {
        return store.find(id)
                .map(Draft::document)
                .filter(d -> d.status() != DocumentStatus.PLACED)
                .flatMap(this::earlierOrder);
    }

    /**
     * The customer's latest order with the document's PO number as external reference; the orders placed from other
     * documents are asked for too, should an order's reference ever differ from the PO number it was placed with.
     */
    private Optional<EarlierOrder> earlierOrder(Document document) {
        if (document.customerId() == null || document.poNumber() == null) {
            return Optional.empty();
        }
        Optional<EarlierOrder> byReference = placedOrders
                .search(
                        new Orders.Search(null, document.customerId(), null, null, null, document.poNumber()),
                        Paging.of(0, 100))
                .items()
                .stream()
                .filter(o -> document.poNumber().equals(o.externalReference()))
                .findFirst()
                .map(o -> new EarlierOrder(o.id(), o.number()));
        if (byReference.isPresent()) {
            return byReference;
        }
        List<UUID> fromDocuments = store.ordersPlacedFor(document.customerId(), document.poNumber(), document.id());
        return placedOrders.summaries(fromDocuments.stream().limit(1).toList()).stream()
                .findFirst()
                .map(o -> new EarlierOrder(o.id(), o.number()));
    }

    @Override
    @Transactional
    public Draft discard(UUID id) {
        DocumentStatus status = store.lock(id).orElseThrow(() -> OrdoException.notFound("document", id));
        if (status != DocumentStatus.DRAFT) {
            throw new IllegalTransitionException(
                    "document", status, DocumentStatus.DISCARDED, List.of(DocumentStatus.PLACED));
        }
        store.decide(id, DocumentStatus.DISCARDED, null, RecordedTime.now());
        return store.find(id).orElseThrow();
    }

    /** A person's lines replace the draft's; a line kept as it was keeps its confidence, a changed one is the person's. */
    private void apply(UUID id, Correction correction) {
        if (correction == null) {
            return;
        }
        Draft draft = store.find(id).orElseThrow();
        String poNumber = correction.poNumber() == null || correction.poNumber().isBlank()
                ? null
                : correction.poNumber().trim();
        if (poNumber != null && poNumber.length() > MAX_PO_NUMBER) {
            throw OrdoException.invalid(List.of(CommonRule.TOO_LONG.at("poNumber", MAX_PO_NUMBER)));
        }
        store.updateHeader(id, correction.customerId(), poNumber);
        if (correction.lines() == null) {
            return;
        }
        Map<Integer, Line> before =
                draft.lines().stream().collect(Collectors.toMap(Line::lineNumber, Function.identity()));
        List<Line> lines = new ArrayList<>();
        for (LineInput input : correction.lines()) {
            String sku = input.sku() == null || input.sku().isBlank()
                    ? null
                    : input.sku().trim();
            if (sku == null && input.quantity() == null) {
                continue;
            }
            Line was = input.lineNumber() == null ? null : before.get(input.lineNumber());
            boolean unchanged = was != null
                    && java.util.Objects.equals(was.sku(), sku)
                    && java.util.Objects.equals(was.quantity(), input.quantity());
            lines.add(new Line(
                    lines.size() + 1,
                    was == null ? "" : was.rawText(),
                    sku,
                    input.quantity(),
                    was == null ? null : was.unitPrice(),
                    unchanged ? was.confidence() : sku == null ? 0 : 1,
                    unchanged ? was.reason() : "PERSON"));
        }
        store.replaceLines(id, lines);
    }

    private static void checkPlaceable(Draft draft) {
        List<FieldViolation> invalid = new ArrayList<>();
        if (draft.document().customerId() == null) {
            invalid.add(IntakeRule.NO_CUSTOMER.at("customerId"));
        }
        if (draft.lines().isEmpty()) {
            invalid.add(IntakeRule.NO_LINES.at("lines"));
        }
        for (int i = 0; i < draft.lines().size(); i++) {
            Line l = draft.lines().get(i);
            if (l.sku() == null) {
                invalid.add(CommonRule.REQUIRED.at("lines[" + i + "].sku"));
            }
            if (l.quantity() == null || l.quantity() <= 0) {
                invalid.add(CommonRule.GREATER_THAN_ZERO.at("lines[" + i + "].quantity"));
            }
        }
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
    }
}
