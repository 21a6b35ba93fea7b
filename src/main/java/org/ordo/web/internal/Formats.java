package org.ordo.web.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.ordo.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money, numbers, dates and times as the reader's language writes them; templates call it as {@code @fmt}. Times are
 * shown in UTC (the zone the reports count days in), marked as such. Null is shown as a dash.
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

    public String dateTime(Instant instant) {
        return instant == null
                ? NONE
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                                .withLocale(locale())
                                .format(instant.atZone(ZoneOffset.UTC))
                        + " UTC";
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
