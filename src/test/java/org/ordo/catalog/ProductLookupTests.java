package org.ordo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.ordo.shared.Gtin;
import org.ordo.shared.Money;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Finding products as order entry does: a scanned or typed code exactly, or a few matches for a type-ahead. */
@OrdoTest
class ProductLookupTests {

    @Autowired
    Catalog catalog;

    @Autowired
    ProductCatalogAdmin admin;

    private static String gtin13() {
        String digits = String.format("40%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        return digits + Gtin.checkDigit(digits);
    }

    private ProductSnapshot product(String name, String gtin) {
        return admin.create(new ProductCatalogAdmin.NewProduct(
                Fixtures.unique("LK"), name, null, Money.of("1.00", "EUR"), null, "STANDARD", gtin, null));
    }

    @Test
    void aCodeFindsTheProductBySkuOrByGtinAlsoInItsFourteenDigitForm() {
        String gtin = gtin13();
        ProductSnapshot product = product("Lookup pen", gtin);

        assertThat(catalog.findByCode(product.sku())).map(ProductSnapshot::sku).contains(product.sku());
        assertThat(catalog.findByCode(gtin)).map(ProductSnapshot::sku).contains(product.sku());
        assertThat(catalog.findByCode("0" + gtin)).map(ProductSnapshot::sku).contains(product.sku());
        assertThat(catalog.findByCode(" " + gtin + " "))
                .map(ProductSnapshot::sku)
                .contains(product.sku());
        assertThat(catalog.findByCode("9" + gtin.substring(1))).isEmpty();
        assertThat(catalog.findByCode("")).isEmpty();
    }

    @Test
    void theTypeAheadPutsExactCodesFirstThenNamesAndSkusContainingTheText() {
        String tag = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L), 36)
                .toUpperCase();
        String gtin = gtin13();
        ProductSnapshot exact = product("Zebra " + tag + " binder", gtin);
        ProductSnapshot named = product("Alpha " + tag + " binder", null);

        assertThat(catalog.search(tag.toLowerCase(), 10))
                .extracting(ProductSnapshot::sku)
                .containsExactly(named.sku(), exact.sku());
        assertThat(catalog.search(gtin, 10))
                .extracting(ProductSnapshot::sku)
                .first()
                .isEqualTo(exact.sku());
        assertThat(catalog.search(tag, 1)).hasSize(1);
        assertThat(catalog.search("%", 5))
                .allMatch(p -> p.name().contains("%") || p.sku().contains("%"));
        assertThat(catalog.search(" ", 5)).isEmpty();
    }
}
