package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The company's days begin at its own midnight: "today", date filters and periods follow its zone, not UTC. */
class CompanyCalendarTests {

    static final Instant LATE_EVENING_UTC = Instant.parse("2026-03-10T23:30:00Z");

    private static CompanyCalendar at(String zone) {
        return new CompanyCalendar(ZoneId.of(zone), Clock.fixed(LATE_EVENING_UTC, ZoneOffset.UTC));
    }

    @Test
    void todayIsTheCompanysDayNotUtcs() {
        assertThat(at("UTC").today()).isEqualTo(LocalDate.parse("2026-03-10"));
        assertThat(at("Asia/Shanghai").today()).isEqualTo(LocalDate.parse("2026-03-11"));
        assertThat(at("Europe/Berlin").today()).isEqualTo(LocalDate.parse("2026-03-11"));
        assertThat(at("America/New_York").today()).isEqualTo(LocalDate.parse("2026-03-10"));
    }

    @Test
    void aDateAsFilterCoversTheWholeCompanyDayUpToAndIncludingIt() {
        CompanyCalendar shanghai = at("Asia/Shanghai");
        LocalDate day = LocalDate.parse("2026-03-11");

        assertThat(shanghai.startOf(day)).isEqualTo(Instant.parse("2026-03-10T16:00:00Z"));
        assertThat(shanghai.endOf(day)).isEqualTo(Instant.parse("2026-03-11T16:00:00Z"));
        assertThat(shanghai.dayOf(LATE_EVENING_UTC)).isEqualTo(day);
    }

    @Test
    void aDayInASummerTimeChangeIsNotTwentyFourHoursLong() {
        CompanyCalendar berlin = at("Europe/Berlin");
        LocalDate clocksGoForward = LocalDate.parse("2026-03-29");

        assertThat(berlin.endOf(clocksGoForward))
                .isEqualTo(berlin.startOf(clocksGoForward).plusSeconds(23 * 3600));
    }

    @Test
    void theYearOfADocumentNumberIsTheCompanysYear() {
        Instant newYearInShanghai = Instant.parse("2026-12-31T17:00:00Z");

        assertThat(at("Asia/Shanghai").yearOf(newYearInShanghai)).isEqualTo(2027);
        assertThat(at("UTC").yearOf(newYearInShanghai)).isEqualTo(2026);
    }
}
