package org.ordo.shared;

/** GS1 Global Trade Item Numbers (GTIN-8, -12, -13, -14) and their mod-10 check digit. */
public final class Gtin {

    private Gtin() {}

    public static boolean isValid(String gtin) {
        if (gtin == null || !gtin.matches("\\d{8}|\\d{12}|\\d{13}|\\d{14}")) {
            return false;
        }
        return checkDigit(gtin.substring(0, gtin.length() - 1)) == gtin.charAt(gtin.length() - 1) - '0';
    }

    /** The GS1 check digit for the digits given (all but the check digit): weights 3,1,3,… from the right. */
    public static int checkDigit(String digitsWithoutCheck) {
        int sum = 0;
        for (int i = 0; i < digitsWithoutCheck.length(); i++) {
            int digit = digitsWithoutCheck.charAt(digitsWithoutCheck.length() - 1 - i) - '0';
            sum += (i % 2 == 0) ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }
}
