package org.ordo.invoicing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ordo.fulfillment.DeliveryDesk;
import org.ordo.invoicing.CustomerAccounts;
import org.ordo.invoicing.PaymentRule;
import org.ordo.invoicing.ShipmentCredits;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery desk's money remedies for a parcel in trouble: a credit note against the invoice that billed the
 * shipment (its goods left to credit, or a net amount), and for a REFUND the money the credit frees of what was paid,
 * paid back from the customer's account as {@code POST /api/payments/{id}/refunds} does. The shipment's history and
 * audit record it; a parcel lost or damaged is written off and closed (see {@link DeliveryDesk#recordRemedy}).
 */
@Component
class DeliveryCreditService implements ShipmentCredits {

    /** Credit stays on the customer's account; refund pays the freed money back. */
    enum Mode {
        CREDIT,
        REFUND
    }

    /** {@code amount} is net (tax is added as the invoice charged it); null credits the goods left to credit. */
    record ShipmentCredit(String mode, Money amount, String reason) {}

    private final InvoiceStore store;
    private final InvoiceService invoices;
    private final CustomerAccounts accounts;
    private final DeliveryDesk desk;

    DeliveryCreditService(InvoiceStore store, InvoiceService invoices, CustomerAccounts accounts, DeliveryDesk desk) {
        this.store = store;
        this.invoices = invoices;
        this.accounts = accounts;
        this.desk = desk;
    }

    @Override
    @Transactional
    public Credited credit(String shipmentIdOrNumber, String mode, Money amount, String reason) {
        return credit(shipmentIdOrNumber, new ShipmentCredit(mode, amount, reason));
    }

    @Transactional
    Credited credit(String shipmentIdOrNumber, ShipmentCredit request) {
        Mode mode = check(request);
        String reason = request.reason().trim();
        DeliveryDesk.Parcel parcel = desk.lockOnDesk(shipmentIdOrNumber);
        Invoice invoice = store.idOfSource("SHIPMENT:" + parcel.id())
                .flatMap(store::find)
                .orElseThrow(() -> OrdoException.conflict(
                        "shipment-not-invoiced",
                        "Shipment " + parcel.number() + " has no invoice to credit; its order is billed otherwise."));
        if (mode == Mode.REFUND && invoice.amountPaid().amount().signum() <= 0) {
            throw OrdoException.rule(
                    "nothing-paid-to-refund",
                    "Invoice " + invoice.number() + " is not paid: there is nothing to refund, credit it instead.",
                    List.of(PaymentRule.NOTHING_PAID_TO_REFUND.at("mode", invoice.number())));
        }
        Money onAccountBefore = onAccount(invoice);
        Invoice note = issue(invoice, request.amount(), "Shipment " + parcel.number() + ": " + reason);
        Money credited =
                Money.zero(note.totals().total().currency()).minus(note.totals().total());
        Money refunded = Money.zero(credited.currency());
        if (mode == Mode.REFUND) {
            Money freed = onAccount(invoice).minus(onAccountBefore);
            if (freed.amount().signum() > 0) {
                refunded = accounts.refundOnAccount(invoice.customerId(), freed, "Shipment " + parcel.number());
            }
        }
        String detail = note.number() + " over " + credited + (mode == Mode.REFUND ? ", refunded " + refunded : "");
        DeliveryDesk.Parcel after =
                desk.recordRemedy(parcel.id(), mode == Mode.REFUND ? "REFUNDED" : "CREDITED", detail, reason);
        return new Credited(
                parcel.number(),
                mode.name(),
                invoice.number(),
                note.number(),
                note.id(),
                credited,
                refunded,
                after.status().name());
    }

    /** Every problem of the request at once; the mode it names. */
    private static Mode check(ShipmentCredit request) {
        List<FieldViolation> invalid = new ArrayList<>();
        if (request == null) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("mode"), CommonRule.REQUIRED.at("reason")));
        }
        Mode mode = null;
        try {
            mode = request.mode() == null ? null : Mode.valueOf(request.mode());
        } catch (IllegalArgumentException unknown) {
            invalid.add(CommonRule.ONE_OF.at("mode", List.of(Mode.values())));
        }
        if (request.mode() == null) {
            invalid.add(CommonRule.ONE_OF.at("mode", List.of(Mode.values())));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            invalid.add(CommonRule.REQUIRED.at("reason"));
        } else if (request.reason().trim().length() > 400) {
            invalid.add(CommonRule.TOO_LONG.at("reason", 400));
        }
        if (request.amount() != null && request.amount().amount().signum() <= 0) {
            invalid.add(CommonRule.GREATER_THAN_ZERO.at("amount"));
        }
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        return mode;
    }

    /** The credit note: the amount, else every goods line's quantity left to credit. */
    private Invoice issue(Invoice invoice, Money amount, String reason) {
        List<InvoiceService.CreditLine> lines = null;
        if (amount == null) {
            Map<Integer, Long> credited = store.creditedQuantities(invoice.id());
            lines = invoice.lines().stream()
                    .filter(l -> l.orderLineNumber() != null)
                    .filter(l -> l.quantity() > credited.getOrDefault(l.lineNumber(), 0L))
                    .map(l -> new InvoiceService.CreditLine(
                            l.lineNumber(), l.quantity() - credited.getOrDefault(l.lineNumber(), 0L)))
                    .toList();
            if (lines.isEmpty()) {
                throw exceeds(invoice);
            }
        }
        try {
            return invoices.creditNote(
                    invoice.id().toString(), new InvoiceService.CreditNoteRequest(lines, amount, reason));
        } catch (OrdoException refused) {
            if ("credit-exceeds-invoice".equals(refused.errorCode())) {
                throw exceeds(invoice);
            }
            throw refused;
        }
    }

    private static OrdoException exceeds(Invoice invoice) {
        Money left = invoice.totals().total().minus(invoice.amountCredited());
        return OrdoException.rule(
                "credit-exceeds-invoice",
                "Invoice " + invoice.number() + " has " + left + " left to credit.",
                List.of(PaymentRule.CREDIT_EXCEEDS_INVOICE.at("amount", left, invoice.number())));
    }

    private Money onAccount(Invoice invoice) {
        return accounts.balances(invoice.customerId()).stream()
                .filter(b -> b.currency().equals(invoice.currency()))
                .map(CustomerAccounts.Balance::onAccount)
                .findFirst()
                .orElse(Money.zero(Money.currency(invoice.currency())));
    }
}
