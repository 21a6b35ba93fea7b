package org.ordo.quotations;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import org.ordo.shared.StateTable;
import org.ordo.shared.Transitions;

/** The states of a quotation and the one table of allowed transitions between them (docs/domain.md). */
public enum QuotationStatus implements StateTable<QuotationStatus> {
    /** Being written: its lines show today's prices and may change. */
    DRAFT,
    /** Sent to the customer: its prices are fixed until its validity date; a revision sends a new one. */
    SENT,
    /** The customer took it: it became an order at the quoted prices. */
    ACCEPTED,
    /** The customer said no. */
    DECLINED,
    /** Its validity date passed while it was sent. */
    EXPIRED;

    private static final Transitions<QuotationStatus> TRANSITIONS = Transitions.of(
            "Quotation",
            QuotationStatus.class,
            Map.ofEntries(
                    entry(DRAFT, List.of(SENT)),
                    entry(SENT, List.of(SENT, ACCEPTED, DECLINED, EXPIRED)),
                    entry(ACCEPTED, List.of()),
                    entry(DECLINED, List.of()),
                    entry(EXPIRED, List.of())));

    @Override
    public Transitions<QuotationStatus> transitions() {
        return TRANSITIONS;
    }
}
