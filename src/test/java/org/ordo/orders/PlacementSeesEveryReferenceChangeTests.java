package org.ordo.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.testing.Fixtures.money;
import static org.ordo.testing.Fixtures.order;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordo.platform.ChangeNotices;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoProcess;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.PostgresTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Placement takes products, price lists, promotions and VAT rates from memory, and yet the next order after a change
 * of any of them is priced by the change: on the node that made it, on another node (a second Ordo process on the
 * same PostgreSQL), and on a node that cannot hear changes, which then reads instead.
 */
@OrdoTest
class PlacementSeesEveryReferenceChangeTests {

    private static Process secondNode;
    private static int secondPort;

    @TempDir
    static Path workDirectory;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChangeNotices notices;

    Fixtures fixtures;
    Api admin;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        admin = Api.at(port).asAdmin();
    }

    @AfterAll
    static void stopSecondNode() throws InterruptedException {
        if (secondNode != null) {
            secondNode.destroy();
            secondNode.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aChangedProductPriceIsChargedByTheNextOrder() {
        String sku = fixtures.product("20.00");
        UUID customer = fixtures.customer("100000.00");
        assertThat(unitPrice(admin, customer, sku)).isEqualTo("20.00");
        assertThat(unitPrice(admin, customer, sku)).isEqualTo("20.00");

        admin.patch("/api/products/" + sku, Map.of("unitPrice", money("23.00", "EUR")))
                .expect(200);

        assertThat(unitPrice(admin, customer, sku)).isEqualTo("23.00");
    }

    @Test
    void aPriceListAssignedToTheCustomerIsChargedByTheNextOrder() {
        String sku = fixtures.product("20.00");
        UUID customer = fixtures.customer("100000.00");
        assertThat(unitPrice(admin, customer, sku)).isEqualTo("20.00");

        String list = priceList(admin, customer);
        price(admin, list, sku, "17.00");
        assertThat(unitPrice(admin, customer, sku)).isEqualTo("17.00");

        price(admin, list, sku, "16.00");
        assertThat(unitPrice(admin, customer, sku)).isEqualTo("16.00");
    }

    @Test
    void aNewPromotionDiscountsTheNextOrder() {
        String sku = fixtures.product("10.00");
        UUID customer = fixtures.customer("100000.00");
        assertThat(unitPrice(admin, customer, sku)).isEqualTo("10.00");

        admin.post(
                        "/api/promotions",
                        Map.of(
                                "name",
                                "Cache sale " + sku,
                                "kind",
                                "PERCENT",
                                "percent",
                                "20",
                                "skus",
                                List.of(sku),
                                "validFrom",
                                LocalDate.now().minusDays(1).toString()))
                .expect(201);

        assertThat(unitPrice(admin, customer, sku)).isEqualTo("8.00");
    }

    @Test
    void aNewVatRateIsChargedByTheNextOrder() {
        // Croatia has no seeded rates: a consumer there pays the category's default until one is added
        BigDecimal categoryDefault = taxRateToCroatia();
        assertThat(categoryDefault).isNotEqualByComparingTo("0.25");
        assertThat(taxRateToCroatia()).isEqualByComparingTo(categoryDefault);

        admin.post(
                        "/api/tax-rates",
                        Map.of(
                                "country",
                                "HR",
                                "taxCategory",
                                "STANDARD",
                                "rate",
                                new BigDecimal("0.25"),
                                "validFrom",
                                LocalDate.of(2000, 1, 1)))
                .expect(201);

        assertThat(taxRateToCroatia()).isEqualByComparingTo("0.25");
    }

    @Test
    void aPriceChangedOnOneNodeIsChargedByTheNextOrderOnTheOther() throws Exception {
        Api second = secondNode().asAdmin();
        String sku = fixtures.product("20.00");
        UUID customer = fixtures.customer("100000.00");
        String list = priceList(admin, customer);
        price(admin, list, sku, "18.00");
        assertThat(unitPrice(second, customer, sku)).isEqualTo("18.00");
        assertThat(unitPrice(second, customer, sku)).isEqualTo("18.00");

        price(admin, list, sku, "15.00");
        assertThat(unitPrice(second, customer, sku)).isEqualTo("15.00");

        price(second, list, sku, "14.00");
        assertThat(unitPrice(admin, customer, sku)).isEqualTo("14.00");
        admin.patch("/api/products/" + sku, Map.of("unitPrice", money("30.00", "EUR")))
                .expect(200);
        UUID other = fixtures.customer("100000.00");
        assertThat(unitPrice(second, other, sku)).isEqualTo("30.00");
    }

    @Test
    void aNodeThatCannotHearChangesChargesNoStalePrice() {
        await().atMost(Duration.ofSeconds(30)).until(notices::trusted);
        String sku = fixtures.product("20.00");
        UUID customer = fixtures.customer("100000.00");
        assertThat(unitPrice(admin, customer, sku)).isEqualTo("20.00");

        jdbc.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE application_name = 'ordo change notices' AND pid <> pg_backend_pid()")
                .query((rs, n) -> 1)
                .list();
        await().atMost(Duration.ofSeconds(10)).until(() -> !notices.trusted());
        // a change this node cannot hear: made behind its back, no notice sent
        jdbc.sql("UPDATE product SET unit_price = 21.00 WHERE sku = ?")
                .param(sku)
                .update();

        assertThat(unitPrice(admin, customer, sku)).isEqualTo("21.00");
        await().atMost(Duration.ofSeconds(30)).until(notices::trusted);
        assertThat(unitPrice(admin, customer, sku)).isEqualTo("21.00");
    }

    private BigDecimal taxRateToCroatia() {
        String sku = fixtures.product("100.00", "STANDARD");
        UUID customer = fixtures.customer("100000.00");
        Map<String, Object> body = new LinkedHashMap<>(order(customer, sku, 1));
        Map<String, Object> zagreb = new LinkedHashMap<>(Fixtures.address("Client"));
        zagreb.put("country", "HR");
        body.put("shippingAddress", zagreb);
        JsonNode placed = admin.post("/api/orders", body).expect(201).json();
        return new BigDecimal(placed.at("/lines/0/taxRate").asString());
    }

    private static String unitPrice(Api node, UUID customer, String sku) {
        return node.post("/api/orders", order(customer, sku, 1))
                .expect(201)
                .json()
                .at("/lines/0/unitPrice/amount")
                .asString();
    }

    private static String priceList(Api node, UUID customer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Cached " + customer);
        body.put("currency", "EUR");
        body.put("validFrom", LocalDate.now().minusDays(1).toString());
        body.put("customerIds", List.of(customer.toString()));
        return node.post("/api/price-lists", body).expect(201).json().get("id").asString();
    }

    private static void price(Api node, String list, String sku, String price) {
        node.put(
                        "/api/price-lists/" + list + "/prices/" + sku,
                        Map.of("unitPrice", money(price, "EUR"), "breaks", List.of()))
                .expect(200);
    }

    /** Ordo as a second process on the same database, started once. */
    private static synchronized Api secondNode() throws Exception {
        if (secondNode == null) {
            PostgresTestDatabase.Connection db = PostgresTestDatabase.get();
            secondPort = OrdoProcess.freePort();
            secondNode = OrdoProcess.start(
                    workDirectory,
                    List.of(
                            "--spring.datasource.url=" + db.url(),
                            "--spring.datasource.username=" + db.user(),
                            "--spring.datasource.password=" + db.password(),
                            "--spring.modulith.events.republish-outstanding-events-on-restart=false",
                            "--server.shutdown=immediate"),
                    secondPort,
                    "second-node");
        }
        return Api.at(secondPort);
    }
}
