package org.ordo.service;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import org.ordo.shared.StateTable;
import org.ordo.shared.Transitions;

/** The states of a service case and the one table of allowed transitions between them (docs/domain.md). */
public enum CaseStatus implements StateTable<CaseStatus> {
    /** Raised; nobody has worked on it yet. */
    OPEN,
    /** Someone works on it. */
    IN_PROGRESS,
    /** Asked the customer something; the case waits for the answer. */
    WAITING_ON_CUSTOMER,
    /** Answered or fixed; a reply of the customer reopens it. */
    RESOLVED,
    /** Done: nothing more happens to it. */
    CLOSED;

    private static final Transitions<CaseStatus> TRANSITIONS = Transitions.of(
            "Case",
            CaseStatus.class,
            Map.ofEntries(
                    entry(OPEN, List.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED)),
                    entry(IN_PROGRESS, List.of(WAITING_ON_CUSTOMER, RESOLVED)),
                    entry(WAITING_ON_CUSTOMER, List.of(IN_PROGRESS, RESOLVED)),
                    entry(RESOLVED, List.of(IN_PROGRESS, CLOSED)),
                    entry(CLOSED, List.of())));

    @Override
    public Transitions<CaseStatus> transitions() {
        return TRANSITIONS;
    }

    /** Not yet resolved: its targets still run. */
    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS || this == WAITING_ON_CUSTOMER;
    }

    /** The states whose targets still run, for queries. */
    public static List<CaseStatus> openStates() {
        return List.of(OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER);
    }
}
