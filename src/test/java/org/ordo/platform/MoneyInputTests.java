package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ordo.shared.FieldViolation;

/** An amount is read as written in ASCII digits, or refused naming its field. */
class MoneyInputTests {

    @Test
    void digitsOfOtherScriptsAreNotReadAsAnAmount() {
        List<FieldViolation> problems = new ArrayList<>();
        assertThat(new MoneyInput("１２.５０", "EUR").toMoney("amount", problems)).isNull();
        assertThat(problems).extracting(FieldViolation::field).containsExactly("amount.amount");
    }

    @Test
    void aPlainDecimalIsReadAsWritten() {
        List<FieldViolation> problems = new ArrayList<>();
        assertThat(new MoneyInput(" 12.50 ", "EUR").toMoney("amount", problems).amount())
                .isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(problems).isEmpty();
    }
}
