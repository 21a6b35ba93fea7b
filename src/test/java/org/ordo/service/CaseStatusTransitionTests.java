package org.ordo.service;

import static java.util.Map.entry;
import static org.ordo.service.CaseStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordo.testing.StateTables;

/** Every (from, to) pair of the case state table of docs/domain.md: legal ones succeed, illegal ones name the states. */
class CaseStatusTransitionTests {

    /** The table as docs/domain.md states it, written out independently of the enum. */
    static final Map<CaseStatus, Set<CaseStatus>> DOMAIN_TABLE = Map.ofEntries(
            entry(OPEN, EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED)),
            entry(IN_PROGRESS, EnumSet.of(WAITING_ON_CUSTOMER, RESOLVED)),
            entry(WAITING_ON_CUSTOMER, EnumSet.of(IN_PROGRESS, RESOLVED)),
            entry(RESOLVED, EnumSet.of(IN_PROGRESS, CLOSED)),
            entry(CLOSED, EnumSet.noneOf(CaseStatus.class)));

    static Stream<Arguments> everyPair() {
        return StateTables.everyPair(CaseStatus.class, DOMAIN_TABLE);
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void transitionFollowsTheStateTable(CaseStatus from, CaseStatus to, boolean legal) {
        StateTables.assertFollowsTable(from, to, legal, DOMAIN_TABLE);
    }
}
