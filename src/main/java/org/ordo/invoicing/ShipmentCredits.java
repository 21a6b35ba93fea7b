package org.ordo.invoicing;

import java.util.UUID;
import org.ordo.shared.Money;

/**
 * The delivery desk's money remedy for a parcel in trouble, for the pages: the same rules, documents, audit and history
 * as {@code POST /api/shipments/{id}/credit}, with the current user as the actor. Refusals are
 * {@link org.ordo.shared.OrdoException}s naming the field ({@code mode}, {@code amount}, {@code reason}) or the state.
 */
public interface ShipmentCredits {

    /**
     * A credit note against the invoice that billed the shipment: the net {@code amount} (tax added as invoiced), or
     * when null the goods left to credit. {@code mode} {@code CREDIT} leaves it on the customer's account; {@code REFUND}
     * also pays back what the credit frees of money paid.
     */
    Credited credit(String shipmentIdOrNumber, String mode, Money amount, String reason);

    /** {@code refunded} is zero for a credit, or when the credit only lowered what was still owed. */
    record Credited(
            String shipmentNumber,
            String mode,
            String invoiceNumber,
            String creditNoteNumber,
            UUID creditNoteId,
            Money credited,
            Money refunded,
            String shipmentStatus) {}
}
