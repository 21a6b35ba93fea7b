package org.ordo.orders;

import static java.util.Map.entry;
import static org.ordo.orders.OrderStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordo.testing.StateTables;

/** Every (from, to) pair of the order state table of docs/domain.md: legal ones succeed, illegal ones name the states. */
class OrderStatusTransitionTests {

    /** The table as docs/domain.md states it, written out independently of the enum. */
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
        return StateTables.everyPair(OrderStatus.class, DOMAIN_TABLE);
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void transitionFollowsTheStateTable(OrderStatus from, OrderStatus to, boolean legal) {
        StateTables.assertFollowsTable(from, to, legal, DOMAIN_TABLE);
    }
}
