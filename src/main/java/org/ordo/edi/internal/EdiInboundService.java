package org.ordo.edi.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordo.edi.EdiInterchanges;
import org.ordo.edi.TradingPartners;
import org.ordo.identity.Actor;
import org.ordo.shared.OrdoException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Receives interchanges: stores each as received, rejects one with syntax errors as a whole, acknowledges it (997,
 * CONTRL), and has every purchase order in it placed or kept, answering each with an 855 or ORDRSP. Each order is
 * placed in its own transaction by the order placement, so a failure of one leaves the others and nothing half made.
 */
@Service
class EdiInboundService implements EdiInterchanges {

    private final EdiParser parser;
    private final PurchaseOrderReader reader;
    private final EdiOrderService purchaseOrders;
    private final InterchangeStore store;
    private final TradingPartnerStore partners;
    private final TradingPartners partnerService;
    private final AcknowledgementRenderer acknowledgements;
    private final OrderResponseRenderer responses;

    EdiInboundService(
            EdiParser parser,
            PurchaseOrderReader reader,
            EdiOrderService purchaseOrders,
            InterchangeStore store,
            TradingPartnerStore partners,
            TradingPartners partnerService,
            @Value("${ordo.edi.qualifier:ZZ}") String qualifier,
            @Value("${ordo.edi.id:ORDO}") String id) {
        this.parser = parser;
        this.reader = reader;
        this.purchaseOrders = purchaseOrders;
        this.store = store;
        this.partners = partners;
        this.partnerService = partnerService;
        AcknowledgementRenderer.OurId our = new AcknowledgementRenderer.OurId(qualifier, id);
        this.acknowledgements = new AcknowledgementRenderer(our, store::nextControlNumber);
        this.responses = new OrderResponseRenderer(our, store::nextControlNumber);
    }

    @Override
    public Receipt receive(String standard, String text) {
        EdiMessage message = parser.parse(text);
        List<EdiMessage.Problem> problems = new ArrayList<>(message.problems());
        if (message.standard() != null && !message.standard().equals(standard)) {
            problems.add(
                    0,
                    new EdiMessage.Problem(
                            null,
                            null,
                            0,
                            0,
                            0,
                            "WRONG_STANDARD",
                            "The content type says " + standard + ", the file is " + message.standard() + "."));
        }
        EdiMessage.Envelope envelope = message.envelope();
        if (envelope != null) {
            Optional<UUID> earlier = store.earlier(standard, envelope.senderId(), envelope.controlNumber());
            if (earlier.isPresent()) {
                return receipt(earlier.get(), true);
            }
        }
        Optional<TradingPartners.Partner> partner =
                envelope == null ? Optional.empty() : partners.bySender(standard, envelope.senderId());
        UUID id = UUID.randomUUID();
        String status = problems.isEmpty() ? "RECEIVED" : "REJECTED";
        List<String> errors =
                problems.stream().map(EdiMessage.Problem::toString).toList();
        try {
            store.insert(new InterchangeStore.Received(
                    id,
                    standard,
                    partner.map(TradingPartners.Partner::id).orElse(null),
                    envelope,
                    status,
                    text,
                    errors,
                    Instant.now(),
                    Actor.current().username()));
        } catch (DuplicateKeyException sentTwiceAtOnce) {
            return receipt(
                    store.earlier(standard, envelope.senderId(), envelope.controlNumber())
                            .orElseThrow(),
                    true);
        }
        if (problems.isEmpty()) {
            accept(id, message, partner);
        } else {
            reject(id, message, problems);
        }
        return receipt(id, false);
    }

    private void reject(UUID id, EdiMessage message, List<EdiMessage.Problem> problems) {
        if (message.envelope() == null) {
            return; // nothing names a sender to answer
        }
        List<EdiMessage.Problem> envelopeProblems =
                problems.stream().filter(p -> p.transaction() == null).toList();
        List<AcknowledgementRenderer.Verdict> verdicts = message.transactions().stream()
                .map(t -> new AcknowledgementRenderer.Verdict(
                        t,
                        false,
                        true,
                        problems.stream()
                                .filter(p -> t.controlNumber().equals(p.transaction()))
                                .toList()))
                .toList();
        sendAcknowledgement(id, message, verdicts, envelopeProblems);
    }

    private void accept(UUID id, EdiMessage message, Optional<TradingPartners.Partner> partner) {
        List<AcknowledgementRenderer.Verdict> verdicts = new ArrayList<>();
        for (EdiMessage.Transaction t : message.transactions()) {
            boolean order = reader.isOrder(t);
            verdicts.add(new AcknowledgementRenderer.Verdict(t, order, order, List.of()));
        }
        sendAcknowledgement(id, message, verdicts, List.of());
        List<EdiMessage.Transaction> transactions = message.transactions();
        for (int i = 0; i < transactions.size(); i++) {
            EdiMessage.Transaction t = transactions.get(i);
            if (!reader.isOrder(t)) {
                store.insertDocument(
                        id,
                        "IN",
                        t.type(),
                        i + 1,
                        t.controlNumber(),
                        null,
                        "IGNORED",
                        null,
                        List.of("Ordo takes purchase orders (850, ORDERS) only, not " + t.type() + "."));
                continue;
            }
            PurchaseOrder po = reader.read(t, i + 1);
            UUID document = store.insertDocument(
                    id, "IN", t.type(), i + 1, t.controlNumber(), po.number(), "ATTENTION", null, List.of());
            process(message, po, document, partner);
        }
        store.status(id, InterchangeStatus.of(store.inboundStatuses(id)));
    }

    private void sendAcknowledgement(
            UUID id,
            EdiMessage message,
            List<AcknowledgementRenderer.Verdict> verdicts,
            List<EdiMessage.Problem> envelopeProblems) {
        String ack = acknowledgements.acknowledge(message, verdicts, envelopeProblems);
        String kind = "X12".equals(message.standard()) ? "997" : "CONTRL";
        store.insertDocument(id, "OUT", kind, null, null, message.envelope().controlNumber(), "SENT", ack, List.of());
    }

    private void process(
            EdiMessage message, PurchaseOrder po, UUID document, Optional<TradingPartners.Partner> partner) {
        Map<String, String> items = partner.map(p -> partners.items(p.id())).orElse(Map.of());
        EdiOrderService.Outcome outcome = purchaseOrders.process(po, partner, items);
        store.documentOutcome(document, outcome.status(), outcome.orderId(), outcome.errors());
        store.lines(document, outcome.rows());
        UUID interchangeId = store.origin(document).orElseThrow().interchangeId();
        String response = responses.respond(message, po, outcome.placed(), outcome.lines());
        String kind = "X12".equals(message.standard()) ? "855" : "ORDRSP";
        store.insertDocument(interchangeId, "OUT", kind, null, null, po.number(), "SENT", response, List.of());
    }

    @Override
    public Interchange process(UUID documentId) {
        InterchangeStore.Origin origin =
                store.origin(documentId).orElseThrow(() -> OrdoException.notFound("EDI document", documentId));
        if (!"ATTENTION".equals(origin.status())) {
            throw OrdoException.conflict(
                    "edi-not-waiting", "Only a purchase order that waits for a person is processed again.");
        }
        Interchange interchange = store.find(origin.interchangeId()).orElseThrow();
        EdiMessage message = parser.parse(interchange.raw());
        EdiMessage.Transaction t = message.transactions().get(origin.position() - 1);
        Optional<TradingPartners.Partner> partner = partners.bySender(interchange.standard(), interchange.senderId());
        partner.ifPresent(p -> store.partner(interchange.id(), p.id()));
        process(message, reader.read(t, origin.position()), documentId, partner);
        store.status(interchange.id(), InterchangeStatus.of(store.inboundStatuses(interchange.id())));
        return store.find(interchange.id()).orElseThrow();
    }

    @Override
    public Interchange mapItemAndProcess(UUID documentId, int lineNumber, String sku) {
        InterchangeStore.Origin origin =
                store.origin(documentId).orElseThrow(() -> OrdoException.notFound("EDI document", documentId));
        Interchange interchange = store.find(origin.interchangeId()).orElseThrow();
        TradingPartners.Partner partner = partners.bySender(interchange.standard(), interchange.senderId())
                .orElseThrow(() -> OrdoException.conflict(
                        "edi-unknown-partner", "Create the trading partner first: no partner sends with this id."));
        Line line = interchange.documents().stream()
                .filter(d -> d.id().equals(documentId))
                .flatMap(d -> d.lines().stream())
                .filter(l -> l.lineNumber() == lineNumber && l.itemCode() != null)
                .findFirst()
                .orElseThrow(() -> OrdoException.notFound("Line", lineNumber));
        partnerService.mapItem(partner.id(), line.itemCode(), sku);
        return process(documentId);
    }

    @Override
    public Interchange reprocess(UUID interchangeId, List<TradingPartners.ItemCode> itemCodes) {
        Interchange interchange =
                store.find(interchangeId).orElseThrow(() -> OrdoException.notFound("Interchange", interchangeId));
        List<UUID> waiting = interchange.documents().stream()
                .filter(d -> "IN".equals(d.direction()) && "ATTENTION".equals(d.status()))
                .map(Document::id)
                .toList();
        if (waiting.isEmpty()) {
            throw OrdoException.conflict(
                    "edi-not-waiting", "No purchase order of this interchange waits for a person.");
        }
        if (itemCodes != null && !itemCodes.isEmpty()) {
            TradingPartners.Partner partner = partners.bySender(interchange.standard(), interchange.senderId())
                    .orElseThrow(() -> OrdoException.conflict(
                            "edi-unknown-partner", "Create the trading partner first: no partner sends with this id."));
            partnerService.mapItems(partner.id(), itemCodes);
        }
        waiting.forEach(this::process);
        return store.find(interchangeId).orElseThrow();
    }

    @Override
    public List<Summary> recent(int limit) {
        return store.recent(limit);
    }

    @Override
    public Optional<Interchange> find(UUID id) {
        return store.find(id);
    }

    private Receipt receipt(UUID id, boolean duplicate) {
        Interchange interchange = store.find(id).orElseThrow();
        return new Receipt(
                id, interchange.status(), duplicate, store.acknowledgement(id).orElse(null), interchange.errors());
    }
}
