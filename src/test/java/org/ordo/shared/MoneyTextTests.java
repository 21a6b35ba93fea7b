package org.ordo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Messages print amounts as people write them: at the currency's decimals. */
class MoneyTextTests {

    @Test
    void anAmountStoredWithFourDecimalsPrintsWithTheCurrencysTwo() {
        assertThat(Money.of("445.6200", "EUR").toString()).isEqualTo("445.62 EUR");
        assertThat(Money.of("10", "EUR").toString()).isEqualTo("10.00 EUR");
        assertThat(Money.of("1500.0000", "JPY").toString()).isEqualTo("1500 JPY");
    }

    @Test
    void decimalsBeyondTheCurrencysAreKeptWhereTheyCount() {
        assertThat(Money.of("4.1234", "EUR").toString()).isEqualTo("4.1234 EUR");
    }
}
