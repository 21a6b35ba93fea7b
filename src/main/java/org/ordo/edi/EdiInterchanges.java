package org.ordo.edi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Interchanges received from trading partners, with the documents read from them and sent back: for the EDI API and
 * the EDI pages.
 */
public interface EdiInterchanges {

    /** The standards Ordo reads; the content types of {@code POST /api/edi/inbound} name them. */
    List<String> STANDARDS = List.of("X12", "EDIFACT");

    /**
     * Stores an interchange as received and processes it: every purchase order in it becomes an order or waits for a
     * person; a file with syntax errors is rejected as a whole. A re-sent interchange (same sender and control number)
     * changes nothing and is answered with its first receipt, {@code duplicate} set.
     */
    Receipt receive(String standard, String text);

    /** The newest interchanges first, at most {@code limit}. */
    List<Summary> recent(int limit);

    Optional<Interchange> find(UUID id);

    /**
     * Maps the partner's item code of a rejected line to {@code sku} (among the partner's item codes) and processes the
     * line's purchase order again.
     */
    Interchange mapItemAndProcess(UUID documentId, int lineNumber, String sku);

    /** Processes a purchase order that waits for a person again, as it is now mapped. */
    Interchange process(UUID documentId);

    /**
     * Maps {@code itemCodes} (may be empty) among the sending partner's item codes, then processes every purchase order
     * of the interchange that waits for a person again. Refused when none waits.
     */
    Interchange reprocess(UUID interchangeId, List<TradingPartners.ItemCode> itemCodes);

    /**
     * What became of an interchange: ACCEPTED (every document taken), PARTIAL (some wait for a person or were not
     * taken), ATTENTION (nothing placed, something waits), REJECTED (syntax errors: nothing taken).
     */
    record Receipt(UUID id, String status, boolean duplicate, String acknowledgement, List<String> errors) {}

    record Summary(
            UUID id,
            String standard,
            String partner,
            String senderId,
            String controlNumber,
            String status,
            Instant receivedAt,
            int documents) {}

    record Interchange(
            UUID id,
            String standard,
            UUID partnerId,
            String partner,
            String senderQualifier,
            String senderId,
            String receiverId,
            String controlNumber,
            String status,
            Instant receivedAt,
            String receivedBy,
            String raw,
            List<String> errors,
            List<Document> documents) {}

    /**
     * A document of an interchange. IN: a purchase order (850, ORDERS) or a transaction Ordo does not take; OUT: an
     * acknowledgement (997, CONTRL) or an order response (855, ORDRSP), or, sent later for the order placed from it, a
     * ship notice (856, DESADV; {@code reference} the shipment number) or an invoice (810, INVOIC; the invoice number),
     * each with its raw text.
     */
    record Document(
            UUID id,
            String direction,
            String kind,
            String controlNumber,
            String reference,
            String status,
            UUID orderId,
            String raw,
            List<String> errors,
            List<Line> lines,
            Instant createdAt) {}

    /** A purchase order's line as sent ({@code qualifier}, {@code itemCode}) and what Ordo made of it. */
    record Line(
            int lineNumber,
            String partnerLine,
            String qualifier,
            String itemCode,
            long quantity,
            String sku,
            String status,
            String error) {}
}
