package org.ordo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Money in JSON is exactly {@code {"amount": "12.50", "currency": "EUR"}} (docs/api.md), both ways. */
class MoneyJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void writesOnlyTheAmountAsAStringAndTheCurrency() {
        JsonNode written = json.valueToTree(Money.of("12.5", "EUR"));

        assertThat(written.propertyNames()).containsExactlyInAnyOrder("amount", "currency");
        assertThat(written.get("amount").isString()).isTrue();
        assertThat(written.get("amount").asString()).isEqualTo("12.50");
        assertThat(written.get("currency").asString()).isEqualTo("EUR");
    }

    @Test
    void readsWhatItWrites() {
        Money money = Money.of("0.00", "EUR");

        assertThat(json.readValue(json.writeValueAsString(money), Money.class)).isEqualTo(money);
    }
}
