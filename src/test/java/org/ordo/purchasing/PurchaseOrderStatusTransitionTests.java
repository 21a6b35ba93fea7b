package org.ordo.purchasing;

import static java.util.Map.entry;
import static org.ordo.purchasing.PurchaseOrderStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordo.testing.StateTables;

/** Every (from, to) pair of the purchase order table of docs/domain.md: legal ones succeed, illegal ones name the states. */
class PurchaseOrderStatusTransitionTests {

    /** The table as docs/domain.md states it, written out independently of the enum. */
    static final Map<PurchaseOrderStatus, Set<PurchaseOrderStatus>> DOMAIN_TABLE = Map.ofEntries(
            entry(DRAFT, EnumSet.of(SENT, CANCELLED)),
            entry(SENT, EnumSet.of(CONFIRMED, PARTIALLY_RECEIVED, RECEIVED, CANCELLED)),
            entry(CONFIRMED, EnumSet.of(CONFIRMED, PARTIALLY_RECEIVED, RECEIVED, CANCELLED)),
            entry(PARTIALLY_RECEIVED, EnumSet.of(PARTIALLY_RECEIVED, RECEIVED, CLOSED)),
            entry(RECEIVED, EnumSet.of(CLOSED)),
            entry(CLOSED, EnumSet.noneOf(PurchaseOrderStatus.class)),
            entry(CANCELLED, EnumSet.noneOf(PurchaseOrderStatus.class)));

    static Stream<Arguments> everyPair() {
        return StateTables.everyPair(PurchaseOrderStatus.class, DOMAIN_TABLE);
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void transitionFollowsTheStateTable(PurchaseOrderStatus from, PurchaseOrderStatus to, boolean legal) {
        StateTables.assertFollowsTable(from, to, legal, DOMAIN_TABLE);
    }
}
