package org.ordo.web.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.ordo.platform.CompanyCalendar;
import org.springframework.stereotype.Component;

/**
 * The zones a user can read times in, for the zone selects of the settings and the user admin pages ({@code @zones} in
 * templates): a short list of common ones first, then every region the JDK knows.
 */
@Component("zones")
public class TimeZoneChoices {

    static final List<String> COMMON = List.of(
            "UTC",
            "Europe/London",
            "Europe/Berlin",
            "Europe/Paris",
            "Europe/Madrid",
            "Europe/Warsaw",
            "Europe/Istanbul",
            "America/New_York",
            "America/Chicago",
            "America/Los_Angeles",
            "America/Sao_Paulo",
            "Asia/Dubai",
            "Asia/Kolkata",
            "Asia/Singapore",
            "Asia/Shanghai",
            "Asia/Hong_Kong",
            "Asia/Tokyo",
            "Australia/Sydney");

    private static final List<String> OTHERS = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .filter(id -> !COMMON.contains(id))
            .sorted()
            .toList();

    private final CompanyCalendar calendar;

    TimeZoneChoices(CompanyCalendar calendar) {
        this.calendar = calendar;
    }

    public List<String> common() {
        return COMMON;
    }

    /** Every other region, alphabetically. */
    public List<String> others() {
        return OTHERS;
    }

    public String company() {
        return calendar.zone().getId();
    }

    /** {@code Asia/Shanghai (UTC+8)}: the zone with its offset now. */
    public String label(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        return zoneId + " (" + Formats.offset(zone.getRules().getOffset(Instant.now())) + ")";
    }
}
