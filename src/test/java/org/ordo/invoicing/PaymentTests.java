package org.ordo.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.orders.OrderFulfillment;
import org.ordo.orders.ReceivablesBalance;
import org.ordo.platform.Paging;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Payments, allocation to invoices, money on account, refunds, and the rules that keep invariant 10. */
@OrdoTest
class PaymentTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    Accounting accounting;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ReceivablesBalance receivables;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerAccounts accounts;

    Fixtures fixtures;
    InvoicingSupport flow;
    Api admin;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        flow = new InvoicingSupport(port, fulfillment, tx, events);
        admin = Api.at(port).asAdmin();
    }

    /** An issued invoice of a DE customer for {@code quantity} × 10.00 + 19 % VAT (11.90 each). */
    private JsonNode invoice(UUID customer, int quantity) {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, quantity);
        JsonNode order = flow.order(customer, sku, quantity);
        flow.ship(order, warehouse, 1, quantity);
        return flow.awaitInvoice(order.get("id").asString());
    }

    private static Map<String, Object> payment(UUID customer, String amount, Object... invoiceAndAmount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customer.toString());
        body.put("amount", money(amount, "EUR"));
        body.put("method", "BANK_TRANSFER");
        body.put("reference", Fixtures.unique("REF"));
        if (invoiceAndAmount.length > 0) {
            body.put("allocations", allocations(invoiceAndAmount));
        }
        return body;
    }

    private static List<Map<String, Object>> allocations(Object... invoiceAndAmount) {
        List<Map<String, Object>> allocations = new ArrayList<>();
        for (int i = 0; i < invoiceAndAmount.length; i += 2) {
            allocations.add(
                    Map.of("invoiceId", invoiceAndAmount[i], "amount", money((String) invoiceAndAmount[i + 1], "EUR")));
        }
        return allocations;
    }

    private static String id(JsonNode node) {
        return node.get("id").asString();
    }

    private static String amount(JsonNode node, String field) {
        return node.get(field).get("amount").asString();
    }

    private void backdateDue(String invoiceId, int daysAgo) {
        jdbc.update(
                "UPDATE invoice SET due_date = CURRENT_DATE - " + daysAgo + " WHERE id = ?",
                UUID.fromString(invoiceId));
    }

    private void assertConsistent() {
        JsonNode consistency = fixtures.consistency();
        assertThat(consistency.get("consistent").asBoolean())
                .as(consistency.toString())
                .isTrue();
    }

    @Test
    void invoicesAndPaymentsAreFoundByTheCustomersNumberOrName() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode invoice = invoice(customer, 1);
        JsonNode payment = admin.post("/api/payments", payment(customer, "11.90"))
                .expect(201)
                .json();
        JsonNode master = admin.get("/api/customers/" + customer).expect(200).json();
        String number = master.get("number").asString();
        String name = master.get("name").asString().replace(" ", "%20");

        for (String reference : List.of(number, number.toLowerCase(), name)) {
            assertThat(admin.get("/api/invoices?customer=" + reference)
                            .expect(200)
                            .json()
                            .get("items"))
                    .as(reference)
                    .singleElement()
                    .satisfies(i -> assertThat(id(i)).isEqualTo(id(invoice)));
            assertThat(admin.get("/api/payments?customer=" + reference)
                            .expect(200)
                            .json()
                            .get("items"))
                    .as(reference)
                    .singleElement()
                    .satisfies(p -> assertThat(id(p)).isEqualTo(id(payment)));
        }
        assertThat(admin.get("/api/invoices?customer=CUS-NOBODY")
                        .expect(200)
                        .json()
                        .get("items"))
                .isEmpty();
        // the invoice list's search box takes the customer's number too
        Accounting.Search typed =
                new Accounting.Search(null, false, null, null, null, null, number.toLowerCase(), LocalDate.now());
        assertThat(accounting.search(typed, Paging.of(0, 10)).items())
                .extracting(Accounting.Listed::id)
                .containsExactly(UUID.fromString(id(invoice)));
    }

    @Test
    void withoutAllocationsAPaymentPaysTheOldestOpenInvoicesFirstAndKeepsTheRestOnAccount() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode newer = invoice(customer, 1); // 11.90
        JsonNode older = invoice(customer, 2); // 23.80
        backdateDue(id(older), 3);

        Api.Response created =
                admin.post("/api/payments", payment(customer, "30.00")).expect(201);
        JsonNode payment = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/payments/" + id(payment));
        assertThat(payment.get("status").asString()).isEqualTo("ALLOCATED");
        assertThat(amount(payment, "amountAllocated")).isEqualTo("30.00");
        assertThat(payment.get("allocations")
                        .valueStream()
                        .map(a -> a.get("invoiceNumber").asString() + " " + amount(a, "amount")))
                .containsExactly(
                        older.get("number").asString() + " 23.80",
                        newer.get("number").asString() + " 6.20");
        assertThat(flow.invoice(id(older)).get("status").asString()).isEqualTo("PAID");
        JsonNode partly = flow.invoice(id(newer));
        assertThat(partly.get("status").asString()).isEqualTo("PARTIALLY_PAID");
        assertThat(amount(partly, "amountDue")).isEqualTo("5.70");
        assertThat(partly.get("payments"))
                .singleElement()
                .satisfies(p -> assertThat(amount(p, "amount")).isEqualTo("6.20"));

        // the next payment pays the rest and leaves 4.30 on the customer's account
        JsonNode second = admin.post("/api/payments", payment(customer, "10.00"))
                .expect(201)
                .json();
        assertThat(second.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(amount(second, "amountOnAccount")).isEqualTo("4.30");
        assertThat(flow.invoice(id(newer)).get("status").asString()).isEqualTo("PAID");
        assertThat(receivables.openBalance(customer)).isEqualByComparingTo("0");

        JsonNode account =
                admin.get("/api/customers/" + customer + "/account").expect(200).json();
        JsonNode eur = account.get("balances").get(0);
        assertThat(amount(eur, "invoiced")).isEqualTo("35.70");
        assertThat(amount(eur, "paid")).isEqualTo("35.70");
        assertThat(amount(eur, "balance")).isEqualTo("0.00");
        assertThat(amount(eur, "onAccount")).isEqualTo("4.30");
        assertThat(account.get("openInvoices")).isEmpty();
        assertThat(account.get("paymentsOnAccount"))
                .singleElement()
                .satisfies(p -> assertThat(p.get("paymentId").asString()).isEqualTo(id(second)));
        assertConsistent();
    }

    @Test
    void explicitAllocationsAreTakenExactlyAsGivenAndMoneyOnAccountIsAllocatedLater() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode first = invoice(customer, 1); // 11.90
        JsonNode second = invoice(customer, 1); // 11.90

        JsonNode payment = admin.post("/api/payments", payment(customer, "20.00", id(second), "5.00"))
                .expect(201)
                .json();
        assertThat(amount(payment, "amountOnAccount")).isEqualTo("15.00");
        assertThat(flow.invoice(id(first)).get("status").asString()).isEqualTo("ISSUED");
        assertThat(flow.invoice(id(second)).get("status").asString()).isEqualTo("PARTIALLY_PAID");

        String path = "/api/payments/" + id(payment) + "/allocations";
        JsonNode allocated = admin.post(path, Map.of("allocations", allocations(id(first), "11.90")))
                .expect(200)
                .json();
        assertThat(allocated.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(amount(allocated, "amountOnAccount")).isEqualTo("3.10");
        assertThat(flow.invoice(id(first)).get("status").asString()).isEqualTo("PAID");

        // without allocations what is left goes to the oldest open invoice
        JsonNode rest = admin.post(path, null).expect(200).json();
        assertThat(rest.get("status").asString()).isEqualTo("ALLOCATED");
        assertThat(amount(rest, "amountOnAccount")).isEqualTo("0.00");
        assertThat(amount(flow.invoice(id(second)), "amountDue")).isEqualTo("3.80");
        Api.Response nothingLeft = admin.post(path, null).expect(422);
        assertThat(nothingLeft.json().get("errorCode").asString()).isEqualTo("nothing-on-account");

        JsonNode listed =
                admin.get("/api/payments?customerId=" + customer).expect(200).json();
        assertThat(listed.get("totalItems").asLong()).isEqualTo(1);
        assertConsistent();
    }

    @Test
    void rejectsAllocationBeyondThePaymentAndChangesNothing() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode a = invoice(customer, 1);
        JsonNode b = invoice(customer, 1);

        Api.Response refused = admin.post("/api/payments", payment(customer, "15.00", id(a), "11.90", id(b), "5.00"))
                .expect(422);
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("allocation-exceeds-payment");
        assertThat(Fixtures.fields(refused.json())).containsExactly("allocations");
        assertThat(admin.get("/api/payments?customerId=" + customer)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
        assertThat(amount(flow.invoice(id(a)), "amountPaid")).isEqualTo("0.00");
        assertThat(flow.invoice(id(a)).get("status").asString()).isEqualTo("ISSUED");
    }

    @Test
    void rejectsAllocationBeyondAnInvoicesOpenAmountNamingTheField() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode invoice = invoice(customer, 1);

        Api.Response refused = admin.post("/api/payments", payment(customer, "20.00", id(invoice), "12.00"))
                .expect(422);
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("allocation-exceeds-invoice");
        assertThat(Fixtures.fields(refused.json())).containsExactly("allocations[0].amount");
        assertThat(admin.get("/api/payments?customerId=" + customer)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();

        // a paid invoice has nothing open: a second allocation to it is refused the same way
        admin.post("/api/payments", payment(customer, "11.90", id(invoice), "11.90"))
                .expect(201);
        Api.Response paid = admin.post("/api/payments", payment(customer, "1.00", id(invoice), "1.00"))
                .expect(422);
        assertThat(paid.json().get("errorCode").asString()).isEqualTo("allocation-exceeds-invoice");
        assertThat(amount(flow.invoice(id(invoice)), "amountPaid")).isEqualTo("11.90");
    }

    @Test
    void rejectsAllocationToAVoidInvoiceAsAConflict() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode invoice = invoice(customer, 1);
        admin.post("/api/invoices/" + id(invoice) + "/void", Map.of("reason", "wrong customer"))
                .expect(200);

        Api.Response refused = admin.post("/api/payments", payment(customer, "11.90", id(invoice), "11.90"))
                .expect(409);
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("invoice-void");
        assertThat(Fixtures.fields(refused.json())).containsExactly("allocations[0].invoiceId");
        assertThat(admin.get("/api/payments?customerId=" + customer)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();

        // without allocations a void invoice is never chosen: the money stays on account
        JsonNode onAccount = admin.post("/api/payments", payment(customer, "11.90"))
                .expect(201)
                .json();
        assertThat(onAccount.get("allocations")).isEmpty();
        assertThat(amount(onAccount, "amountOnAccount")).isEqualTo("11.90");
    }

    @Test
    void rejectsAllocationToAnotherCustomersInvoiceOrInAnotherCurrency() {
        UUID customer = flow.customer("DE", Map.of());
        UUID other = flow.customer("DE", Map.of());
        JsonNode own = invoice(customer, 1);
        JsonNode theirs = invoice(other, 1);

        Map<String, Object> body = payment(customer, "20.00", id(theirs), "5.00");
        Api.Response foreign = admin.post("/api/payments", body).expect(422);
        assertThat(foreign.json().get("errorCode").asString()).isEqualTo("invoice-of-another-customer");
        assertThat(Fixtures.fields(foreign.json())).containsExactly("allocations[0].invoiceId");

        Map<String, Object> dollars = new LinkedHashMap<>(payment(customer, "20.00"));
        dollars.put("amount", money("20.00", "USD"));
        dollars.put("allocations", List.of(Map.of("invoiceId", id(own), "amount", money("5.00", "USD"))));
        Api.Response currency = admin.post("/api/payments", dollars).expect(422);
        assertThat(currency.json().get("errorCode").asString()).isEqualTo("currency-mismatch");
        assertThat(Fixtures.fields(currency.json())).containsExactly("allocations[0].amount.currency");
        assertThat(admin.get("/api/payments?customerId=" + customer)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
    }

    @Test
    void badPaymentRequestsNameEveryField() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", money("-1.00", "EUR"));
        body.put("allocations", List.of(Map.of("amount", money("1.001", "EUR"))));
        Api.Response bad = admin.post("/api/payments", body).expect(400);
        assertThat(Fixtures.fields(bad.json()))
                .containsExactlyInAnyOrder(
                        "customerId",
                        "amount.amount",
                        "method",
                        "allocations[0].invoiceId",
                        "allocations[0].amount.amount");
        Api.Response unknown =
                admin.post("/api/payments", payment(UUID.randomUUID(), "1.00")).expect(422);
        assertThat(Fixtures.fields(unknown.json())).containsExactly("customerId");
        Api.Response method = admin.post(
                        "/api/payments",
                        Map.of(
                                "customerId",
                                UUID.randomUUID().toString(),
                                "amount",
                                money("1.00", "EUR"),
                                "method",
                                "SEASHELLS"))
                .expect(400);
        assertThat(Fixtures.fields(method.json())).containsExactly("method");
        admin.get("/api/payments/" + UUID.randomUUID()).expect(404);
        admin.get("/api/payments/not-a-payment").expect(404);
    }

    @Test
    void repeatingAPaymentWithTheSameIdempotencyKeyRecordsOnePayment() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode invoice = invoice(customer, 1);
        Api keyed = admin.header("Idempotency-Key", Fixtures.unique("pay"));
        Map<String, Object> body = payment(customer, "11.90");

        Api.Response first = keyed.post("/api/payments", body).expect(201);
        Api.Response again = keyed.post("/api/payments", body).expect(201);

        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(id(again.json())).isEqualTo(id(first.json()));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(admin.get("/api/payments?customerId=" + customer)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        assertThat(amount(flow.invoice(id(invoice)), "amountPaid")).isEqualTo("11.90");
        Map<String, Object> different = new LinkedHashMap<>(body);
        different.put("amount", money("12.00", "EUR"));
        Api.Response reused = keyed.post("/api/payments", different).expect(422);
        assertThat(reused.json().get("errorCode").asString()).isEqualTo("idempotency-key-reused");
        assertThat(admin.get("/api/payments?customerId=" + customer)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void twoPaymentsAllocatingToOneInvoiceAtOnceNeverOverpayIt() throws Exception {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode explicit = invoice(customer, 1);
        List<Integer> answers = race(
                2,
                () -> admin.post("/api/payments", payment(customer, "11.90", id(explicit), "11.90"))
                        .status());
        assertThat(answers).containsExactlyInAnyOrder(201, 422);
        JsonNode paid = flow.invoice(id(explicit));
        assertThat(amount(paid, "amountPaid")).isEqualTo("11.90");
        assertThat(paid.get("status").asString()).isEqualTo("PAID");

        // without allocations both are recorded, the invoice is paid once and the other money stays on account
        JsonNode oldest = invoice(customer, 1);
        List<Integer> both = race(
                2, () -> admin.post("/api/payments", payment(customer, "11.90")).status());
        assertThat(both).containsOnly(201);
        assertThat(amount(flow.invoice(id(oldest)), "amountPaid")).isEqualTo("11.90");
        JsonNode account =
                admin.get("/api/customers/" + customer + "/account").expect(200).json();
        assertThat(amount(account.get("balances").get(0), "onAccount")).isEqualTo("11.90");
        assertConsistent();
    }

    private static List<Integer> race(int threads, java.util.concurrent.Callable<Integer> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refundsOnlyWhatIsOnAccount() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode invoice = invoice(customer, 1);
        JsonNode payment = admin.post("/api/payments", payment(customer, "20.00", id(invoice), "11.90"))
                .expect(201)
                .json();
        String path = "/api/payments/" + id(payment) + "/refunds";

        Api.Response tooMuch = admin.post(path, Map.of("amount", money("8.11", "EUR"), "reason", "overpaid"))
                .expect(422);
        assertThat(tooMuch.json().get("errorCode").asString()).isEqualTo("refund-exceeds-account");
        assertThat(Fixtures.fields(tooMuch.json())).containsExactly("amount");
        assertThat(Fixtures.fields(admin.post(path, Map.of("amount", money("1.00", "EUR")))
                        .expect(400)
                        .json()))
                .containsExactly("reason");

        Api.Response refunded = admin.post(path, Map.of("amount", money("8.10", "EUR"), "reason", "overpaid"))
                .expect(201);
        JsonNode after = refunded.json();
        assertThat(after.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(amount(after, "amountRefunded")).isEqualTo("8.10");
        assertThat(amount(after, "amountOnAccount")).isEqualTo("0.00");
        assertThat(after.get("refunds"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("reason").asString()).isEqualTo("overpaid"));
        admin.post(path, Map.of("amount", money("0.01", "EUR"), "reason", "again"))
                .expect(422);
        assertConsistent();
    }

    @Test
    void aCreditNoteOnAPaidInvoiceGivesTheExcessBackToTheAccountFromWhereItIsRefunded() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode invoice = invoice(customer, 2); // 23.80
        JsonNode payment = admin.post("/api/payments", payment(customer, "23.80"))
                .expect(201)
                .json();
        assertThat(payment.get("status").asString()).isEqualTo("ALLOCATED");
        assertThat(flow.invoice(id(invoice)).get("status").asString()).isEqualTo("PAID");

        // a return credited: one unit back
        JsonNode note = admin.post(
                        "/api/invoices/" + id(invoice) + "/credit-notes",
                        Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", 1)), "reason", "returned"))
                .expect(201)
                .json();
        JsonNode credited = flow.invoice(id(invoice));
        assertThat(credited.get("status").asString()).isEqualTo("PAID");
        assertThat(amount(credited, "amountCredited")).isEqualTo("11.90");
        assertThat(amount(credited, "amountPaid")).isEqualTo("11.90");
        assertThat(amount(credited, "amountDue")).isEqualTo("0.00");
        assertThat(credited.get("payments").valueStream().map(p -> amount(p, "amount")))
                .containsExactly("23.80", "-11.90");
        JsonNode back = admin.get("/api/payments/" + id(payment)).expect(200).json();
        assertThat(back.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(amount(back, "amountOnAccount")).isEqualTo("11.90");

        // the paid invoice can no longer get the credited amount back by voiding the note
        Api.Response voidNote = admin.post("/api/invoices/" + id(note) + "/void", Map.of("reason", "changed mind"))
                .expect(409);
        assertThat(voidNote.json().get("errorCode").asString()).isEqualTo("invoice-paid");

        JsonNode refunded = admin.post(
                        "/api/payments/" + id(payment) + "/refunds",
                        Map.of(
                                "amount",
                                money("11.90", "EUR"),
                                "reason",
                                "return " + note.get("number").asString()))
                .expect(201)
                .json();
        assertThat(refunded.get("status").asString()).isEqualTo("REFUNDED");
        JsonNode eur = admin.get("/api/customers/" + customer + "/balance")
                .expect(200)
                .json()
                .get("balances")
                .get(0);
        assertThat(amount(eur, "invoiced")).isEqualTo("23.80");
        assertThat(amount(eur, "credited")).isEqualTo("11.90");
        assertThat(amount(eur, "paid")).isEqualTo("11.90");
        assertThat(amount(eur, "balance")).isEqualTo("0.00");
        assertThat(amount(eur, "onAccount")).isEqualTo("0.00");
        assertConsistent();
    }

    @Test
    void aRefundOnAccountPaysBackFromTheOldestPaymentsAndNeverMoreThanIsThere() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode first = admin.post("/api/payments", payment(customer, "5.00"))
                .expect(201)
                .json();
        JsonNode second = admin.post("/api/payments", payment(customer, "7.00"))
                .expect(201)
                .json();

        org.ordo.shared.Money refunded =
                accounts.refundOnAccount(customer, org.ordo.shared.Money.of("8.00", "EUR"), "return RMA-1");
        assertThat(refunded).isEqualTo(org.ordo.shared.Money.of("8.00", "EUR"));
        assertThat(admin.get("/api/payments/" + id(first))
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("REFUNDED");
        assertThat(amount(admin.get("/api/payments/" + id(second)).expect(200).json(), "amountOnAccount"))
                .isEqualTo("4.00");

        org.ordo.shared.Money rest =
                accounts.refundOnAccount(customer, org.ordo.shared.Money.of("10.00", "EUR"), "return RMA-2");
        assertThat(rest).isEqualTo(org.ordo.shared.Money.of("4.00", "EUR"));
        assertThat(accounts.balances(customer))
                .singleElement()
                .satisfies(b -> assertThat(b.onAccount().isZero()).isTrue());
        assertConsistent();
    }

    @Test
    void aCustomerSeesOnlyItsOwnPaymentsAndAccount() {
        UUID customer = flow.customer("DE", Map.of());
        UUID other = flow.customer("DE", Map.of());
        JsonNode mine = admin.post("/api/payments", payment(customer, "5.00"))
                .expect(201)
                .json();
        JsonNode theirs =
                admin.post("/api/payments", payment(other, "5.00")).expect(201).json();
        Api portal = users.customerUser(port, customer);

        portal.get("/api/payments/" + id(mine)).expect(200);
        portal.get("/api/payments/" + id(theirs)).expect(404);
        assertThat(portal.get("/api/payments")
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        assertThat(portal.get("/api/payments?customerId=" + other)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
        portal.get("/api/customers/" + customer + "/account").expect(200);
        portal.get("/api/customers/" + other + "/account").expect(404);
        portal.post("/api/payments", payment(customer, "1.00")).expect(403);
        Api sales = Api.at(port).basic(users.staff("SALES"), TestUsers.PASSWORD);
        sales.get("/api/payments/" + id(theirs)).expect(200);
        sales.post("/api/payments", payment(customer, "1.00")).expect(403);
        assertThat(new BigDecimal(amount(
                        portal.get("/api/customers/" + customer + "/account")
                                .expect(200)
                                .json()
                                .get("balances")
                                .get(0),
                        "onAccount")))
                .isEqualByComparingTo("5.00");
    }
}
