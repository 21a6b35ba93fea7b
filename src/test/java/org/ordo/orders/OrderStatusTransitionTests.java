package org.ordo.orders;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordo.shared.IllegalTransitionException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ordo.orders.OrderStatus.*;

/** Every (from, to) pair of the order state table of DOMAIN.md: legal ones succeed, illegal ones name the states. */
class OrderStatusTransitionTests {

    /** The table as DOMAIN.md states it, written out independently of the enum. */
    static final Map<OrderStatus, Set<OrderStatus>> DOMAIN_TABLE = Map.ofEntries(
            entry(DRAFT, EnumSet.of(PLACED, CANCELLED)),
            entry(PLACED, EnumSet.of(CONFIRMED, ON_HOLD, CANCELLED)),
            entry(CONFIRMED, EnumSet.of(IN_FULFILLMENT, ON_HOLD, CANCELLED)),
            entry(ON_HOLD, EnumSet.of(PLACED, CANCELLED)),
            entry(IN_FULFILLMENT, EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, CANCELLED)),
            entry(PARTIALLY_SHIPPED, EnumSet.of(SHIPPED)),
            entry(SHIPPED, EnumSet.of(DELIVERED)),
            entry(DELIVERED, EnumSet.of(COMPLETED)),
            entry(COMPLETED, EnumSet.noneOf(OrderStatus.class)),
            entry(CANCELLED, EnumSet.noneOf(OrderStatus.class)));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                pairs.add(Arguments.of(from, to, DOMAIN_TABLE.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void transitionFollowsTheStateTable(OrderStatus from, OrderStatus to, boolean legal) {
        if (legal) {
            assertThat(from.canMoveTo(to)).isTrue();
            from.requireCanMoveTo(to);
        } else {
            assertThat(from.canMoveTo(to)).isFalse();
            assertThatThrownBy(() -> from.requireCanMoveTo(to))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.properties()).containsEntry("currentState", from.name()).containsEntry("targetState", to.name());
                        assertThat(e.properties().get("allowedStates"))
                                .isEqualTo(DOMAIN_TABLE.get(from).stream().map(Enum::name).toList());
                        assertThat(e.getMessage()).contains(from.name());
                    });
        }
    }
}
