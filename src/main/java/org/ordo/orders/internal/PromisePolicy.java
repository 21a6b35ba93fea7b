package org.ordo.orders.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.ordo.inventory.IncomingSupply;

/**
 * The promise rule (docs/domain.md, Promises). A line served from stock ships after processing and transit. The
 * backorders of a SKU, oldest first as they are filled, are laid against the confirmed arrivals at their warehouse in
 * date order, unit by unit: a line covered wholly is promised for the arrival of its last unit plus handling, processing
 * and transit. What no confirmed arrival covers is estimated from today plus the best supplier lead time, else by the
 * company's backorder lead days. Working days skip weekends; no promise is before the requested delivery date.
 */
final class PromisePolicy {

    static final String STOCK = "STOCK";
    static final String LEAD_TIME = "LEAD_TIME";
    static final String DEFAULT = "DEFAULT";

    private PromisePolicy() {}

    /** A line's promised date and what it rests on: STOCK, a purchase order line's reference, LEAD_TIME or DEFAULT. */
    record Promise(LocalDate date, String source) {

        /** Whether the date is an estimate rather than stock in hand or a supplier's confirmed date. */
        boolean estimated() {
            return isEstimate(source);
        }
    }

    /**
     * A backordered line in its SKU's queue: {@code quantity} units waiting at {@code warehouse} (null: at any), placed
     * on {@code placedOn}, shipped {@code shipDays} working days (processing + transit) after it is ready.
     */
    record Waiting(String warehouse, long quantity, LocalDate placedOn, int shipDays, LocalDate requested) {}

    /** The company's days: handling after receipt, and the fallback for a backorder nothing is known of. */
    record Days(int handling, int backorderLead) {}

    static boolean isEstimate(String source) {
        return LEAD_TIME.equals(source) || DEFAULT.equals(source);
    }

    /** A line reserved from stock ready on {@code readyOn}. */
    static Promise fromStock(LocalDate readyOn, int shipDays, LocalDate requested) {
        return new Promise(notBefore(workingDaysAfter(readyOn, shipDays), requested), STOCK);
    }

    /** The promise of every waiting line of one SKU, in the queue's order (oldest first). */
    static List<Promise> backorders(
            List<Waiting> queue,
            List<IncomingSupply.Arrival> arrivals,
            OptionalInt bestLeadDays,
            LocalDate today,
            Days days) {
        List<Remaining> remaining = new ArrayList<>();
        arrivals.stream()
                .filter(a -> a.confirmed() && a.quantity() > 0)
                .sorted(Comparator.comparing(IncomingSupply.Arrival::date)
                        .thenComparing(
                                IncomingSupply.Arrival::reference, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(a -> remaining.add(new Remaining(a)));
        List<Promise> promises = new ArrayList<>();
        for (Waiting w : queue) {
            IncomingSupply.Arrival last = take(remaining, w);
            Promise promise;
            if (last != null) {
                LocalDate arrives = last.date().isBefore(today) ? today : last.date();
                promise = new Promise(workingDaysAfter(arrives, days.handling() + w.shipDays()), last.reference());
            } else if (bestLeadDays.isPresent()) {
                LocalDate arrives = today.plusDays(bestLeadDays.getAsInt());
                promise = new Promise(workingDaysAfter(arrives, days.handling() + w.shipDays()), LEAD_TIME);
            } else {
                promise = new Promise(workingDaysAfter(w.placedOn(), w.shipDays() + days.backorderLead()), DEFAULT);
            }
            promises.add(new Promise(notBefore(promise.date(), w.requested()), promise.source()));
        }
        return promises;
    }

    /** An arrival's units not yet laid against an older backorder. */
    private static final class Remaining {
        final IncomingSupply.Arrival arrival;
        long left;

        Remaining(IncomingSupply.Arrival arrival) {
            this.arrival = arrival;
            this.left = arrival.quantity();
        }
    }

    /** Takes the waiting line's units from the earliest arrivals at its warehouse; the one covering its last unit, or null. */
    private static IncomingSupply.Arrival take(List<Remaining> remaining, Waiting w) {
        long needed = w.quantity();
        IncomingSupply.Arrival last = null;
        for (Remaining r : remaining) {
            if (needed == 0) {
                break;
            }
            if (r.left == 0 || (w.warehouse() != null && !w.warehouse().equals(r.arrival.warehouse()))) {
                continue;
            }
            long taken = Math.min(needed, r.left);
            r.left -= taken;
            needed -= taken;
            last = r.arrival;
        }
        return needed == 0 ? last : null;
    }

    /** {@code days} working days after {@code from}, weekends skipped. */
    static LocalDate workingDaysAfter(LocalDate from, int days) {
        LocalDate date = from;
        for (int i = 0; i < days; i++) {
            date = date.plusDays(1);
            while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                date = date.plusDays(1);
            }
        }
        return date;
    }

    private static LocalDate notBefore(LocalDate date, LocalDate requested) {
        return requested != null && requested.isAfter(date) ? requested : date;
    }
}
