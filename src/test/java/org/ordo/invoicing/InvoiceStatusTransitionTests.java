package org.ordo.invoicing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordo.shared.IllegalTransitionException;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ordo.invoicing.InvoiceStatus.*;

/** Every (from, to) pair of invoice states against the table DOMAIN.md describes. */
class InvoiceStatusTransitionTests {

    private static final Map<InvoiceStatus, Set<InvoiceStatus>> EXPECTED = Map.of(
            DRAFT, Set.of(ISSUED, VOID),
            ISSUED, Set.of(OVERDUE, PARTIALLY_PAID, PAID, VOID),
            OVERDUE, Set.of(PARTIALLY_PAID, PAID, VOID),
            PARTIALLY_PAID, Set.of(PAID),
            PAID, Set.of(),
            VOID, Set.of());

    static Stream<Arguments> pairs() {
        return Arrays.stream(InvoiceStatus.values()).flatMap(from -> Arrays.stream(InvoiceStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void onlyTheTransitionsOfTheTableAreAllowed(InvoiceStatus from, InvoiceStatus to) {
        boolean allowed = EXPECTED.get(from).contains(to);
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        if (allowed) {
            assertThatCode(() -> from.requireCanMoveTo(to)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> from.requireCanMoveTo(to))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.properties()).containsEntry("currentState", from.name()).containsEntry("targetState", to.name());
                        assertThat(e.getMessage()).contains(from.name());
                    });
        }
    }
}
