package org.ordo.fulfillment;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.fulfillment.ShipmentStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordo.testing.StateTables;

/** Every (from, to) pair of the shipment state table: legal ones succeed, illegal ones name the current and allowed states. */
class ShipmentStatusTransitionTests {

    /** The table of docs/domain.md, written out independently of the enum. */
    static final Map<ShipmentStatus, Set<ShipmentStatus>> DOMAIN_TABLE = Map.ofEntries(
            entry(PLANNED, EnumSet.of(PICKING, CANCELLED)),
            entry(PICKING, EnumSet.of(PACKED, CANCELLED)),
            entry(PACKED, EnumSet.of(SHIPPED, CANCELLED)),
            entry(SHIPPED, EnumSet.of(IN_TRANSIT, DELIVERED, EXCEPTION)),
            entry(IN_TRANSIT, EnumSet.of(DELIVERED, EXCEPTION)),
            entry(EXCEPTION, EnumSet.of(IN_TRANSIT, DELIVERED, RETURNED, LOST)),
            entry(DELIVERED, EnumSet.noneOf(ShipmentStatus.class)),
            entry(RETURNED, EnumSet.noneOf(ShipmentStatus.class)),
            entry(LOST, EnumSet.noneOf(ShipmentStatus.class)),
            entry(CANCELLED, EnumSet.noneOf(ShipmentStatus.class)));

    static Stream<Arguments> everyPair() {
        return StateTables.everyPair(ShipmentStatus.class, DOMAIN_TABLE);
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void transitionFollowsTheStateTable(ShipmentStatus from, ShipmentStatus to, boolean legal) {
        StateTables.assertFollowsTable(from, to, legal, DOMAIN_TABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void openAndShippedStatesDoNotOverlap(ShipmentStatus status) {
        assertThat(status.isOpen() && status.hasShipped()).isFalse();
        assertThat(status.isOpen()).isEqualTo(ShipmentStatus.openStates().contains(status));
        assertThat(status.hasShipped()).isEqualTo(ShipmentStatus.shippedStates().contains(status));
    }

    static Stream<ShipmentStatus> states() {
        return Stream.of(ShipmentStatus.values());
    }
}
