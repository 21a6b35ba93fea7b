package org.ordo.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An outside system's id for one of Ordo's records ({@code PUT /api/customers/external/{system}/{externalId}}): the system
 * is a short lower-case name ({@code erp}, {@code shop-eu}, {@code sap.s4}), the id any printable text up to 200 characters.
 */
public record ExternalReference(String system, String externalId) {

    public static final int MAX_ID_LENGTH = 200;
    private static final Pattern SYSTEM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");

    /** The reference, or a 400 naming {@code system} or {@code externalId}. */
    public static ExternalReference of(String system, String externalId) {
        List<FieldViolation> invalid = new ArrayList<>();
        if (system == null || !SYSTEM.matcher(system).matches()) {
            invalid.add(CommonRule.MALFORMED.at(
                    "system", "1 to 40 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        if (externalId == null || externalId.isBlank()) {
            invalid.add(CommonRule.REQUIRED.at("externalId"));
        } else if (externalId.length() > MAX_ID_LENGTH) {
            invalid.add(CommonRule.TOO_LONG.at("externalId", MAX_ID_LENGTH));
        } else if (!PRINTABLE.matcher(externalId).matches()) {
            invalid.add(CommonRule.MALFORMED.at("externalId", "printable text"));
        }
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        return new ExternalReference(system, externalId);
    }
}
