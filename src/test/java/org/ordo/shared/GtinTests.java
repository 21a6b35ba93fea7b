package org.ordo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors from gs1/gs1-syntax-engine (lint_csum.c) and apache/commons-validator (EAN13CheckDigitTest). */
class GtinTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "02345673", // GTIN-8
                "416000336108", // GTIN-12 (UPC-A)
                "1234567890128", // GTIN-13
                "12345678901231", // GTIN-14
                "9780072129519", // EAN-13 (ISBN)
                "9780764558313",
                "4025515373438",
                "0095673400332",
                "4006381333931"
            })
    void acceptsGtinsWithCorrectCheckDigit(String gtin) {
        assertThat(Gtin.isValid(gtin)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345673", "416000336109", "1234567890129", "12345678901232", "4006381333932"})
    void rejectsWrongCheckDigit(String gtin) {
        assertThat(Gtin.isValid(gtin)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "123456789012345675", // a valid SSCC-18, but 18 digits is no GTIN length
                "1234567", // 7 digits
                "12345678901", // 11 digits
                " 2345673", // space in place of a digit
                "1234567890128 ", // trailing space
                "123456789O128"
            }) // letter O for zero
    void rejectsWhatIsNotAGtinLengthOfDigits(String gtin) {
        assertThat(Gtin.isValid(gtin)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0234567", "41600033610", "123456789012", "1234567890123"})
    void checkDigitCompletesTheValidVectors(String digits) {
        String withCheck = digits + Gtin.checkDigit(digits);
        assertThat(Gtin.isValid(withCheck)).isTrue();
    }
}
