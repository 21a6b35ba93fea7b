package org.ordo.fulfillment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SSCC-18 with the GS1 mod-10 check digit, on GS1's vectors (gs1-syntax-engine, Apache-2.0). */
class SsccTests {

    @ParameterizedTest
    @CsvSource({"123456789012345675, true", "123456789012345670, false", "106141411234567897, true"})
    void theCheckDigitIsGs1Mod10(String sscc, boolean valid) {
        assertThat(Sscc.isValid(sscc)).isEqualTo(valid);
    }

    @Test
    void anSsccIsExtensionDigitCompanyPrefixSerialAndCheckDigit() {
        String sscc = Sscc.of(3, "4012345", 42);

        assertThat(sscc).hasSize(18).startsWith("34012345").contains("000000042");
        assertThat(Sscc.isValid(sscc)).isTrue();
        assertThat(Sscc.of(0, "0614141", 123456789)).isEqualTo("006141411234567890");
    }

    @Test
    void aLongerCompanyPrefixLeavesFewerSerialDigits() {
        String sscc = Sscc.of(0, "4012345678", 7);
        assertThat(sscc).hasSize(18).startsWith("04012345678000007");
        assertThat(Sscc.isValid(sscc)).isTrue();
    }

    @Test
    void aBadCompanyPrefixIsRefused() {
        assertThatThrownBy(() -> Sscc.of(0, "123", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sscc.of(10, "4012345", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
