package org.ordo.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Purchase orders received as documents: each is read into a draft order at once, and becomes an order only when a
 * person places it.
 */
public interface MailOrders {

    /** Why a line was matched as it was; PERSON for a line a person entered or corrected. */
    List<String> REASONS = List.of("CUSTOMER_CODE", "GTIN", "SKU", "NAME", "NONE", "PERSON");

    /** Lines matched less surely than this are shown as uncertain. */
    double CERTAIN = 0.85;

    /**
     * Keeps the document and reads it into a draft. A document that cannot be read (a scanned image, a broken file)
     * still becomes a draft, without lines, with a note saying why. A message id received before answers with the
     * draft made from it then.
     */
    Draft receive(Incoming incoming);

    /** The most recently received documents first. */
    List<Document> recent(int limit);

    Optional<Draft> find(UUID id);

    /** The document as received. */
    Optional<Attachment> file(UUID id);

    /** Saves a person's corrections of a draft. */
    Draft save(UUID id, Correction correction);

    /**
     * Saves the corrections and places the draft as an order (channel EMAIL, the PO number as external reference). A
     * draft placed before answers with that order again: a second click does not place twice. A PO number the customer
     * already has an order for ({@link #placedBefore}) is refused unless {@code evenIfPlacedBefore}: the same purchase
     * order sent twice must not become two orders without a person saying so.
     *
     * @throws org.ordo.shared.OrdoException invalid (400) without a customer or lines, with a PO number placed before
     *                                       ({@link IntakeRule#PLACED_BEFORE}), or what the placement refuses
     */
    Draft place(UUID id, Correction correction, boolean evenIfPlacedBefore);

    /** Places the draft unless its PO number was placed before for its customer. */
    default Draft place(UUID id, Correction correction) {
        return place(id, correction, false);
    }

    /**
     * The order the draft's customer already has with the draft's PO number as external reference (through any channel,
     * or placed from another document), the latest; empty for a draft without customer or PO number, or placed itself.
     */
    Optional<EarlierOrder> placedBefore(UUID id);

    /** Sets a draft aside; it can no longer be placed. */
    Draft discard(UUID id);

    /** {@code sender} (an e-mail address), {@code subject} and {@code messageId} may be null (an upload). */
    record Incoming(
            String fileName, String contentType, byte[] content, String sender, String subject, String messageId) {}

    /**
     * {@code customerId}, {@code poNumber}, {@code orderId} and {@code note} may be null; {@code note} is a code
     * (IMAGE_ONLY, UNREADABLE, NO_LINES) saying why a draft has no lines.
     */
    record Document(
            UUID id,
            String fileName,
            String contentType,
            String sender,
            String subject,
            DocumentStatus status,
            UUID customerId,
            String customerFoundBy,
            String poNumber,
            String note,
            UUID orderId,
            Instant receivedAt,
            int lines,
            int uncertainLines) {}

    /** A document with the text read from it and its draft lines. */
    record Draft(Document document, String text, List<Line> lines) {}

    /**
     * A draft line: {@code rawText} as read, {@code sku} and {@code quantity} null where nothing was found,
     * {@code unitPrice} as the document shows it (or null), {@code confidence} from 0 to 1 and the reason of the match.
     */
    record Line(
            int lineNumber,
            String rawText,
            String sku,
            Long quantity,
            String unitPrice,
            double confidence,
            String reason) {

        public boolean uncertain() {
            return sku == null || quantity == null || confidence < CERTAIN;
        }
    }

    /** What a person set: lines with a blank SKU and no quantity are dropped. */
    record Correction(UUID customerId, String poNumber, List<LineInput> lines) {}

    /** {@code lineNumber}: the draft line corrected, or null for a line the person added. */
    record LineInput(Integer lineNumber, String sku, Long quantity) {}

    record EarlierOrder(UUID orderId, String number) {}

    record Attachment(String fileName, String contentType, byte[] content) {}
}
