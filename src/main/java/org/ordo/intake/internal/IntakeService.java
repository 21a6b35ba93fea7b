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

    IntakeService(IntakeStore store, DocumentReadingService reading, OrderEntry orders) {
        this.store = store;
        this.reading = reading;
        this.orders = orders;
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
    public Draft place(UUID id, Correction correction) {
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
        OrderSnapshot order = orders.place(new OrderEntry.NewOrder(
                draft.document().customerId(),
                CHANNEL,
                draft.document().poNumber(),
                null,
                "E-mailed purchase order " + draft.document().fileName(),
                draft.lines().stream()
                        .map(l -> new OrderEntry.NewLine(l.sku(), l.quantity()))
                        .toList()));
        store.decide(id, DocumentStatus.PLACED, order.id(), RecordedTime.now());
        return store.find(id).orElseThrow();
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
