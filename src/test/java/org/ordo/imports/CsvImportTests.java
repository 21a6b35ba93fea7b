package org.ordo.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@OrdoTest
class CsvImportTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestUsers users;

    private Api admin() {
        return Api.at(port).asAdmin();
    }

    private Api as(String roles) {
        return Api.at(port).basic(users.staff(roles), TestUsers.PASSWORD);
    }

    static JsonNode upload(Api api, String kind, String csv, boolean dryRun) {
        return api.upload(
                        "/api/imports",
                        Map.of("kind", kind, "dryRun", Boolean.toString(dryRun)),
                        kind + ".csv",
                        csv.getBytes(StandardCharsets.UTF_8))
                .expect(202)
                .json();
    }

    /** Polls the job until it is finished; every processedRows seen on the way, in order. */
    static JsonNode finished(Api api, JsonNode job, List<Integer> progress) {
        String id = job.get("id").asString();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode view = api.get("/api/imports/" + id).expect(200).json();
            progress.add(view.get("job").get("processedRows").asInt());
            String status = view.get("job").get("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return view;
            }
            sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    static JsonNode finished(Api api, JsonNode job) {
        return finished(api, job, new ArrayList<>());
    }

    private String customerNumber(UUID id) {
        return admin().get("/api/customers/" + id)
                .expect(200)
                .json()
                .get("number")
                .asString();
    }

    private int ordersOf(UUID customer) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sales_order WHERE customer_id = ?", Integer.class, customer);
    }

    @Test
    void tenThousandOrderLinesImportInTheBackgroundWithProgressToSee() {
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            skus.add(fixtures.product("1.00"));
            fixtures.receive(skus.get(i), warehouse, 10_000);
        }
        UUID customer = fixtures.customer("100000000.00", warehouse);
        String number = customerNumber(customer);
        String batch = Fixtures.unique("B");
        StringBuilder csv = new StringBuilder("reference,customer,sku,quantity\n");
        for (int order = 0; order < 1000; order++) {
            for (String sku : skus) {
                csv.append(batch)
                        .append('-')
                        .append(order)
                        .append(',')
                        .append(number)
                        .append(',')
                        .append(sku)
                        .append(",1\n");
            }
        }
        long started = System.nanoTime();
        JsonNode job = upload(admin(), "orders", csv.toString(), false);
        assertThat(job.get("totalRows").asInt()).isEqualTo(10_000);
        List<Integer> progress = new ArrayList<>();
        JsonNode done = finished(admin(), job, progress);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.println("10,000 order lines (1,000 orders) imported in " + seconds + " s");

        assertThat(done.get("job").get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("job").get("appliedRows").asInt()).isEqualTo(10_000);
        assertThat(progress).as("progress seen while it ran").anyMatch(p -> p > 0 && p < 10_000);
        assertThat(progress).isSorted();
        assertThat(ordersOf(customer)).isEqualTo(1000);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM sales_order WHERE customer_id = ? AND channel = 'CSV'"
                                + " AND external_reference LIKE ?",
                        Integer.class,
                        customer,
                        batch + "-%"))
                .isEqualTo(1000);
    }

    @Test
    void threeBadRowsAreReportedWithLineColumnAndReasonAndEverythingElseIsSaved() {
        Fixtures fixtures = new Fixtures(port);
        String sku = fixtures.product("2.00");
        UUID customer = fixtures.customer("100000.00");
        String number = customerNumber(customer);
        String ref = Fixtures.unique("R");
        String csv = "reference,customer,sku,quantity\n"
                + ref + "-1," + number + "," + sku + ",1\n"
                + ref + "-2," + number + ",NO-SUCH-SKU,1\n" // line 3
                + ref + "-3," + number + "," + sku + ",2\n"
                + ref + "-4," + number + "," + sku + ",many\n" // line 5
                + ref + "-5,CUS-999999999," + sku + ",1\n" // line 6
                + ref + "-6," + number + "," + sku + ",3\n";

        JsonNode done = finished(admin(), upload(admin(), "orders", csv, false));

        assertThat(done.get("job").get("appliedRows").asInt()).isEqualTo(3);
        assertThat(done.get("job").get("rejectedRows").asInt()).isEqualTo(3);
        assertThat(ordersOf(customer)).isEqualTo(3);
        List<String> errors = done.get("errors")
                .valueStream()
                .map(e -> e.get("line").asInt() + "/" + e.get("column").asString())
                .toList();
        assertThat(errors).containsExactly("3/sku", "5/quantity", "6/customer");
        String errorsCsv = admin().header("Accept", "text/csv")
                .get("/api/imports/" + done.get("job").get("id").asString() + "/errors")
                .expect(200)
                .text();
        assertThat(errorsCsv.lines().toList()).hasSize(4).first().isEqualTo("line,column,reason");
        assertThat(errorsCsv).contains("5,quantity,must be a whole number");
    }

    @Test
    void theSameOrderFileImportedTwicePlacesEachOrderOnce() {
        Fixtures fixtures = new Fixtures(port);
        String a = fixtures.product("2.00");
        String b = fixtures.product("3.00");
        UUID customer = fixtures.customer("100000.00");
        String number = customerNumber(customer);
        String ref = Fixtures.unique("PO");
        String csv = "reference,customer,sku,quantity\n"
                + ref + "-1," + number + "," + a + ",1\n"
                + ref + "-1," + number + "," + b + ",2\n"
                + ref + "-2," + number + "," + a + ",5\n";

        JsonNode first = finished(admin(), upload(admin(), "orders", csv, false));
        JsonNode second = finished(admin(), upload(admin(), "orders", csv, false));

        assertThat(first.get("job").get("appliedRows").asInt()).isEqualTo(3);
        assertThat(second.get("job").get("appliedRows").asInt()).isZero();
        assertThat(second.get("job").get("unchangedRows").asInt()).isEqualTo(3);
        assertThat(ordersOf(customer)).isEqualTo(2);
        JsonNode rows = admin().get(
                        "/api/imports/" + second.get("job").get("id").asString() + "/rows")
                .expect(200)
                .json()
                .get("items");
        assertThat(rows.get(0).get("result").asString()).startsWith("SO-");
    }

    @Test
    void anOrderPlacedThroughTheApiWithTheReferenceIsNotImportedAgain() {
        Fixtures fixtures = new Fixtures(port);
        String sku = fixtures.product("2.00");
        UUID customer = fixtures.customer("100000.00");
        String ref = Fixtures.unique("EXT");
        Map<String, Object> body = new java.util.LinkedHashMap<>(Fixtures.order(customer, sku, 1));
        body.put("externalReference", ref);
        admin().post("/api/orders", body).expect(201);

        String csv = "reference,customer,sku,quantity\n" + ref + "," + customerNumber(customer) + "," + sku + ",1\n";
        JsonNode done = finished(admin(), upload(admin(), "orders", csv, false));

        assertThat(done.get("job").get("unchangedRows").asInt()).isEqualTo(1);
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void aByteOrderMarkSemicolonsQuotedLineBreaksAndHeadersInAnyCaseAreRead() {
        Fixtures fixtures = new Fixtures(port);
        String sku = fixtures.product("2.00");
        UUID customer = fixtures.customer("100000.00");
        String number = customerNumber(customer);
        String ref = Fixtures.unique("Q");
        String csv = "\uFEFFReference;CUSTOMER;Sku;Quantity;Notes\r\n"
                + ref + "-1;" + number + ";" + sku + ";1;\"first line\nsecond; line\"\r\n"
                + ref + "-2;" + number + ";" + sku + ";many;\r\n";

        JsonNode done = finished(admin(), upload(admin(), "orders", csv, false));

        assertThat(done.get("job").get("appliedRows").asInt()).isEqualTo(1);
        assertThat(done.get("errors").get(0).get("line").asInt())
                .as("the line in the file, after the quoted line break")
                .isEqualTo(4);
        String notes = jdbc.queryForObject(
                "SELECT notes FROM sales_order WHERE external_reference = ?", String.class, ref + "-1");
        assertThat(notes).isEqualTo("first line\nsecond; line");
    }

    @Test
    void aDryRunShowsEachRowsOutcomeAndSavesNothingUntilApplied() {
        Fixtures fixtures = new Fixtures(port);
        String sku = fixtures.product("2.00");
        UUID customer = fixtures.customer("100000.00");
        String number = customerNumber(customer);
        String ref = Fixtures.unique("D");
        String csv = "reference,customer,sku,quantity\n"
                + ref + "-1," + number + "," + sku + ",1\n"
                + ref + "-2," + number + "," + sku + ",0\n";

        JsonNode dry = finished(admin(), upload(admin(), "orders", csv, true));

        assertThat(ordersOf(customer)).isZero();
        String dryId = dry.get("job").get("id").asString();
        JsonNode rows = admin().get("/api/imports/" + dryId + "/rows")
                .expect(200)
                .json()
                .get("items");
        assertThat(rows.valueStream().map(r -> r.get("outcome").asString()).toList())
                .containsExactly("WOULD_APPLY", "REJECTED");

        JsonNode applied = finished(
                admin(),
                admin().post("/api/imports/" + dryId + "/apply", null)
                        .expect(202)
                        .json());
        assertThat(applied.get("job").get("appliedRows").asInt()).isEqualTo(1);
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void productsAreCreatedOrUpdatedBySkuAndPricesChange() {
        String sku = Fixtures.unique("IMP");
        String products = "sku,name,unit_price,currency,tax_category,weight_grams\n" + sku
                + ",Imported lamp,12.50,EUR,STANDARD,400\n";
        JsonNode created = finished(admin(), upload(admin(), "products", products, false));
        assertThat(created.get("job").get("appliedRows").asInt()).isEqualTo(1);
        JsonNode again = finished(admin(), upload(admin(), "products", products, false));
        assertThat(again.get("job").get("unchangedRows").asInt()).isEqualTo(1);

        JsonNode priced = finished(admin(), upload(admin(), "prices", "sku,unit_price\n" + sku + ",14.00\n", false));

        assertThat(priced.get("job").get("appliedRows").asInt()).isEqualTo(1);
        JsonNode product = admin().get("/api/products/" + sku).expect(200).json();
        assertThat(product.get("unitPrice").get("amount").asString()).isEqualTo("14.00");
        assertThat(product.get("name").asString()).isEqualTo("Imported lamp");
    }

    @Test
    void customersAreCreatedOnceAndStockCountsSetOnHand() {
        String email = Fixtures.unique("imp").toLowerCase() + "@example.com";
        String customers = "name,email,currency,billing_line1,billing_city,billing_postal_code,billing_country\n"
                + "Import GmbH," + email + ",EUR,Hauptstraße 2,Berlin,10115,DE\n";
        Api sales = as("SALES");
        JsonNode first = finished(sales, upload(sales, "customers", customers, false));
        JsonNode second = finished(sales, upload(sales, "customers", customers, false));
        assertThat(first.get("job").get("appliedRows").asInt()).isEqualTo(1);
        assertThat(second.get("job").get("unchangedRows").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE email = ?", Integer.class, email))
                .isEqualTo(1);

        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("1.00");
        fixtures.receive(sku, warehouse, 10);
        Api warehouseStaff = as("WAREHOUSE");
        JsonNode counted = finished(
                warehouseStaff,
                upload(
                        warehouseStaff,
                        "stock-counts",
                        "warehouse,sku,counted\n" + warehouse + "," + sku + ",7\n",
                        false));
        assertThat(counted.get("job").get("appliedRows").asInt()).isEqualTo(1);
        assertThat(fixtures.level(sku, warehouse).get("onHand").asLong()).isEqualTo(7);
    }

    @Test
    void aFileThatCannotBeReadIsRefusedAtOnceNamingTheField() {
        Api.Response unknown = admin().upload(
                        "/api/imports",
                        Map.of("kind", "orders"),
                        "o.csv",
                        "reference,customer,sku,quantity,colour\nR,C,S,1,red\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = unknown.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("code").asString()).isEqualTo("import-unknown-column");
        assertThat(error.get("message").asString()).contains("colour");

        JsonNode missing = admin().upload(
                        "/api/imports",
                        Map.of("kind", "orders"),
                        "o.csv",
                        "reference,customer,sku\nR,C,S\n".getBytes(StandardCharsets.UTF_8))
                .expect(400)
                .json();
        assertThat(missing.get("errors").get(0).get("code").asString()).isEqualTo("import-missing-column");
        assertThat(missing.get("errors").get(0).get("message").asString()).contains("quantity");

        JsonNode kind = admin().upload("/api/imports", Map.of("kind", "invoices"), "x.csv", "a\n1\n".getBytes())
                .expect(400)
                .json();
        assertThat(Fixtures.fields(kind)).containsExactly("kind");

        JsonNode noFile = admin().upload("/api/imports", Map.of("kind", "orders"), null, null)
                .expect(400)
                .json();
        assertThat(Fixtures.fields(noFile)).containsExactly("file");

        byte[] latin1 = "name\nM\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
        JsonNode notUtf8 = admin().upload("/api/imports", Map.of("kind", "customers"), "c.csv", latin1)
                .expect(400)
                .json();
        assertThat(notUtf8.get("errors").get(0).get("code").asString()).isEqualTo("import-not-utf8");
    }

    @Test
    void salesMayNotImportPricesAndTheWarehouseOnlyStockCounts() {
        byte[] prices = "sku,unit_price\nX,1.00\n".getBytes(StandardCharsets.UTF_8);
        Api.Response sales = as("SALES").upload("/api/imports", Map.of("kind", "prices"), "p.csv", prices);
        assertThat(sales.status()).isEqualTo(403);
        assertThat(Fixtures.fields(sales.json())).containsExactly("kind");
        Api.Response warehouse =
                as("WAREHOUSE").upload("/api/imports", Map.of("kind", "orders"), "o.csv", "reference\nR\n".getBytes());
        assertThat(warehouse.status()).isEqualTo(403);
        assertThat(as("ACCOUNTING").get("/api/imports").status()).isEqualTo(403);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
