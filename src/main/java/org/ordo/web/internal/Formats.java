package org.ordo.web.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.ordo.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;

/**
 * Money, numbers, dates and times as the reader's language writes them; templates call it as {@code @fmt}. Times are
 * shown in the reader's zone (see {@link UserLocales}: theirs, else the company's), marked with its offset, since
 * colleagues in other zones read the same instant differently. Null is shown as a dash.
 */
@Component("fmt")
public class Formats {

    static final String NONE = "–";

    public String money(Money money) {
        if (money == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(money.currency());
        int digits = Math.max(0, money.currency().getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(money.amount());
    }

    public String number(Number value) {
        return value == null ? NONE : NumberFormat.getNumberInstance(locale()).format(value);
    }

    /** A rate 0..1 as a percentage with one decimal. */
    public String percent(BigDecimal rate) {
        if (rate == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(rate);
    }

    public String decimal(BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    public String date(LocalDate date) {
        return date == null
                ? NONE
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale())
                        .format(date);
    }

    /** A short date without the year, for chart axes. */
    public String day(LocalDate date) {
        return date == null
                ? NONE
                : DateTimeFormatter.ofPattern(locale().getLanguage().equals("zh") ? "M月d日" : "d MMM", locale())
                        .format(date);
    }

    /** An instant in the reader's zone, e.g. {@code Mar 11, 2026, 7:30 AM UTC+8}. */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return NONE;
        }
        ZonedDateTime local = instant.atZone(zone());
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale())
                        .format(local)
                + " " + offset(local.getOffset());
    }

    /** The zone the reader sees times in; UTC outside a page request. */
    public ZoneId zone() {
        return LocaleContextHolder.getLocaleContext() instanceof TimeZoneAwareLocaleContext zoned
                        && zoned.getTimeZone() != null
                ? zoned.getTimeZone().toZoneId()
                : ZoneOffset.UTC;
    }

    /** {@code UTC}, {@code UTC+8}, {@code UTC-3:30}: short, and the same in every language. */
    static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        int minutes = Math.abs(seconds) / 60;
        String hours = (seconds < 0 ? "-" : "+") + minutes / 60;
        return "UTC" + hours + (minutes % 60 == 0 ? "" : String.format(":%02d", minutes % 60));
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
