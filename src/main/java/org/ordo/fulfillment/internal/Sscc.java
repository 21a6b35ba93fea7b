package org.ordo.fulfillment.internal;

/**
 * Serial Shipping Container Codes (SSCC-18, GS1 application identifier 00): extension digit + GS1 company
 * prefix + serial reference, 17 digits, then the GS1 mod-10 check digit.
 */
final class Sscc {

    private Sscc() {}

    /**
     * @param extensionDigit 0–9, chosen by the company to widen its serial range
     * @param companyPrefix  the company's GS1 prefix, 7 to 10 digits
     * @param serial         the serial reference; taken modulo the room the prefix leaves
     */
    static String of(int extensionDigit, String companyPrefix, long serial) {
        requireValidPrefix(extensionDigit, companyPrefix);
        int serialDigits = 16 - companyPrefix.length();
        long modulus = (long) Math.pow(10, serialDigits);
        String body = extensionDigit + companyPrefix + String.format("%0" + serialDigits + "d", serial % modulus);
        return body + CheckDigits.gs1Mod10(body);
    }

    static boolean isValid(String sscc) {
        return sscc != null
                && sscc.matches("[0-9]{18}")
                && CheckDigits.gs1Mod10(sscc.substring(0, 17)) == sscc.charAt(17) - '0';
    }

    /** As printed under the barcode: the application identifier in brackets, then the 18 digits. */
    static String humanReadable(String sscc) {
        return "(00) " + sscc;
    }

    static void requireValidPrefix(int extensionDigit, String companyPrefix) {
        if (extensionDigit < 0 || extensionDigit > 9) {
            throw new IllegalArgumentException("the SSCC extension digit must be 0 to 9");
        }
        if (companyPrefix == null || !companyPrefix.matches("[0-9]{7,10}")) {
            throw new IllegalArgumentException("the GS1 company prefix must be 7 to 10 digits");
        }
    }
}
