package org.ordo.platform;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;

/**
 * Money as a request carries it. Read as two plain strings rather than as {@link Money} so that every problem
 * (amount and currency) is reported with its own field name instead of failing the whole body.
 */
public record MoneyInput(String amount, String currency) {

    /** Longer amounts are refused before parsing: NUMERIC(19,4) holds 15 integer digits and 4 decimals. */
    private static final int MAX_TEXT = 40;

    private static final int MAX_INTEGER_DIGITS = 15;
    private static final java.util.regex.Pattern PLAIN_DECIMAL =
            java.util.regex.Pattern.compile("[+-]?[0-9]*\\.?[0-9]+([eE][+-]?[0-9]+)?");

    public static MoneyInput of(Money money) {
        return new MoneyInput(money.amountText(), money.currencyCode());
    }

    /** The money (≥ 0, at most 4 decimals), or null after adding the problems found under {@code path}. */
    public Money toMoney(String path, List<FieldViolation> problems) {
        BigDecimal value = null;
        if (amount == null || amount.isBlank()) {
            problems.add(new FieldViolation(path + ".amount", "must not be blank"));
        } else {
            try {
                // ASCII digits only: BigDecimal would read the digits of any script ("１２" as 12)
                value = amount.length() > MAX_TEXT
                                || !PLAIN_DECIMAL.matcher(amount.trim()).matches()
                        ? null
                        : new BigDecimal(amount.trim());
            } catch (NumberFormatException e) {
                value = null;
            }
            if (value == null) {
                problems.add(new FieldViolation(path + ".amount", "must be a decimal number such as \"12.50\""));
            } else if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
                // checked first: setting the scale of e.g. 1E999999999 would build a gigantic number
                problems.add(new FieldViolation(path + ".amount", "must be less than 10^" + MAX_INTEGER_DIGITS));
                value = null;
            } else if (value.stripTrailingZeros().scale() > Money.MAX_SCALE) {
                problems.add(
                        new FieldViolation(path + ".amount", "must have at most " + Money.MAX_SCALE + " decimals"));
                value = null;
            } else if (value.signum() < 0) {
                problems.add(CommonRule.ZERO_OR_GREATER.at(path + ".amount"));
                value = null;
            }
        }
        Currency code = null;
        try {
            code = Money.currency(currency);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldViolation(path + ".currency", e.getMessage()));
        }
        return value == null || code == null ? null : new Money(value, code);
    }
}
