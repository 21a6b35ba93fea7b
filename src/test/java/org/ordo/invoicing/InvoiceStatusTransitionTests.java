package org.ordo.invoicing;

import static org.ordo.invoicing.InvoiceStatus.*;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordo.testing.StateTables;

/** Every (from, to) pair of invoice states against the table docs/domain.md describes. */
class InvoiceStatusTransitionTests {

    private static final Map<InvoiceStatus, Set<InvoiceStatus>> EXPECTED = Map.of(
            DRAFT, Set.of(ISSUED, VOID),
            ISSUED, Set.of(OVERDUE, PARTIALLY_PAID, PAID, CREDITED, VOID),
            OVERDUE, Set.of(PARTIALLY_PAID, PAID, CREDITED, VOID),
            PARTIALLY_PAID, Set.of(PAID, CREDITED),
            PAID, Set.of(),
            CREDITED, Set.of(),
            VOID, Set.of());

    static Stream<Arguments> pairs() {
        return StateTables.everyPair(InvoiceStatus.class, EXPECTED);
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("pairs")
    void onlyTheTransitionsOfTheTableAreAllowed(InvoiceStatus from, InvoiceStatus to, boolean legal) {
        StateTables.assertFollowsTable(from, to, legal, EXPECTED);
    }
}
