package org.ordo.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.ordo.shared.IllegalTransitionException;
import org.ordo.shared.StateTable;

/**
 * Checks a status enum against its state table as the domain states it, written out in the test independently of
 * the enum: every (from, to) pair, legal ones allowed, illegal ones refused with the 409 problem's properties.
 */
public final class StateTables {

    private StateTables() {}

    /** Arguments (from, to, legal) for every pair of states. */
    public static <S extends Enum<S> & StateTable<S>> Stream<Arguments> everyPair(Class<S> type, Map<S, Set<S>> table) {
        List<Arguments> pairs = new ArrayList<>();
        for (S from : type.getEnumConstants()) {
            for (S to : type.getEnumConstants()) {
                pairs.add(Arguments.of(from, to, table.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    public static <S extends Enum<S> & StateTable<S>> void assertFollowsTable(
            S from, S to, boolean legal, Map<S, Set<S>> table) {
        if (legal) {
            assertThat(from.canMoveTo(to)).isTrue();
            from.requireCanMoveTo(to);
            return;
        }
        assertThat(from.canMoveTo(to)).isFalse();
        assertThatThrownBy(() -> from.requireCanMoveTo(to))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.properties())
                            .containsEntry("currentState", from.name())
                            .containsEntry("targetState", to.name());
                    assertThat(e.properties().get("allowedStates"))
                            .isEqualTo(table.get(from).stream()
                                    .sorted()
                                    .map(Enum::name)
                                    .toList());
                    assertThat(e.getMessage())
                            .contains(IllegalTransitionException.words(from))
                            .doesNotContain(from.name() + " ");
                });
    }
}
