package org.ordo.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.invoicing.PaymentStatus.*;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordo.testing.StateTables;

/** Every (from, to) pair of payment states against the table, and the state the amounts mean. */
class PaymentStatusTransitionTests {

    private static final Map<PaymentStatus, Set<PaymentStatus>> EXPECTED = Map.of(
            RECEIVED, Set.of(ALLOCATED, REFUNDED),
            ALLOCATED, Set.of(RECEIVED),
            REFUNDED, Set.of(RECEIVED));

    static Stream<Arguments> pairs() {
        return StateTables.everyPair(PaymentStatus.class, EXPECTED);
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("pairs")
    void onlyTheTransitionsOfTheTableAreAllowed(PaymentStatus from, PaymentStatus to, boolean legal) {
        StateTables.assertFollowsTable(from, to, legal, EXPECTED);
    }

    @Test
    void theStateFollowsTheMoney() {
        assertThat(PaymentStatus.of(d("10"), d("0"), d("0"))).isEqualTo(RECEIVED);
        assertThat(PaymentStatus.of(d("10"), d("9.99"), d("0"))).isEqualTo(RECEIVED);
        assertThat(PaymentStatus.of(d("10"), d("10"), d("0"))).isEqualTo(ALLOCATED);
        assertThat(PaymentStatus.of(d("10"), d("6"), d("4"))).isEqualTo(REFUNDED);
        assertThat(PaymentStatus.of(d("10"), d("0"), d("4"))).isEqualTo(RECEIVED);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
