package org.ordo.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.catalog.ProductCodes;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Gtin;
import org.ordo.shared.OrdoException;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Receipts, counts and adjustments recorded by warehouse staff, and the stock levels they look through. */
@OrdoTest
class StockKeepingTests {

    @LocalServerPort
    int port;

    @Autowired
    StockKeeping stock;

    @Autowired
    ProductCodes codes;

    Fixtures fixtures;
    Api admin;
    String warehouse;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        admin = Api.at(port).asAdmin();
        warehouse = fixtures.warehouse();
    }

    @Test
    void goodsAreReceivedByGtinCountedAndAdjustedIntoTheLedger() {
        String gtin = gtin();
        String sku = product(gtin);

        StockKeeping.Recorded received =
                stock.record(StockKeeping.Kind.RECEIPT, "0" + gtin, warehouse, 12L, null, "DN-4711");
        assertThat(received.sku()).isEqualTo(sku);
        assertThat(received.change()).isEqualTo(12);
        assertThat(received.onHand()).isEqualTo(12);
        StockKeeping.Recorded counted = stock.record(StockKeeping.Kind.COUNT, sku, warehouse, 10L, "cycle count", null);
        assertThat(counted.change()).isEqualTo(-2);
        assertThat(counted.counted()).isEqualTo(10);
        StockKeeping.Recorded adjusted =
                stock.record(StockKeeping.Kind.ADJUSTMENT, sku, warehouse, -1L, "broken", null);
        assertThat(adjusted.onHand()).isEqualTo(9);

        JsonNode ledger = admin.get("/api/inventory/movements?sku=" + sku + "&warehouse=" + warehouse)
                .expect(200)
                .json()
                .get("items");
        assertThat(ledger.valueStream().map(m -> m.get("type").asString()))
                .containsExactly("RECEIPT", "COUNT", "ADJUSTMENT");
        assertThat(ledger.get(0).get("reference").asString()).isEqualTo("DN-4711");
        assertThat(fixtures.level(sku, warehouse).get("onHand").asLong()).isEqualTo(9);
    }

    @Test
    void aBadQuantityOrAnUnknownProductIsRefusedNamingTheFieldAndRecordsNothing() {
        String sku = fixtures.product("1.00");
        assertThatThrownBy(() -> stock.record(StockKeeping.Kind.RECEIPT, sku, warehouse, 0L, null, null))
                .isInstanceOfSatisfying(
                        OrdoException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly("quantity"));
        assertThatThrownBy(() -> stock.record(StockKeeping.Kind.ADJUSTMENT, sku, warehouse, 3L, " ", null))
                .isInstanceOfSatisfying(
                        OrdoException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly("reason"));
        assertThatThrownBy(() -> stock.record(StockKeeping.Kind.RECEIPT, "NO-SUCH-SKU", warehouse, 3L, null, null))
                .isInstanceOfSatisfying(
                        OrdoException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly("sku"));
        assertThat(fixtures.level(sku, warehouse)).isNull();
    }

    @Test
    void levelsAreFoundBySkuPrefixInAnyCaseOrByGtinAndFilteredToLowStock() {
        String gtin = gtin();
        String plenty = product(gtin);
        String scarce = fixtures.product("1.00");
        fixtures.receive(plenty, warehouse, 50);
        fixtures.receive(scarce, warehouse, 1);
        admin.put("/api/inventory/levels/" + warehouse + "/" + scarce, Map.of("safetyStock", 1, "reorderPoint", 5))
                .expect(200);

        PageResult<StockLevel> all = stock.levels(warehouse, null, false, Paging.of(0, 10));
        assertThat(all.items()).extracting(StockLevel::sku).containsExactlyInAnyOrder(plenty, scarce);
        assertThat(stock.levels(warehouse, plenty.substring(0, 8).toLowerCase(), false, Paging.of(0, 10))
                        .items())
                .extracting(StockLevel::sku)
                .contains(plenty);
        assertThat(stock.levels(warehouse, gtin, false, Paging.of(0, 10)).items())
                .extracting(StockLevel::sku)
                .containsExactly(plenty);
        assertThat(stock.levels(warehouse, "%", false, Paging.of(0, 10)).totalItems())
                .isZero();
        PageResult<StockLevel> low = stock.levels(warehouse, null, true, Paging.of(0, 10));
        assertThat(low.items()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo(scarce);
            assertThat(l.belowReorderPoint()).isTrue();
        });
        assertThat(stock.warehouses()).extracting(WarehouseView::code).contains(warehouse);
    }

    @Test
    void aProductIsFoundBySkuOrByItsGtinWrittenWithOrWithoutLeadingZeros() {
        String gtin = gtin();
        String sku = product(gtin);
        assertThat(codes.byCode(sku)).get().extracting(p -> p.sku()).isEqualTo(sku);
        assertThat(codes.byCode(gtin)).get().extracting(p -> p.sku()).isEqualTo(sku);
        assertThat(codes.byCode("0" + gtin)).get().extracting(p -> p.sku()).isEqualTo(sku);
        assertThat(codes.byCode("00000000")).isEmpty();
        assertThat(codes.byCode(" ")).isEmpty();
    }

    private String product(String gtin) {
        String sku = Fixtures.unique("SKU");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("name", "Product " + sku);
        body.put("unitPrice", Fixtures.money("2.00", "EUR"));
        body.put("taxCategory", "STANDARD");
        body.put("gtin", gtin);
        admin.post("/api/products", body).expect(201);
        return sku;
    }

    private static String gtin() {
        StringBuilder digits = new StringBuilder("4");
        for (int i = 0; i < 11; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits + String.valueOf(Gtin.checkDigit(digits.toString()));
    }
}
