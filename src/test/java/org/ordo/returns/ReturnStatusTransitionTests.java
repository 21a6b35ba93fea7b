package org.ordo.returns;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.returns.ReturnStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordo.testing.StateTables;

/** Every (from, to) pair of the return state table of docs/domain.md: legal ones succeed, illegal ones name the states. */
class ReturnStatusTransitionTests {

    /** The table as docs/domain.md states it, written out independently of the enum. */
    static final Map<ReturnStatus, Set<ReturnStatus>> DOMAIN_TABLE = Map.ofEntries(
            entry(REQUESTED, EnumSet.of(APPROVED, REJECTED)),
            entry(APPROVED, EnumSet.of(RECEIVED, REJECTED)),
            entry(RECEIVED, EnumSet.of(INSPECTED)),
            entry(INSPECTED, EnumSet.of(REFUNDED, REPLACED, CREDITED)),
            entry(REFUNDED, EnumSet.of(CLOSED)),
            entry(REPLACED, EnumSet.of(CLOSED)),
            entry(CREDITED, EnumSet.of(CLOSED)),
            entry(CLOSED, EnumSet.noneOf(ReturnStatus.class)),
            entry(REJECTED, EnumSet.noneOf(ReturnStatus.class)));

    static Stream<Arguments> everyPair() {
        return StateTables.everyPair(ReturnStatus.class, DOMAIN_TABLE);
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void transitionFollowsTheStateTable(ReturnStatus from, ReturnStatus to, boolean legal) {
        StateTables.assertFollowsTable(from, to, legal, DOMAIN_TABLE);
    }

    @ParameterizedTest(name = "{0} is reached by {1}")
    @MethodSource("resolutions")
    void eachResolutionEndsInItsOwnStateFromInspected(Resolution resolution, ReturnStatus outcome) {
        assertThat(resolution.outcome()).isEqualTo(outcome);
        assertThat(INSPECTED.canMoveTo(outcome)).isTrue();
        assertThat(outcome.canMoveTo(CLOSED)).isTrue();
    }

    static Stream<Arguments> resolutions() {
        return Stream.of(
                Arguments.of(Resolution.REFUND, REFUNDED),
                Arguments.of(Resolution.REPLACE, REPLACED),
                Arguments.of(Resolution.CREDIT, CREDITED));
    }
}
