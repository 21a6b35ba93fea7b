package org.ordo.fulfillment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Check digits of carrier tracking numbers, on published vectors (jkeen/tracking_number_data, MIT: the
 * couriers' test numbers, copied here as literals).
 */
class TrackingNumberTests {

    @ParameterizedTest
    @CsvSource({
        "1Z5R89390357567127, true",
        "1Z879E930346834440, true",
        "1Z410E7W0392751591, true",
        "1Z8V92A70367203024, true",
        "1 Z 8 V 9 2 A 7 0 3 6 7 2 0 3 0 2 4, true",
        "1ZXX3150YW44070023, true",
        "2Z5R89390357567127, false",
        "1A5R89390357567127, false",
        "1Z1111111111111111, false"
    })
    void upsNumbersCarryAMod10CheckDigitOverLettersAndDigits(String number, boolean valid) {
        assertThat(TrackingFormat.UPS_1Z.isValid(TrackingFormat.normalize(number)))
                .isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
        "RB123456785GB, true",
        "RB123456785US, true",
        "RB123456785CV, true",
        "RB123456785CF, true",
        "RB123456786US, false",
        "RB123456785XX, false"
    })
    void s10NumbersCarryAMod11CheckDigitAndACountryOfOrigin(String number, boolean valid) {
        assertThat(TrackingFormat.S10.isValid(number)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
        "3318810025, true",
        "73891051146, true",
        "8487135506, true",
        "1099255990, true",
        "3821724944, true",
        "3318810036, true",
        "3318810014, true",
        "3318810010, false",
        "3318810034, false",
        "3318810011, false"
    })
    void dhlExpressWaybillsCarryAMod7CheckDigit(String number, boolean valid) {
        assertThat(TrackingFormat.DHL_EXPRESS.isValid(number)).isEqualTo(valid);
    }

    @Test
    void checkDigitsComputeTheVectorsDigits() {
        assertThat(CheckDigits.upsMod10("5R8939035756712")).isEqualTo(7);
        assertThat(CheckDigits.upsMod10("XX3150YW4407002")).isEqualTo(3);
        assertThat(CheckDigits.s10("12345678")).isEqualTo(5);
        assertThat(CheckDigits.mod7("331881002")).isEqualTo(5);
        assertThat(CheckDigits.mod7("7389105114")).isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 9_999_999, 10_000_000, 123_456_789_012L})
    void generatedNumbersAreValidInTheirFormat(long serial) {
        String ups = TrackingFormat.UPS_1Z.generate(serial, "4W8V62", "11");
        String s10 = TrackingFormat.S10.generate(serial, "DE", "CP");
        String dhl = TrackingFormat.DHL_EXPRESS.generate(serial, null, null);

        assertThat(ups).hasSize(18).startsWith("1Z4W8V6211");
        assertThat(TrackingFormat.UPS_1Z.isValid(ups)).isTrue();
        assertThat(s10).hasSize(13).startsWith("CP").endsWith("DE");
        assertThat(TrackingFormat.S10.isValid(s10)).isTrue();
        assertThat(dhl).hasSize(11);
        assertThat(TrackingFormat.DHL_EXPRESS.isValid(dhl)).isTrue();
    }

    @Test
    void aChangedDigitIsCaught() {
        String ups = TrackingFormat.UPS_1Z.generate(4711, "4W8V62", "11");
        char last = ups.charAt(17);
        String wrong = ups.substring(0, 17) + (char) ('0' + (last - '0' + 1) % 10);
        assertThat(TrackingFormat.UPS_1Z.isValid(wrong)).isFalse();
    }
}
