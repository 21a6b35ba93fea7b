package org.ordo.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@OrdoTest
class CustomerApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestUsers users;

    @Autowired
    Customers customers;

    @Autowired
    TransactionTemplate transactions;

    private Api admin() {
        return Api.at(port).asAdmin();
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> address(String name) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", name);
        address.put("line1", "Hauptstraße 1");
        address.put("city", "Berlin");
        address.put("postalCode", "10115");
        address.put("country", "DE");
        return address;
    }

    private static Map<String, Object> customer(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", "buyer@example.com");
        body.put("phone", "+49 30 123456");
        body.put("billingAddress", address(name));
        body.put("currency", "EUR");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static List<String> fields(Api.Response response) {
        return response.json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    private String create(Map<String, Object> body) {
        return admin().post("/api/customers", body).expect(201).json().get("id").asString();
    }

    private int customersNamed(String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE name = ?", Integer.class, name);
    }

    private List<String> auditActions(String id) {
        return jdbc.queryForList(
                "SELECT action FROM audit_entry WHERE entity = 'CUSTOMER' AND entity_id = ? ORDER BY chain_seq",
                String.class,
                id);
    }

    private Api user(String roles, String customerId) {
        return Api.at(port)
                .basic(users.user(roles, customerId == null ? null : UUID.fromString(customerId)), TestUsers.PASSWORD);
    }

    @Test
    void createsCustomerWithDefaultsLocationAndEtag() {
        String name = unique("Acme");
        var created = admin().post("/api/customers", customer(name)).expect(201);
        JsonNode json = created.json();
        String id = json.get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/customers/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(json.get("shippingAddress")).isEqualTo(json.get("billingAddress"));
        assertThat(json.get("billingAddress").get("country").asString()).isEqualTo("DE");
        assertThat(json.get("creditLimit").get("amount").asString()).isEqualTo("0.00");
        assertThat(json.get("creditLimit").get("currency").asString()).isEqualTo("EUR");
        assertThat(json.get("paymentTermsDays").asInt()).isEqualTo(30);
        assertThat(json.get("active").asBoolean()).isTrue();
        assertThat(json.get("version").asLong()).isZero();
        assertThat(json.get("createdAt").asString()).endsWith("Z");

        var read = admin().get("/api/customers/" + id).expect(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.json().get("name").asString()).isEqualTo(name);
        assertThat(read.json().get("email").asString()).isEqualTo("buyer@example.com");
    }

    @Test
    void aCustomerWritesInEnglishUnlessChineseIsChosenAndMayHaveItsOwnBillingEmail() {
        JsonNode plain = admin().post("/api/customers", customer(unique("Plain")))
                .expect(201)
                .json();
        assertThat(plain.get("language").asString()).isEqualTo("en");
        assertThat(plain.get("billingEmail").isNull()).isTrue();

        Map<String, Object> body = with(customer(unique("Chinese")), "language", "zh-CN");
        body.put("billingEmail", "ap@example.com");
        JsonNode chinese = admin().post("/api/customers", body).expect(201).json();
        assertThat(chinese.get("language").asString()).isEqualTo("zh-CN");
        assertThat(chinese.get("billingEmail").asString()).isEqualTo("ap@example.com");

        Map<String, Object> bad = with(customer(unique("Klingon")), "language", "tlh");
        bad.put("billingEmail", "not-an-address");
        assertThat(fields(admin().post("/api/customers", bad).expect(400))).contains("language", "billingEmail");
    }

    @Test
    void aCustomerMayBelongToATrimmedGroupOfAtMost60CharactersThatPatchChangesAndNullClears() {
        String group = unique("Wholesale");
        JsonNode created = admin().post(
                        "/api/customers", with(customer(unique("Grouped")), "group", " " + group + "  "))
                .expect(201)
                .json();
        assertThat(created.get("group").asString()).isEqualTo(group);
        String id = created.get("id").asString();
        assertThat(customers.find(UUID.fromString(id)).orElseThrow().group()).isEqualTo(group);
        assertThat(customers.groups()).contains(group);

        var tooLong = admin().post("/api/customers", with(customer(unique("Long")), "group", "g".repeat(61)))
                .expect(400);
        assertThat(fields(tooLong)).containsExactly("group");

        Map<String, Object> clear = new HashMap<>();
        clear.put("group", null);
        JsonNode cleared =
                admin().patch("/api/customers/" + id, clear).expect(200).json();
        assertThat(cleared.get("group").isNull()).isTrue();
    }

    @Test
    void keepsAnExplicitShippingAddressAndCreditTerms() {
        Map<String, Object> body = with(customer(unique("Globex")), "shippingAddress", address("Dock 4"));
        body.put("creditLimit", Map.of("amount", "5000", "currency", "EUR"));
        body.put("paymentTermsDays", 14);
        body.put("preferredWarehouse", "NO-SUCH-WH");
        String id = create(body);

        CustomerSnapshot snapshot = customers.find(UUID.fromString(id)).orElseThrow();
        assertThat(snapshot.shippingAddress().name()).isEqualTo("Dock 4");
        assertThat(snapshot.billingAddress().name()).startsWith("Globex");
        assertThat(snapshot.creditLimit()).isEqualTo(Money.of("5000", "EUR"));
        assertThat(snapshot.paymentTermsDays()).isEqualTo(14);
        assertThat(snapshot.preferredWarehouse()).isEqualTo("NO-SUCH-WH");
        assertThat(customers.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void creditLimitInAnotherCurrencyNamesCreditLimitCurrency() {
        String name = unique("Mismatch");
        var response = admin().post(
                        "/api/customers",
                        with(customer(name), "creditLimit", Map.of("amount", "100", "currency", "USD")))
                .expect(400);
        assertThat(fields(response)).containsExactly("creditLimit.currency");
        assertThat(customersNamed(name)).isZero();
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsCreated() {
        String name = unique("Broken");
        Map<String, Object> body = customer(name);
        body.put("email", "not-an-address");
        body.put("currency", "EURO");
        body.put("paymentTermsDays", 366);
        body.put("creditLimit", Map.of("amount", "-5", "currency", "EUR"));
        Map<String, Object> billing = address(name);
        billing.put("country", "Germany");
        billing.remove("city");
        body.put("billingAddress", billing);
        var response = admin().post("/api/customers", body).expect(400);
        assertThat(fields(response))
                .containsExactlyInAnyOrder(
                        "email",
                        "currency",
                        "paymentTermsDays",
                        "creditLimit.amount",
                        "billingAddress.country",
                        "billingAddress.city");
        assertThat(customersNamed(name)).isZero();

        assertThat(fields(admin().post("/api/customers", Map.of()).expect(400)))
                .containsExactlyInAnyOrder("name", "currency");
    }

    @Test
    void malformedJsonAndUnknownFieldsAreProblems() {
        var malformed = admin().post("/api/customers", "{\"name\": ").expect(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        String name = unique("Unknown");
        assertThat(fields(admin().post("/api/customers", with(customer(name), "vatId", "DE1"))
                        .expect(400)))
                .containsExactly("vatId");
        Map<String, Object> address = with(address(name), "floor", 3);
        assertThat(fields(admin().post("/api/customers", with(customer(name), "billingAddress", address))
                        .expect(400)))
                .containsExactly("billingAddress.floor");
        assertThat(customersNamed(name)).isZero();
        admin().get("/api/customers/not-a-uuid").expect(400);
    }

    @Test
    void searchMatchesNameOrEmailInAnyCaseAndPages() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        create(customer("Beta " + tag));
        create(customer("Alpha " + tag));
        create(with(customer("Gamma"), "email", "orders+" + tag + "@gamma.example"));
        create(customer("Unrelated " + UUID.randomUUID()));

        var all =
                admin().get("/api/customers?q=" + tag.toUpperCase()).expect(200).json();
        assertThat(all.get("totalItems").asLong()).isEqualTo(3);
        assertThat(all.get("items")
                        .valueStream()
                        .map(c -> c.get("name").asString())
                        .toList())
                .containsExactly("Alpha " + tag, "Beta " + tag, "Gamma");

        var second = admin().get("/api/customers?q=" + tag + "&page=1&size=2")
                .expect(200)
                .json();
        assertThat(second.get("items")
                        .valueStream()
                        .map(c -> c.get("name").asString())
                        .toList())
                .containsExactly("Gamma");
        assertThat(second.get("totalItems").asLong()).isEqualTo(3);
    }

    @Test
    void everyNewCustomerGetsTheNextHumanNumber() {
        JsonNode first = admin().post("/api/customers", customer(unique("Numbered")))
                .expect(201)
                .json();
        JsonNode second = admin().post("/api/customers", customer(unique("Numbered")))
                .expect(201)
                .json();
        String number = first.get("number").asString();
        assertThat(number).matches("CUS-\\d{6,}");
        long n = Long.parseLong(number.substring(4));
        assertThat(second.get("number").asString()).isEqualTo(String.format("CUS-%06d", n + 1));
        assertThat(admin().get("/api/customers/" + first.get("id").asString())
                        .expect(200)
                        .json()
                        .get("number")
                        .asString())
                .isEqualTo(number);
    }

    @Test
    void aPatchCannotChangeTheNumber() {
        JsonNode created = admin().post("/api/customers", customer(unique("Fixed")))
                .expect(201)
                .json();
        String id = created.get("id").asString();
        admin().header("If-Match", "\"0\"")
                .patch("/api/customers/" + id, Map.of("number", "CUS-999999"))
                .expect(400);
        assertThat(admin().get("/api/customers/" + id)
                        .expect(200)
                        .json()
                        .get("number")
                        .asString())
                .isEqualTo(created.get("number").asString());
    }

    @Test
    void searchFindsACustomerByItsNumberInAnyCase() {
        JsonNode created = admin().post("/api/customers", customer(unique("By number")))
                .expect(201)
                .json();
        String number = created.get("number").asString();
        var found = admin().get("/api/customers?q=" + number.toLowerCase())
                .expect(200)
                .json();
        assertThat(found.get("items")
                        .valueStream()
                        .map(c -> c.get("id").asString())
                        .toList())
                .containsExactly(created.get("id").asString());
    }

    @Test
    void patchChangesOnlyPresentFieldsAndNullClears() {
        String id = create(customer(unique("Patchy")));
        Map<String, Object> patch = new HashMap<>();
        patch.put("phone", null);
        patch.put("creditLimit", Map.of("amount", "250.50", "currency", "EUR"));
        var patched = admin().header("If-Match", "\"0\"")
                .patch("/api/customers/" + id, patch)
                .expect(200);
        assertThat(patched.header("ETag")).isEqualTo("\"1\"");
        JsonNode json = patched.json();
        assertThat(json.get("phone").isNull()).isTrue();
        assertThat(json.get("creditLimit").get("amount").asString()).isEqualTo("250.50");
        assertThat(json.get("email").asString()).isEqualTo("buyer@example.com");

        assertThat(fields(admin().patch("/api/customers/" + id, Map.of("currency", "USD"))
                        .expect(400)))
                .containsExactly("creditLimit.currency");
        admin().patch("/api/customers/" + UUID.randomUUID(), Map.of("name", "Ghost"))
                .expect(404);
    }

    @Test
    void patchWithStaleIfMatchIs412AndChangesNothing() {
        String id = create(customer(unique("Stale")));
        admin().header("If-Match", "\"0\"")
                .patch("/api/customers/" + id, Map.of("paymentTermsDays", 60))
                .expect(200);
        var stale = admin().header("If-Match", "\"0\"")
                .patch("/api/customers/" + id, Map.of("paymentTermsDays", 90))
                .expect(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        var current = admin().get("/api/customers/" + id).expect(200);
        assertThat(current.json().get("paymentTermsDays").asInt()).isEqualTo(60);
        assertThat(current.header("ETag")).isEqualTo("\"1\"");
        assertThat(auditActions(id)).containsExactly("CREATED", "UPDATED");
    }

    @Test
    void accountingChangesCreditTermsButNothingElse() {
        String id = create(customer(unique("Credit")));
        Api accounting = user("ACCOUNTING", null);
        accounting
                .patch(
                        "/api/customers/" + id,
                        Map.of("creditLimit", Map.of("amount", "1000", "currency", "EUR"), "paymentTermsDays", 45))
                .expect(200);
        var refused = accounting
                .patch("/api/customers/" + id, Map.of("name", "Renamed", "paymentTermsDays", 10))
                .expect(403);
        assertThat(fields(refused)).containsExactly("name");
        accounting.post("/api/customers", customer(unique("Nope"))).expect(403);
        user("WAREHOUSE", null)
                .patch("/api/customers/" + id, Map.of("paymentTermsDays", 10))
                .expect(403);
        JsonNode current = admin().get("/api/customers/" + id).json();
        assertThat(current.get("paymentTermsDays").asInt()).isEqualTo(45);
        assertThat(current.get("creditLimit").get("amount").asString()).isEqualTo("1000.00");
    }

    @Test
    void customerUserSeesOnlyItsOwnCustomer() {
        String own = create(customer(unique("Own")));
        String other = create(customer(unique("Other")));
        Api customerUser = user("CUSTOMER", own);

        assertThat(customerUser
                        .get("/api/customers/" + own)
                        .expect(200)
                        .json()
                        .get("id")
                        .asString())
                .isEqualTo(own);
        var hidden = customerUser.get("/api/customers/" + other).expect(404);
        var missing = customerUser.get("/api/customers/" + UUID.randomUUID()).expect(404);
        assertThat(hidden.json().get("errorCode").asString())
                .isEqualTo(missing.json().get("errorCode").asString());
        customerUser.get("/api/customers").expect(403);
        customerUser.patch("/api/customers/" + own, Map.of("name", "Mine now")).expect(403);
        customerUser.post("/api/customers", customer(unique("Self"))).expect(403);

        user("SUPPORT", null).get("/api/customers/" + other).expect(200);
    }

    @Test
    void everyChangeLeavesAnAuditEntry() {
        String id = create(customer(unique("Audited")));
        admin().patch("/api/customers/" + id, Map.of("active", false)).expect(200);
        admin().patch("/api/customers/" + id, Map.of("email", "new@example.com"))
                .expect(200);
        // the same value again is no change: no version, no entry
        admin().patch("/api/customers/" + id, Map.of("email", "new@example.com"))
                .expect(200);
        assertThat(auditActions(id)).containsExactly("CREATED", "UPDATED", "UPDATED");
        Map<String, Object> last = jdbc.queryForMap(
                "SELECT actor, before_state, after_state FROM audit_entry "
                        + "WHERE entity = 'CUSTOMER' AND entity_id = ? AND chain_seq = 3",
                id);
        assertThat(last.get("actor")).isEqualTo("admin");
        assertThat((String) last.get("before_state")).contains("buyer@example.com");
        assertThat((String) last.get("after_state")).contains("new@example.com");
    }

    @Test
    void idempotencyKeyCreatesOneCustomer() {
        String name = unique("Once");
        Api keyed = admin().header("Idempotency-Key", UUID.randomUUID().toString());
        String first = keyed.post("/api/customers", customer(name))
                .expect(201)
                .json()
                .get("id")
                .asString();
        String again = keyed.post("/api/customers", customer(name))
                .expect(201)
                .json()
                .get("id")
                .asString();
        assertThat(again).isEqualTo(first);
        assertThat(customersNamed(name)).isEqualTo(1);
    }

    @Test
    void lockForCreditCheckNeedsTheCallersTransaction() {
        UUID id = UUID.fromString(create(customer(unique("Locked"))));
        assertThatThrownBy(() -> customers.lockForCreditCheck(id)).isInstanceOf(IllegalTransactionStateException.class);
        CustomerSnapshot locked = transactions.execute(tx -> customers.lockForCreditCheck(id));
        assertThat(locked.id()).isEqualTo(id);
        assertThat(locked.currency()).isEqualTo("EUR");
        assertThatThrownBy(() -> transactions.execute(tx -> customers.lockForCreditCheck(UUID.randomUUID())))
                .isInstanceOf(OrdoException.class)
                .extracting(e -> ((OrdoException) e).kind())
                .isEqualTo(OrdoException.Kind.NOT_FOUND);
    }
}
