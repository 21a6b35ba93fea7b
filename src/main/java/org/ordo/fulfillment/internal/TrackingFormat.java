package org.ordo.fulfillment.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a carrier's tracking numbers look and how their check digit is computed. A configured carrier names its
 * format; supplied numbers are checked against it, and missing ones are generated in it.
 */
enum TrackingFormat {

    /** UPS: {@code 1Z} + 6-character shipper number + 2-character service code + 7-digit package number + mod-10 check digit. */
    UPS_1Z(Pattern.compile("1Z[0-9A-Z]{15}[0-9]")) {
        @Override
        boolean checkDigitValid(String n) {
            return CheckDigits.upsMod10(n.substring(2, 17)) == n.charAt(17) - '0';
        }

        @Override
        String generate(long serial, String account, String serviceCode) {
            String body = account + serviceCode + String.format("%07d", serial % 10_000_000L);
            return "1Z" + body + CheckDigits.upsMod10(body);
        }
    },

    /** UPU S10 (postal operators): 2-letter service indicator + 8 digits + mod-11 check digit + ISO country of origin. */
    S10(Pattern.compile("[A-Z]{2}[0-9]{9}[A-Z]{2}")) {
        @Override
        boolean checkDigitValid(String n) {
            return CheckDigits.s10(n.substring(2, 10)) == n.charAt(10) - '0' && COUNTRIES.contains(n.substring(11));
        }

        @Override
        String generate(long serial, String account, String serviceCode) {
            String digits = String.format("%08d", serial % 100_000_000L);
            return serviceCode + digits + CheckDigits.s10(digits) + account;
        }
    },

    /** DHL Express waybill: 9 or 10 digits + mod-7 check digit. */
    DHL_EXPRESS(Pattern.compile("[0-9]{10,11}")) {
        @Override
        boolean checkDigitValid(String n) {
            return CheckDigits.mod7(n.substring(0, n.length() - 1)) == n.charAt(n.length() - 1) - '0';
        }

        @Override
        String generate(long serial, String account, String serviceCode) {
            // 10 serial digits; the leading 1 keeps the length fixed whatever the sequence value
            String digits = "1" + String.format("%09d", serial % 1_000_000_000L);
            return digits + CheckDigits.mod7(digits);
        }
    },

    /** A carrier without a known format (own fleet, courier): any 4 to 40 letters, digits or dashes; generated ones are the shipment number. */
    NONE(Pattern.compile("[0-9A-Z-]{4,40}")) {
        @Override
        boolean checkDigitValid(String n) {
            return true;
        }

        @Override
        String generate(long serial, String account, String serviceCode) {
            throw new UnsupportedOperationException("no format to generate in");
        }
    };

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Pattern pattern;

    TrackingFormat(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Without spaces, upper case: the form numbers are stored and compared in. */
    static String normalize(String trackingNumber) {
        return trackingNumber == null
                ? null
                : trackingNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** Whether the (normalized) number has this format's shape and a correct check digit. */
    boolean isValid(String normalized) {
        return normalized != null && pattern.matcher(normalized).matches() && checkDigitValid(normalized);
    }

    abstract boolean checkDigitValid(String normalized);

    /**
     * A number in this format for the given serial.
     *
     * @param account     the carrier's shipper number (UPS: 6 characters) or country of origin (S10)
     * @param serviceCode the service's code in the number (UPS: 2 characters; S10: 2 letters)
     */
    abstract String generate(long serial, String account, String serviceCode);
}
