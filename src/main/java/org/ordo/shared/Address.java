package org.ordo.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A postal address; {@code country} is an ISO 3166-1 alpha-2 code. {@code line2} and {@code region} may be null. */
public record Address(
        String name, String line1, String line2, String city, String region, String postalCode, String country) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The problems of this address, each naming its field below {@code path} (e.g. "shippingAddress"). */
    public List<FieldViolation> violations(String path) {
        List<FieldViolation> problems = new ArrayList<>();
        required(problems, path + ".name", name, 200);
        required(problems, path + ".line1", line1, 200);
        optional(problems, path + ".line2", line2, 200);
        required(problems, path + ".city", city, 100);
        optional(problems, path + ".region", region, 100);
        required(problems, path + ".postalCode", postalCode, 20);
        if (country == null || !COUNTRIES.contains(country)) {
            problems.add(new FieldViolation(path + ".country", "must be an ISO 3166-1 alpha-2 country code"));
        }
        return problems;
    }

    private static void required(List<FieldViolation> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldViolation(field, "must not be blank"));
        } else {
            optional(problems, field, value, max);
        }
    }

    private static void optional(List<FieldViolation> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldViolation(field, "must be at most " + max + " characters"));
        }
    }
}
