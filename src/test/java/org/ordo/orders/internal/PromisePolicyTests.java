package org.ordo.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordo.inventory.IncomingSupply.Arrival;
import org.ordo.orders.internal.PromisePolicy.Promise;
import org.ordo.orders.internal.PromisePolicy.Waiting;

/** The promise rule as a table: Monday 7 Dec 2026, 1 day handling, 1 + 3 days processing and transit, 14 days fallback. */
class PromisePolicyTests {

    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    static final PromisePolicy.Days DAYS = new PromisePolicy.Days(1, 14);
    static final int SHIP_DAYS = 4;

    static Waiting waiting(String warehouse, long quantity) {
        return new Waiting(warehouse, quantity, MONDAY, SHIP_DAYS, null);
    }

    static Arrival confirmed(String warehouse, String date, long quantity, String reference) {
        return new Arrival("SKU", warehouse, LocalDate.parse(date), quantity, true, reference);
    }

    static Promise promise(String date, String source) {
        return new Promise(LocalDate.parse(date), source);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "a confirmed arrival covers the backorder: its date + handling + processing + transit",
                        List.of(waiting("EAST", 5)),
                        List.of(confirmed("EAST", "2026-12-09", 10, "PO-000012/1")),
                        OptionalInt.of(10),
                        List.of(promise("2026-12-16", "PO-000012/1"))),
                Arguments.of(
                        "partly covered: the rest is estimated from today + the best lead time",
                        List.of(waiting("EAST", 5)),
                        List.of(confirmed("EAST", "2026-12-09", 3, "PO-000012/1")),
                        OptionalInt.of(10),
                        List.of(promise("2026-12-24", "LEAD_TIME"))),
                Arguments.of(
                        "two backorders share an arrival, the oldest first; the younger waits for the next",
                        List.of(waiting("EAST", 4), waiting("EAST", 4)),
                        List.of(
                                confirmed("EAST", "2026-12-14", 10, "PO-000013/1"),
                                confirmed("EAST", "2026-12-09", 6, "PO-000012/1")),
                        OptionalInt.empty(),
                        List.of(promise("2026-12-16", "PO-000012/1"), promise("2026-12-21", "PO-000013/1"))),
                Arguments.of(
                        "no confirmed arrival at the backorder's warehouse: today + the best lead time",
                        List.of(waiting("EAST", 2)),
                        List.of(
                                confirmed("WEST", "2026-12-09", 10, "PO-000012/1"),
                                new Arrival("SKU", "EAST", LocalDate.parse("2026-12-09"), 10, false, "PO-000014/1")),
                        OptionalInt.of(10),
                        List.of(promise("2026-12-24", "LEAD_TIME"))),
                Arguments.of(
                        "nothing known: placement + processing + transit + the backorder lead days, as before",
                        List.of(waiting("EAST", 2)),
                        List.of(),
                        OptionalInt.empty(),
                        List.of(promise("2026-12-31", "DEFAULT"))),
                Arguments.of(
                        "a later requested delivery date wins, the source stays",
                        List.of(new Waiting("EAST", 5, MONDAY, SHIP_DAYS, LocalDate.parse("2027-01-15"))),
                        List.of(confirmed("EAST", "2026-12-09", 10, "PO-000012/1")),
                        OptionalInt.empty(),
                        List.of(promise("2027-01-15", "PO-000012/1"))),
                Arguments.of(
                        "an overdue arrival counts from today, not from its past date",
                        List.of(waiting("EAST", 1)),
                        List.of(confirmed("EAST", "2026-12-01", 1, "PO-000010/2")),
                        OptionalInt.empty(),
                        List.of(promise("2026-12-14", "PO-000010/2"))),
                Arguments.of(
                        "a backorder of no known warehouse takes arrivals at any",
                        List.of(waiting(null, 3)),
                        List.of(confirmed("WEST", "2026-12-09", 3, "PO-000012/1")),
                        OptionalInt.empty(),
                        List.of(promise("2026-12-16", "PO-000012/1"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backordersArePromisedByTheArrivalsThatCoverThemOldestFirst(
            String rule, List<Waiting> queue, List<Arrival> arrivals, OptionalInt lead, List<Promise> expected) {
        assertThat(PromisePolicy.backorders(queue, arrivals, lead, MONDAY, DAYS))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aLineFromStockShipsAfterProcessingAndTransitWeekendsSkipped() {
        assertThat(PromisePolicy.fromStock(MONDAY, SHIP_DAYS, null)).isEqualTo(promise("2026-12-11", "STOCK"));
        assertThat(PromisePolicy.fromStock(LocalDate.parse("2026-12-10"), SHIP_DAYS, null))
                .isEqualTo(promise("2026-12-16", "STOCK"));
        assertThat(PromisePolicy.fromStock(MONDAY, SHIP_DAYS, LocalDate.parse("2026-12-20")))
                .isEqualTo(promise("2026-12-20", "STOCK"));
    }

    @Test
    void onlyTheEstimatesAreEstimated() {
        assertThat(promise("2026-12-11", "STOCK").estimated()).isFalse();
        assertThat(promise("2026-12-11", "PO-000012/1").estimated()).isFalse();
        assertThat(promise("2026-12-11", "LEAD_TIME").estimated()).isTrue();
        assertThat(promise("2026-12-11", "DEFAULT").estimated()).isTrue();
    }
}
