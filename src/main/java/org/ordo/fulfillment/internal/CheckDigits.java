package org.ordo.fulfillment.internal;

import org.ordo.shared.Gtin;

/**
 * The check digit algorithms of carrier tracking numbers and GS1 keys. Pure functions over the characters
 * before the check digit.
 */
final class CheckDigits {

    private static final int[] S10_WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    private CheckDigits() {}

    /**
     * UPS "1Z" numbers: mod 10 over the 15 characters after "1Z" (shipper, service, package). Letters count as
     * (code point − 3) mod 10, so A = 2, B = 3, …; every second character (odd positions, from 0) is doubled.
     */
    static int upsMod10(String serial) {
        int sum = 0;
        for (int i = 0; i < serial.length(); i++) {
            char c = serial.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : (c - 3) % 10;
            sum += i % 2 == 1 ? value * 2 : value;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * UPU S10 (international postal items): weights 8 6 4 2 3 5 9 7 over the 8 serial digits, mod 11;
     * remainder 1 gives 0, remainder 0 gives 5, otherwise 11 − remainder.
     */
    static int s10(String eightDigits) {
        if (eightDigits.length() != 8) {
            throw new IllegalArgumentException("an S10 serial has 8 digits");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (eightDigits.charAt(i) - '0') * S10_WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 1 ? 0 : remainder == 0 ? 5 : 11 - remainder;
    }

    /** DHL Express waybills: the serial read as a number, mod 7. */
    static int mod7(String digits) {
        int remainder = 0;
        for (int i = 0; i < digits.length(); i++) {
            remainder = (remainder * 10 + digits.charAt(i) - '0') % 7;
        }
        return remainder;
    }

    /** GS1 mod 10 (SSCC, GTIN): weights 3, 1, 3, … from the right. */
    static int gs1Mod10(String digits) {
        return Gtin.checkDigit(digits);
    }
}
