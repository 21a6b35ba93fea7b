package org.ordo.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.orders.OrderFulfillment;
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

/** The daily dunning run: OVERDUE, reminder levels at 7, 21 and 35 days past due, each once, on one node at a time. */
@OrdoTest
class DunningTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestUsers users;

    InvoicingSupport flow;
    Api admin;

    @BeforeEach
    void setUp() {
        flow = new InvoicingSupport(port, fulfillment, tx, events);
        admin = Api.at(port).asAdmin();
    }

    /** An issued invoice (1 × 10.00 + 19 % = 11.90) whose due date was {@code daysAgo} days ago. */
    private String invoiceDue(UUID customer, int daysAgo) {
        String id = flow.shippedInvoice(customer, 1).get("id").asString();
        jdbc.update("UPDATE invoice SET due_date = CURRENT_DATE - " + daysAgo + " WHERE id = ?", UUID.fromString(id));
        return id;
    }

    /** The reminders a run sent for these invoices, as "invoiceId:level". */
    private static List<String> remindersOf(JsonNode run, Set<String> invoices) {
        return run.get("reminders")
                .valueStream()
                .filter(r -> invoices.contains(r.get("invoiceId").asString()))
                .map(r -> r.get("invoiceId").asString() + ":" + r.get("level").asInt())
                .toList();
    }

    @Test
    void theRunMarksInvoicesOverdueAndSendsTheReminderLevelTheirDaysPastDueHaveReached() {
        UUID customer = flow.customer("DE", Map.of());
        String week = invoiceDue(customer, 8);
        String threeWeeks = invoiceDue(customer, 25);
        String fiveWeeks = invoiceDue(customer, 40);
        String fewDays = invoiceDue(customer, 3);
        String partlyPaid = invoiceDue(customer, 10);
        admin.post(
                        "/api/payments",
                        Map.of(
                                "customerId",
                                customer.toString(),
                                "amount",
                                Fixtures.money("1.00", "EUR"),
                                "method",
                                "CARD",
                                "allocations",
                                List.of(Map.of("invoiceId", partlyPaid, "amount", Fixtures.money("1.00", "EUR")))))
                .expect(201);
        Set<String> mine = Set.of(week, threeWeeks, fiveWeeks, fewDays, partlyPaid);

        JsonNode run = admin.post("/api/admin/jobs/dunning", null).expect(200).json();

        assertThat(run.get("ran").asBoolean()).isTrue();
        assertThat(remindersOf(run, mine))
                .containsExactlyInAnyOrder(week + ":1", threeWeeks + ":2", fiveWeeks + ":3", partlyPaid + ":1");
        List<String> overdue =
                run.get("markedOverdue").valueStream().map(JsonNode::asString).toList();
        for (String id : List.of(week, threeWeeks, fiveWeeks, fewDays)) {
            JsonNode invoice = flow.invoice(id);
            assertThat(invoice.get("status").asString()).isEqualTo("OVERDUE");
            assertThat(overdue).contains(invoice.get("number").asString());
        }
        // OVERDUE means nothing paid yet: a partly paid invoice stays PARTIALLY_PAID, and is reminded all the same
        assertThat(flow.invoice(partlyPaid).get("status").asString()).isEqualTo("PARTIALLY_PAID");
        JsonNode reminded = flow.invoice(threeWeeks);
        assertThat(reminded.get("reminders")).singleElement().satisfies(r -> {
            assertThat(r.get("level").asInt()).isEqualTo(2);
            assertThat(r.get("daysPastDue").asInt()).isEqualTo(25);
            assertThat(r.get("amountDue").get("amount").asString()).isEqualTo("11.90");
        });
        assertThat(flow.invoice(fewDays).get("reminders")).isEmpty();

        // a second run the same day sends nothing again; a week later the next level is due
        assertThat(remindersOf(
                        admin.post("/api/admin/jobs/dunning", null).expect(200).json(), mine))
                .isEmpty();
        jdbc.update("UPDATE invoice SET due_date = CURRENT_DATE - 22 WHERE id = ?", UUID.fromString(week));
        assertThat(remindersOf(
                        admin.post("/api/admin/jobs/dunning", null).expect(200).json(), mine))
                .containsExactly(week + ":2");
        assertThat(flow.invoice(week)
                        .get("reminders")
                        .valueStream()
                        .map(r -> r.get("level").asInt()))
                .containsExactly(1, 2);
        assertThat(admin.get("/api/audit?entity=INVOICE&id=" + week)
                        .expect(200)
                        .json()
                        .toString())
                .contains("REMINDER_2");
    }

    @Test
    void twoRunsAtOnceSendEachReminderExactlyOnce() throws Exception {
        UUID customer = flow.customer("DE", Map.of());
        String first = invoiceDue(customer, 9);
        String third = invoiceDue(customer, 36);
        Set<String> mine = Set.of(first, third);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<JsonNode>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return admin.post("/api/admin/jobs/dunning", null).expect(200).json();
            }));
        }
        start.countDown();
        List<String> sent = new ArrayList<>();
        for (Future<JsonNode> run : runs) {
            sent.addAll(remindersOf(run.get(60, TimeUnit.SECONDS), mine));
        }
        pool.shutdown();

        assertThat(sent).containsExactlyInAnyOrder(first + ":1", third + ":3");
        for (String id : mine) {
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM dunning_reminder WHERE invoice_id = ?",
                            Long.class,
                            UUID.fromString(id)))
                    .isEqualTo(1);
        }
    }

    @Test
    void onlyAccountingRunsDunning() {
        Api warehouse = Api.at(port).basic(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        warehouse.post("/api/admin/jobs/dunning", null).expect(403);
        Api accounting = Api.at(port).basic(users.staff("ACCOUNTING"), TestUsers.PASSWORD);
        accounting.post("/api/admin/jobs/dunning", null).expect(200);
    }
}
