package org.ordo.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;

/**
 * Reads a quick order: one "SKU quantity" per line (a space, tab, comma or semicolon between), as typed or as a CSV
 * with an optional {@code sku,quantity} header. Good lines give items; each bad line an error naming it, and nothing.
 */
final class QuickOrder {

    static final long MAX_QUANTITY = 1_000_000;

    private QuickOrder() {}

    /** One refused line: {@code key} the message (arguments: the line number and its text). */
    record Error(int lineNumber, String text, String key) {}

    /** The quantities by SKU (as the catalog spells it), and the lines refused. */
    record Result(Map<String, Long> items, List<Error> errors) {}

    static Result read(String text, Catalog catalog) {
        Map<String, Long> items = new LinkedHashMap<>();
        List<Error> errors = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()
                    || (i == 0 && line.toLowerCase(Locale.ROOT).replace(" ", "").startsWith("sku,"))) {
                continue;
            }
            String[] parts = line.split("[\\s,;]+");
            Long quantity = parts.length == 2 ? PortalShopPages.quantity(parts[1]) : null;
            ProductSnapshot product =
                    catalog.find(parts[0]).filter(ProductSnapshot::active).orElse(null);
            if (product == null) {
                errors.add(new Error(i + 1, line, "portal.quick.unknownSku"));
            } else if (quantity == null) {
                errors.add(new Error(i + 1, line, "portal.quick.badQuantity"));
            } else {
                items.merge(product.sku(), quantity, Long::sum);
            }
        }
        return new Result(items, errors);
    }
}
