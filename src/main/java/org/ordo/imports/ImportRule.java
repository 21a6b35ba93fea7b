package org.ordo.imports;

import org.ordo.shared.FieldRule;

/** The rules of an uploaded file and of its rows, by stable code. */
public enum ImportRule implements FieldRule {
    FILE_EMPTY("import-file-empty", "must hold a header line and at least one row"),
    /** {0}: the most bytes a file may have. */
    FILE_TOO_LARGE("import-file-too-large", "must be at most {0} bytes"),
    NOT_UTF8("import-not-utf8", "must be UTF-8 text"),
    /** {0}: the line where the file stops being CSV. */
    MALFORMED_CSV("import-malformed-csv", "is not readable CSV from line {0} (an unclosed quote?)"),
    /** {0}: the unknown columns; {1}: the columns this kind has. */
    UNKNOWN_COLUMN("import-unknown-column", "has unknown columns {0}; known are: {1}"),
    /** {0}: the missing columns. */
    MISSING_COLUMN("import-missing-column", "lacks the required columns {0}"),
    /** {0}: the column named twice. */
    DUPLICATE_COLUMN("import-duplicate-column", "names the column {0} twice"),
    /** {0}: the kinds the user may import. */
    KIND_NOT_ALLOWED("import-kind-not-allowed", "is not one you may import; yours are: {0}"),
    NOT_A_NUMBER("import-not-a-number", "must be a whole number"),
    NOT_A_DATE("import-not-a-date", "must be a date such as 2026-11-21"),
    NOT_YES_OR_NO("import-not-yes-or-no", "must be true or false"),
    UNKNOWN_CUSTOMER("import-unknown-customer", "names no customer (a number such as CUS-000123, or a unique name)"),
    UNKNOWN_PRODUCT("import-unknown-product", "names no product"),
    /** {0}: the line whose value differs. */
    ORDER_DIFFERS("import-order-differs", "differs from line {0} of the same order"),
    /** {0}: the line that was rejected. */
    ORDER_REJECTED("import-order-rejected", "was not placed: line {0} of the same order was rejected"),
    NOT_A_DRY_RUN("import-not-a-dry-run", "must be a finished dry run"),
    UNEXPECTED("import-unexpected", "could not be saved: {0}");

    private final String code;
    private final String message;

    ImportRule(String code, String message) {
        this.code = code;
        this.message = message;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String message() {
        return message;
    }
}
