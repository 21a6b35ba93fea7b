package org.ordo.catalog.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ordo.catalog.ProductCodes;
import org.ordo.catalog.ProductSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link ProductCodes}: the SKU by its primary key, a GTIN through the unique GTIN index in each of its stored lengths. */
@Component
class ProductCodeStore implements ProductCodes {

    private static final List<Integer> GTIN_LENGTHS = List.of(8, 12, 13, 14);

    private final ProductStore catalog;
    private final JdbcClient jdbc;

    ProductCodeStore(ProductStore catalog, JdbcClient jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ProductSnapshot> byCode(String code) {
        if (code == null || code.isBlank() || code.length() > 64) {
            return Optional.empty();
        }
        String trimmed = code.trim();
        Optional<ProductSnapshot> bySku = catalog.find(trimmed);
        if (bySku.isPresent() || !trimmed.matches("[0-9]{8,14}")) {
            return bySku;
        }
        Set<String> spellings = spellings(trimmed);
        return jdbc
                .sql("SELECT sku FROM product WHERE gtin IN (:gtins) ORDER BY sku")
                .param("gtins", List.copyOf(spellings))
                .query(String.class)
                .list()
                .stream()
                .findFirst()
                .flatMap(catalog::find);
    }

    /** The number written with as many leading zeros as each GTIN length needs. */
    static Set<String> spellings(String digits) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        Set<String> spellings = new LinkedHashSet<>();
        for (int length : GTIN_LENGTHS) {
            if (significant.length() <= length) {
                spellings.add("0".repeat(length - significant.length()) + significant);
            }
        }
        return spellings;
    }
}
