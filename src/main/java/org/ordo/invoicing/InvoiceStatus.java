package org.ordo.invoicing;

import org.ordo.shared.StateTable;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The states of an invoice (and of a credit note) and the one table of allowed transitions between them (DOMAIN.md). */
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
    /** Cancelled before any payment; keeps its number, so the series stays gapless. */
    VOID;

    private static final Map<InvoiceStatus, Set<InvoiceStatus>> ALLOWED = new EnumMap<>(InvoiceStatus.class);

    static {
        ALLOWED.put(DRAFT, EnumSet.of(ISSUED, VOID));
        ALLOWED.put(ISSUED, EnumSet.of(OVERDUE, PARTIALLY_PAID, PAID, VOID));
        // OVERDUE means nothing paid yet: once money arrives the invoice is partly or fully paid and can no longer be voided
        ALLOWED.put(OVERDUE, EnumSet.of(PARTIALLY_PAID, PAID, VOID));
        ALLOWED.put(PARTIALLY_PAID, EnumSet.of(PAID));
        ALLOWED.put(PAID, EnumSet.noneOf(InvoiceStatus.class));
        ALLOWED.put(VOID, EnumSet.noneOf(InvoiceStatus.class));
    }

    /** The states this one may move to, in declaration order. */
    @Override
    public List<InvoiceStatus> allowedNext() {
        return List.copyOf(ALLOWED.get(this));
    }

    @Override
    public String thing() {
        return "Invoice";
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
