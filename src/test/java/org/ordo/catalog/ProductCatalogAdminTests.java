package org.ordo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.catalog.ProductCatalogAdmin.ProductDetails;
import org.ordo.catalog.ProductCatalogAdmin.ProductInput;
import org.ordo.identity.AuditTrail;
import org.ordo.identity.Role;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.Paging;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.ordo.testing.Acting;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The catalog's administration API the pages use: search by GTIN, edits guarded by the version, unit cost kept. */
@OrdoTest
class ProductCatalogAdminTests {

    @Autowired
    ProductCatalogAdmin catalog;

    @Autowired
    AuditTrail audit;

    @BeforeEach
    void actAsAdmin() {
        Acting.as("admin", Role.ADMIN);
    }

    @AfterEach
    void stopActing() {
        Acting.stop();
    }

    @Test
    void searchFindsAProductByItsGtinAsWellAsBySkuAndName() {
        String sku = Fixtures.unique("GTIN");
        String gtin = gtin();
        catalog.create(input(sku, "Searchable lamp", "12.00", gtin, true));
        assertThat(catalog.search(gtin, null, Paging.of(0, 10)).items())
                .extracting(ProductDetails::sku)
                .containsExactly(sku);
        assertThat(catalog.search(sku.toLowerCase(), true, Paging.of(0, 10)).items())
                .extracting(ProductDetails::sku)
                .containsExactly(sku);
        assertThat(catalog.search(sku, false, Paging.of(0, 10)).items()).isEmpty();
    }

    @Test
    void anUpdateFromAStaleVersionIsRefusedAndChangesNothing() {
        String sku = Fixtures.unique("STALE");
        ProductDetails created = catalog.create(input(sku, "First name", "10.00", null, true));
        ProductDetails renamed = catalog.update(sku, created.version(), input(sku, "Second name", "10.00", null, true));
        assertThat(renamed.version()).isEqualTo(created.version() + 1);

        OrdoException stale = catchThrowableOfType(
                OrdoException.class,
                () -> catalog.update(sku, created.version(), input(sku, "Third name", "11.00", null, false)));
        assertThat(stale.kind()).isEqualTo(OrdoException.Kind.STALE);
        ProductDetails now = catalog.details(sku).orElseThrow();
        assertThat(now.name()).isEqualTo("Second name");
        assertThat(now.active()).isTrue();
        assertThat(audit.entries("PRODUCT", sku)).extracting(e -> e.action()).containsExactly("CREATED", "UPDATED");
    }

    @Test
    void anUpdateKeepsTheUnitCostTheFormDoesNotShow() {
        String sku = Fixtures.unique("COST");
        catalog.create(new ProductCatalogAdmin.NewProduct(
                sku, "Costed", null, Money.of("20.00", "EUR"), Money.of("7.50", "EUR"), "STANDARD", null, null));
        ProductDetails before = catalog.details(sku).orElseThrow();
        ProductDetails after = catalog.update(sku, before.version(), input(sku, "Costed", "22.00", null, true));
        assertThat(after.unitCost()).isEqualTo(Money.of("7.50", "EUR"));
        assertThat(after.unitPrice()).isEqualTo(Money.of("22.00", "EUR"));
    }

    @Test
    void aWrongCheckDigitAndAMalformedPriceAreReportedByTheirFieldsTogether() {
        String sku = Fixtures.unique("BAD");
        String gtin = gtin();
        String wrong = gtin.substring(0, 12) + ((gtin.charAt(12) - '0' + 1) % 10);
        OrdoException invalid = catchThrowableOfType(
                OrdoException.class, () -> catalog.create(input(sku, "Bad", "twelve", wrong, true)));
        assertThat(invalid.violations()).extracting(FieldViolation::field).contains("gtin", "unitPrice.amount");
        assertThat(catalog.details(sku)).isEmpty();
    }

    @Test
    void theTaxCategoriesAreListedWithTheirRates() {
        assertThat(catalog.taxCategories())
                .extracting(ProductCatalogAdmin.TaxCategoryView::code)
                .contains("STANDARD");
    }

    static ProductInput input(String sku, String name, String price, String gtin, boolean active) {
        return new ProductInput(sku, name, null, new MoneyInput(price, "EUR"), "STANDARD", gtin, null, active);
    }

    /** A valid, random GTIN-13. */
    static String gtin() {
        String digits = String.format(
                "%012d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        return digits + org.ordo.shared.Gtin.checkDigit(digits);
    }
}
