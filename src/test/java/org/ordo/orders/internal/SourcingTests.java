package org.ordo.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordo.inventory.StockPosition;

class SourcingTests {

    private static Sourcing.LinePlan plan(
            List<StockPosition> stock, Map<String, Long> claimed, String preferred, long quantity) {
        return new Sourcing(stock, claimed, preferred)
                .plan(List.of(new Sourcing.Demand(1, "A", quantity)))
                .get(0);
    }

    @Test
    void wholeLineComesFromThePreferredWarehouseWhenItCanServeIt() {
        var plan = plan(
                List.of(new StockPosition("A", "EAST", 10, 0), new StockPosition("A", "WEST", 50, 0)),
                Map.of(),
                "EAST",
                8);
        assertThat(plan.allocations()).containsExactly(new Sourcing.Allocation("EAST", 8));
        assertThat(plan.backordered()).isZero();
    }

    @Test
    void withoutPreferenceTheWarehouseWithMostStockServesTheWholeLine() {
        var plan = plan(
                List.of(new StockPosition("A", "EAST", 10, 0), new StockPosition("A", "WEST", 50, 5)),
                Map.of(),
                null,
                8);
        assertThat(plan.allocations()).containsExactly(new Sourcing.Allocation("WEST", 8));
    }

    @Test
    void oneWarehouseServingTheWholeLineBeatsSplittingEvenIfPreferredHasSome() {
        var plan = plan(
                List.of(new StockPosition("A", "EAST", 3, 0), new StockPosition("A", "WEST", 20, 0)),
                Map.of(),
                "EAST",
                8);
        assertThat(plan.allocations()).containsExactly(new Sourcing.Allocation("WEST", 8));
    }

    @Test
    void lineIsSplitWhenNoWarehouseHasEnoughPreferredFirst() {
        var plan = plan(
                List.of(new StockPosition("A", "EAST", 6, 0), new StockPosition("A", "WEST", 7, 0)),
                Map.of(),
                "EAST",
                10);
        assertThat(plan.allocations())
                .containsExactly(new Sourcing.Allocation("EAST", 6), new Sourcing.Allocation("WEST", 4));
        assertThat(plan.backordered()).isZero();
    }

    @Test
    void whatNoWarehouseHasIsBackordered() {
        var plan = plan(
                List.of(new StockPosition("A", "EAST", 6, 2), new StockPosition("A", "WEST", 3, 0)),
                Map.of(),
                null,
                10);
        assertThat(plan.reserved()).isEqualTo(7);
        assertThat(plan.backordered()).isEqualTo(3);
    }

    @Test
    void stockWaitedForByOlderBackordersIsNotTakenByNewOrders() {
        var plan = plan(List.of(new StockPosition("A", "EAST", 10, 0)), Map.of("A", 7L), null, 5);
        assertThat(plan.reserved()).isEqualTo(3);
        assertThat(plan.backordered()).isEqualTo(2);
    }

    @Test
    void laterLinesOfTheSameSkuSeeWhatEarlierLinesTook() {
        var plans = new Sourcing(List.of(new StockPosition("A", "EAST", 10, 0)), Map.of(), null)
                .plan(List.of(new Sourcing.Demand(1, "A", 7), new Sourcing.Demand(2, "A", 7)));
        assertThat(plans.get(0).reserved()).isEqualTo(7);
        assertThat(plans.get(1).reserved()).isEqualTo(3);
        assertThat(plans.get(1).backordered()).isEqualTo(4);
    }

    @Test
    void unknownStockMeansEverythingIsBackordered() {
        var plan = plan(List.of(), Map.of(), null, 4);
        assertThat(plan.allocations()).isEmpty();
        assertThat(plan.backordered()).isEqualTo(4);
    }
}
