package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The purchasing pages on the server: who may buy and who may receive, replenishment proposals turned into purchase
 * orders, a purchase order through its states, and receipts booked once with refusals in the user's language.
 */
@OrdoTest
class PurchasingPageTests {

    private static final Pattern PROPOSAL = Pattern.compile("name=\"proposal\" value=\"([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Fixtures fixtures;
    Api admin;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        admin = Api.at(port).asAdmin();
    }

    @Test
    void aWarehouseUserCannotSendPurchaseOrdersButReceivesThem() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("9.00");
        String number = sentPurchaseOrder(supplierWithOffer(sku), warehouse, sku, 5);

        PageClient page = new PageClient(port);
        page.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        assertThat(page.get("/purchasing").statusCode()).isEqualTo(403);
        assertThat(page.get("/purchasing/orders/" + number).statusCode()).isEqualTo(403);
        assertThat(page.get("/purchasing/suppliers").statusCode()).isEqualTo(403);
        HttpResponse<String> receiving = page.get("/warehouse/purchase-orders?warehouse=" + warehouse);
        assertThat(receiving.statusCode()).isEqualTo(200);
        assertThat(receiving.body()).contains(number).doesNotContain("nav-nav.purchasing");
        assertThat(page.post("/purchasing/orders/" + number + "/send", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(page.post("/purchasing/orders/" + number + "/cancel", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(status(number)).isEqualTo("SENT");
    }

    @Test
    void aBuyerLandsOnReplenishmentAndCannotReceive() {
        PageClient page = new PageClient(port);
        page.logIn(users.staff("PURCHASING"), TestUsers.PASSWORD);
        assertThat(page.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/purchasing");
        HttpResponse<String> home = page.get("/purchasing");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("nav-nav.purchasing").doesNotContain("nav-nav.warehouse");
        assertThat(page.get("/warehouse/purchase-orders").statusCode()).isEqualTo(403);
    }

    @Test
    void aBuyerTurnsAProposalIntoAPurchaseOrder() throws InterruptedException {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("9.00");
        fixtures.receive(sku, warehouse, 2);
        admin.put("/api/inventory/levels/" + warehouse + "/" + sku, Map.of("safetyStock", 0, "reorderPoint", 10))
                .expect(200);
        supplierWithOffer(sku);
        PageClient page = new PageClient(port);
        page.logIn(users.staff("PURCHASING"), TestUsers.PASSWORD);
        page.get("/purchasing");

        HttpResponse<String> started = page.post("/purchasing/runs", Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        String job = path(started);
        assertThat(job).startsWith("/purchasing/jobs/");
        assertThat(finished(page, job)).contains("id=\"job-result\"").contains("to-proposals");

        String proposals = page.get("/purchasing").body();
        assertThat(proposals).contains("proposal-" + sku + "-" + warehouse);
        String proposalId = proposalOf(proposals, sku, warehouse);
        HttpResponse<String> ordered = page.post("/purchasing/proposals/order", Map.of("proposal", proposalId));
        assertThat(ordered.statusCode()).isEqualTo(302);
        String poPath = path(ordered);
        assertThat(poPath).startsWith("/purchasing/orders/PO-");
        String number = poPath.substring("/purchasing/orders/".length());
        assertThat(page.get(poPath).body())
                .contains("po-status-DRAFT")
                .contains(sku)
                .contains("id=\"send\"");
        assertThat(status(number)).isEqualTo("DRAFT");

        page.post(poPath + "/send", Map.of());
        assertThat(status(number)).isEqualTo("SENT");
        LocalDate date = LocalDate.now().plusDays(9);
        assertThat(page.post(poPath + "/confirm", Map.of("date-1", date.toString()))
                        .statusCode())
                .isEqualTo(302);
        JsonNode po = admin.get("/api/purchase-orders/" + number).expect(200).json();
        assertThat(po.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(po.get("lines").get(0).get("confirmedDate").asString()).isEqualTo(date.toString());
        assertThat(page.get(poPath).body()).contains("po-status-CONFIRMED").contains("id=\"po-history\"");
        assertThat(page.get(poPath + "/pdf")
                        .headers()
                        .firstValue("Content-Type")
                        .orElseThrow())
                .startsWith("application/pdf");
    }

    @Test
    void aBuyerWritesAPurchaseOrderAndAnUnknownSkuIsNamedNextToItsLine() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("9.00");
        String supplier = supplierWithOffer(sku);
        PageClient page = new PageClient(port);
        page.logIn(users.staff("PURCHASING"), TestUsers.PASSWORD);
        page.get("/purchasing/orders/new?supplier=" + supplier);

        HttpResponse<String> refused = page.post(
                "/purchasing/orders",
                Map.of(
                        "supplier",
                        supplier,
                        "warehouse",
                        warehouse,
                        "sku",
                        "NO-SUCH-SKU",
                        "quantity",
                        "3",
                        "unitPrice",
                        ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"sku-0-error\"").contains("NO-SUCH-SKU is not in the catalog.");

        HttpResponse<String> created = page.post(
                "/purchasing/orders",
                Map.of("supplier", supplier, "warehouse", warehouse, "sku", sku, "quantity", "3", "unitPrice", ""));
        assertThat(created.statusCode()).isEqualTo(302);
        String number = path(created).substring("/purchasing/orders/".length());
        assertThat(status(number)).isEqualTo("DRAFT");
        assertThat(page.get("/purchasing/orders?status=DRAFT&sku=" + sku).body())
                .contains(number);
    }

    @Test
    void aBuyerCreatesASupplierSetsAnOfferAndABadEmailIsRefusedInChinese() {
        String sku = fixtures.product("9.00");
        PageClient page = new PageClient(port);
        page.logIn(users.staff("PURCHASING"), TestUsers.PASSWORD);
        page.get("/purchasing/suppliers/new");
        String name = Fixtures.unique("Lieferant");
        Map<String, String> form = new LinkedHashMap<>(supplierForm(name));
        HttpResponse<String> created = page.post("/purchasing/suppliers", form);
        assertThat(created.statusCode()).isEqualTo(302);
        String supplierPath = path(created);
        assertThat(page.get("/purchasing/suppliers?q=" + name.substring(0, 12).toLowerCase())
                        .body())
                .contains(name);

        page.get(supplierPath);
        HttpResponse<String> offer = page.post(
                supplierPath + "/offers",
                Map.of(
                        "sku", sku,
                        "supplierItemCode", "L-1",
                        "unitPrice", "3.20",
                        "leadTimeDays", "6",
                        "minimumOrderQuantity", "10",
                        "packSize", "5"));
        assertThat(offer.statusCode()).isEqualTo(302);
        assertThat(page.get(supplierPath).body()).contains("offer-" + sku).contains("L-1");

        page.post("/settings/language", Map.of("language", "zh-CN", "returnTo", supplierPath));
        page.get(supplierPath);
        form.put("email", "not-an-address");
        HttpResponse<String> refused = page.post(supplierPath, form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"email-error\"").contains("请输入电子邮件地址。");
    }

    @Test
    void theWarehouseReceivesAPurchaseOrderOnceHoweverOftenTheFormIsSent() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("9.00");
        String number = sentPurchaseOrder(supplierWithOffer(sku), warehouse, sku, 6);
        PageClient page = new PageClient(port);
        page.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        String form = page.get("/warehouse/purchase-orders/" + number).body();
        Matcher token =
                Pattern.compile("name=\"submission\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).isTrue();
        Map<String, String> fields = Map.of("submission", token.group(1), "qty-1", "4", "reason", "");

        assertThat(page.post("/warehouse/purchase-orders/" + number + "/receipts", fields)
                        .statusCode())
                .isEqualTo(302);
        page.get("/warehouse/purchase-orders/" + number);
        HttpResponse<String> again = page.post("/warehouse/purchase-orders/" + number + "/receipts", fields);
        assertThat(again.statusCode()).isEqualTo(302);

        JsonNode po = admin.get("/api/purchase-orders/" + number).expect(200).json();
        assertThat(po.get("lines").get(0).get("receivedQuantity").asLong()).isEqualTo(4);
        assertThat(po.get("status").asString()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(page.get(path(again)).body()).contains("was booked already");
        assertThat(fixtures.level(sku, warehouse).get("onHand").asLong()).isEqualTo(4);
    }

    @Test
    void aReceiptBeyondTheToleranceOrOfACancelledOrderIsRefusedInTheUsersLanguage() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("9.00");
        String supplier = supplierWithOffer(sku);
        String number = sentPurchaseOrder(supplier, warehouse, sku, 5);
        PageClient page = new PageClient(port);
        page.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        page.get("/warehouse/purchase-orders/" + number);

        HttpResponse<String> tooMany = page.post(
                "/warehouse/purchase-orders/" + number + "/receipts",
                Map.of("submission", UUID.randomUUID().toString(), "qty-1", "50", "reason", "pallet"));
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(tooMany.body()).contains("id=\"qty-1-error\"").contains("At most");

        page.post("/settings/language", Map.of("language", "zh-CN", "returnTo", "/warehouse"));
        page.get("/warehouse/purchase-orders/" + number);
        HttpResponse<String> inChinese = page.post(
                "/warehouse/purchase-orders/" + number + "/receipts",
                Map.of("submission", UUID.randomUUID().toString(), "qty-1", "50", "reason", "pallet"));
        assertThat(inChinese.body()).contains("最多还能收货");

        admin.post("/api/purchase-orders/" + number + "/cancel", Map.of()).expect(200);
        HttpResponse<String> cancelled = page.post(
                "/warehouse/purchase-orders/" + number + "/receipts",
                Map.of("submission", UUID.randomUUID().toString(), "qty-1", "5", "reason", ""));
        assertThat(cancelled.statusCode()).isEqualTo(409);
        assertThat(cancelled.body()).contains("id=\"form-error\"").contains("已取消");
        JsonNode po = admin.get("/api/purchase-orders/" + number).expect(200).json();
        assertThat(po.get("lines").get(0).get("receivedQuantity").asLong()).isZero();
    }

    @Test
    void aBuyerReadsASuppliersScorecardAndItsCsvWhileTheWarehouseMayNot() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("9.00");
        String supplier = supplierWithOffer(sku);
        String number = sentPurchaseOrder(supplier, warehouse, sku, 5);
        admin.post(
                        "/api/purchase-orders/" + number + "/confirm",
                        Map.of(
                                "lines",
                                List.of(Map.of(
                                        "lineNumber",
                                        1,
                                        "confirmedDate",
                                        LocalDate.now().plusDays(5).toString()))))
                .expect(200);
        admin.post(
                        "/api/purchase-orders/" + number + "/receipts",
                        Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", 5))))
                .expect(201);
        PageClient page = new PageClient(port);
        page.logIn(users.staff("PURCHASING"), TestUsers.PASSWORD);

        HttpResponse<String> scorecard = page.get("/purchasing/suppliers/" + supplier + "/scorecard");
        assertThat(scorecard.statusCode()).isEqualTo(200);
        assertThat(scorecard.body()).contains("100.0%").contains("1 of 1 deliveries with a confirmed date");
        HttpResponse<String> csv = page.get("/purchasing/suppliers/" + supplier + "/scorecard.csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("figure,value")
                .contains("onTimeDeliveries,1")
                .contains("fillRate,1");
        HttpResponse<String> backwards =
                page.get("/purchasing/suppliers/" + supplier + "/scorecard?from=2026-03-01&to=2026-02-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("id=\"to-error\"").contains("Must not be before the start date.");

        PageClient warehouseUser = new PageClient(port);
        warehouseUser.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        assertThat(warehouseUser
                        .get("/purchasing/suppliers/" + supplier + "/scorecard")
                        .statusCode())
                .isEqualTo(403);
    }

    private String supplierWithOffer(String sku) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Fixtures.unique("Supplier"));
        body.put("currency", "EUR");
        body.put("paymentTermsDays", 30);
        String id =
                admin.post("/api/suppliers", body).expect(201).json().get("id").asString();
        admin.put(
                        "/api/suppliers/" + id + "/items/" + sku,
                        Map.of("unitPrice", Fixtures.money("2.50", "EUR"), "leadTimeDays", 5))
                .expect(200);
        return id;
    }

    private String sentPurchaseOrder(String supplier, String warehouse, String sku, long quantity) {
        JsonNode po = admin.post(
                        "/api/purchase-orders",
                        Map.of(
                                "supplierId",
                                supplier,
                                "warehouse",
                                warehouse,
                                "lines",
                                List.of(Map.of("sku", sku, "quantity", quantity))))
                .expect(201)
                .json();
        String number = po.get("number").asString();
        admin.post("/api/purchase-orders/" + number + "/send", Map.of()).expect(200);
        return number;
    }

    private String status(String number) {
        return admin.get("/api/purchase-orders/" + number)
                .expect(200)
                .json()
                .get("status")
                .asString();
    }

    private static Map<String, String> supplierForm(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("contactName", "Erika Muster");
        form.put("email", "sales@supplier.example");
        form.put("currency", "EUR");
        form.put("paymentTermsDays", "30");
        form.put("active", "true");
        return form;
    }

    static String proposalOf(String page, String sku, String warehouse) {
        int row = page.indexOf("proposal-" + sku + "-" + warehouse);
        Matcher m = PROPOSAL.matcher(page);
        assertThat(m.find(row)).isTrue();
        return m.group(1);
    }

    static String finished(PageClient page, String job) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String body = page.get(job + "/progress").body();
            if (!body.contains("data-state=\"RUNNING\"")) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the replenishment run did not finish");
    }

    private static String path(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return location.startsWith("http") ? location.substring(location.indexOf('/', 8)) : location;
    }
}
