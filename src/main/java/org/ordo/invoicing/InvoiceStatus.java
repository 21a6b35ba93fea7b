package org.ordo.invoicing;

import static java.util.Map.entry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ordo.shared.StateTable;
import org.ordo.shared.Transitions;

/** The states of an invoice (and of a credit note) and the one table of allowed transitions between them (docs/domain.md). */
public enum InvoiceStatus implements StateTable<InvoiceStatus> {
    /** Being prepared by hand: no number yet, not a claim. */
    DRAFT,
    /** Numbered and sent: a claim on the customer (a credit note: a reduction of one). */
    ISSUED,
    /** Issued, past its due date, and nothing paid yet. */
    OVERDUE,
    /** Part of the amount due has been paid. */
    PARTIALLY_PAID,
    /** Nothing is due any more. */
    PAID,
    /** Credit notes took back all of it before anything was paid: nothing is due, nothing was paid. */
    CREDITED,
    /** Cancelled before any payment; keeps its number, so the series stays gapless. */
    VOID;

    private static final Transitions<InvoiceStatus> TRANSITIONS = Transitions.of(
            "Invoice",
            InvoiceStatus.class,
            Map.ofEntries(
                    entry(DRAFT, List.of(ISSUED, VOID)),
                    entry(ISSUED, List.of(OVERDUE, PARTIALLY_PAID, PAID, CREDITED, VOID)),
                    // OVERDUE means nothing paid yet: once money arrives the invoice is partly or fully paid and can no
                    // longer be voided
                    entry(OVERDUE, List.of(PARTIALLY_PAID, PAID, CREDITED, VOID)),
                    entry(PARTIALLY_PAID, List.of(PAID, CREDITED)),
                    entry(PAID, List.of()),
                    entry(CREDITED, List.of()),
                    entry(VOID, List.of())));

    @Override
    public Transitions<InvoiceStatus> transitions() {
        return TRANSITIONS;
    }

    /** Counts as a claim (or, for a credit note, as a reduction of one): issued and not voided. */
    public boolean isIssued() {
        return this != DRAFT && this != VOID;
    }

    /** The states that {@link #isIssued count}, for queries. */
    public static List<InvoiceStatus> issuedStates() {
        return Arrays.stream(values()).filter(InvoiceStatus::isIssued).toList();
    }

    /** The states of an invoice that still waits for money (issued, not paid in full, not voided), for queries and lists. */
    public static List<InvoiceStatus> openStates() {
        return List.of(ISSUED, OVERDUE, PARTIALLY_PAID);
    }
}
