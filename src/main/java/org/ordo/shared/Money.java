package org.ordo.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one ISO 4217 currency. Never a double.
 *
 * <p>Amounts are kept at the currency's minor unit, or finer (up to 4 decimals) for unit prices;
 * {@link #rounded()} rounds half-even to the minor unit, the rounding Ordo applies per line.
 * In JSON the amount is a decimal string: {@code {"amount": "12.50", "currency": "EUR"}}.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Finest scale Ordo stores (NUMERIC(19,4)). */
    public static final int MAX_SCALE = 4;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int minor = Math.max(currency.getDefaultFractionDigits(), 0);
        int scale = Math.max(minor, amount.stripTrailingZeros().scale());
        if (scale > MAX_SCALE) {
            throw new IllegalArgumentException("at most " + MAX_SCALE + " decimals");
        }
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    @JsonCreator
    public static Money parse(@JsonProperty("amount") String amount, @JsonProperty("currency") String currency) {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        if (currency == null) {
            throw new IllegalArgumentException("currency is required");
        }
        return new Money(new BigDecimal(amount.trim()), currency(currency));
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency(currency));
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency(currency));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Parses an ISO 4217 code strictly (upper case, known to the JDK). */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("must be an ISO 4217 currency code");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown ISO 4217 currency code");
        }
    }

    @JsonProperty("amount")
    public String amountText() {
        return amount.toPlainString();
    }

    @JsonProperty("currency")
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Unit price times quantity, rounded half-even to the minor unit: the net of one order line. */
    public Money times(long quantity) {
        return new Money(
                amount.multiply(BigDecimal.valueOf(quantity)).setScale(minorUnit(), RoundingMode.HALF_EVEN), currency);
    }

    /** This amount times a rate (e.g. 0.19 for 19 % tax), rounded half-even to the minor unit. */
    public Money timesRate(BigDecimal rate) {
        return new Money(amount.multiply(rate).setScale(minorUnit(), RoundingMode.HALF_EVEN), currency);
    }

    public Money rounded() {
        return new Money(amount.setScale(minorUnit(), RoundingMode.HALF_EVEN), currency);
    }

    // not JSON properties: the JSON of money is exactly amount and currency (docs/api.md)
    @JsonIgnore
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    private int minorUnit() {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.currency.equals(currency) && m.amount.compareTo(amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), currency);
    }

    /** As messages print it: at the currency's decimals ("445.62 EUR", not "445.6200 EUR"), more only if it has them. */
    @Override
    public String toString() {
        return plain(amount, currency) + " " + currency.getCurrencyCode();
    }

    /** An amount at the currency's decimals, with more only where they are not zero (a unit price of 4.1234). */
    public static String plain(BigDecimal amount, Currency currency) {
        int scale = Math.max(
                currency.getDefaultFractionDigits(),
                Math.max(0, amount.stripTrailingZeros().scale()));
        return amount.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
    }
}
