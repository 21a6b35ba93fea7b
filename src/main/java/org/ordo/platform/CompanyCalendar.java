package org.ordo.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.ordo.shared.RecordedTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the company's days begin and end ({@code ordo.company.time-zone}): "today" for due dates, overdue and dunning,
 * the day a date filter or a report period covers, an order's placement day, a document's date. Instants are stored
 * and sent in UTC; only deciding a day needs a zone, and every such decision asks here.
 */
@Component
public class CompanyCalendar {

    /** The system clock, or the clock a data import or the demo set back on this thread. */
    private static final Clock RECORDED_TIME = new RecordedClock(ZoneOffset.UTC);

    private final ZoneId zone;
    private final Clock clock;

    @Autowired
    public CompanyCalendar(@Value("${ordo.company.time-zone:UTC}") String zone) {
        this(ZoneId.of(zone), RECORDED_TIME);
    }

    public CompanyCalendar(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    /** The company's time zone. */
    public ZoneId zone() {
        return zone;
    }

    /** The company's current day. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The company's day on which {@code instant} falls. */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The first instant of {@code day} in the company's zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The first instant after {@code day}: a filter "up to and including this day" ends before it. */
    public Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    /** The company's calendar year of {@code instant} (document numbers count per year). */
    public int yearOf(Instant instant) {
        return dayOf(instant).getYear();
    }

    private static final class RecordedClock extends Clock {

        private final ZoneId zone;

        RecordedClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new RecordedClock(other);
        }

        @Override
        public Instant instant() {
            return RecordedTime.now();
        }
    }
}
