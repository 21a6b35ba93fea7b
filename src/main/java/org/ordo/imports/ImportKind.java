package org.ordo.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a file holds, named in requests as {@link #code()}. */
public enum ImportKind {
    ORDERS("orders"),
    PRODUCTS("products"),
    CUSTOMERS("customers"),
    PRICES("prices"),
    STOCK_COUNTS("stock-counts");

    private final String code;

    ImportKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ImportKind> of(String code) {
        return Arrays.stream(values())
                .filter(k -> k.code.equalsIgnoreCase(code))
                .findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(ImportKind::code).toList();
    }
}
