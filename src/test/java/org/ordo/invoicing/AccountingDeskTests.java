package org.ordo.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.orders.OrderFulfillment;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.reporting.AgingReport;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The accountants' desk for the pages: the same searches, rules and documents as the invoice and payment API. */
@OrdoTest
class AccountingDeskTests {

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
    Accounting accounting;

    @Autowired
    AgingReport aging;

    Fixtures fixtures;
    InvoicingSupport flow;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        flow = new InvoicingSupport(port, fulfillment, tx, events);
    }

    /** An issued invoice of {@code units} × 10.00 + 19 % for this customer. */
    private JsonNode invoice(UUID customer, int units) {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, units);
        JsonNode order = flow.order(customer, sku, units);
        flow.ship(order, warehouse, 1, units);
        return flow.awaitInvoice(order.get("id").asString());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void searchFindsByNumberAndCustomerAndCountsPastDueInvoicesAsOverdueBeforeTheNightlyRunMarksThem() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode due = invoice(customer, 1);
        JsonNode pastDue = invoice(customer, 2);
        jdbc.update(
                "UPDATE invoice SET due_date = CURRENT_DATE - 3 WHERE id = ?",
                UUID.fromString(pastDue.get("id").asString()));

        PageResult<Accounting.Listed> byNumber = accounting.search(
                new Accounting.Search(
                        Set.of(),
                        false,
                        DocumentType.INVOICE,
                        null,
                        null,
                        null,
                        due.get("number").asString(),
                        today()),
                Paging.of(0, 10));
        assertThat(byNumber.items())
                .extracting(Accounting.Listed::number)
                .containsExactly(due.get("number").asString());

        Accounting.Search overdue = new Accounting.Search(
                EnumSet.of(InvoiceStatus.OVERDUE), true, DocumentType.INVOICE, customer, null, null, null, today());
        PageResult<Accounting.Listed> found = accounting.search(overdue, Paging.of(0, 10));
        assertThat(found.items())
                .extracting(Accounting.Listed::number)
                .containsExactly(pastDue.get("number").asString());
        assertThat(found.items().get(0).status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(accounting.sums(overdue)).singleElement().satisfies(s -> {
            assertThat(s.documents()).isEqualTo(1);
            assertThat(s.amountDue()).isEqualTo(Money.of("23.80", "EUR"));
        });
        assertThat(accounting.overdue(today(), Paging.of(0, 500)).items())
                .extracting(Accounting.Overdue::number)
                .contains(pastDue.get("number").asString())
                .doesNotContain(due.get("number").asString());
    }

    @Test
    void aPartialPaymentAllocatedExplicitlyShowsOnTheInvoiceAndTheRestStaysOnAccount() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode invoice = invoice(customer, 10);
        UUID id = UUID.fromString(invoice.get("id").asString());
        Map<UUID, Money> allocations = new LinkedHashMap<>();
        allocations.put(id, Money.of("50.00", "EUR"));
        Accounting.Recorded recorded = accounting.recordPayment(new Accounting.PaymentEntry(
                customer, Money.of("60.00", "EUR"), PaymentMethod.BANK_TRANSFER, "REF-1", today(), allocations));
        assertThat(recorded.allocated()).isEqualTo(Money.of("50.00", "EUR"));
        assertThat(recorded.onAccount()).isEqualTo(Money.of("10.00", "EUR"));

        Accounting.Details details =
                accounting.details(invoice.get("number").asString()).orElseThrow();
        assertThat(details.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(details.amountDue()).isEqualTo(Money.of("69.00", "EUR"));
        assertThat(details.payments())
                .singleElement()
                .satisfies(p -> assertThat(p.reference()).isEqualTo("REF-1"));
        assertThat(details.voidable()).isFalse();
        assertThat(details.creditable()).isTrue();
        assertThat(accounting.onAccount(customer)).containsExactly(Money.of("10.00", "EUR"));
        assertThat(accounting.openInvoices(customer))
                .extracting(Accounting.Listed::id)
                .containsExactly(id);
    }

    @Test
    void allocatingBeyondTheOpenAmountIsRefusedNamingTheAllocationAndRecordsNothing() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode invoice = invoice(customer, 1);
        UUID id = UUID.fromString(invoice.get("id").asString());
        Long before = jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE customer_id = ?", Long.class, customer);
        assertThatThrownBy(() -> accounting.recordPayment(new Accounting.PaymentEntry(
                        customer,
                        Money.of("20.00", "EUR"),
                        PaymentMethod.CARD,
                        null,
                        null,
                        Map.of(id, Money.of("20.00", "EUR")))))
                .isInstanceOfSatisfying(
                        OrdoException.class,
                        e -> assertThat(e.violations())
                                .anySatisfy(v -> assertThat(v.field()).isEqualTo("allocations[0].amount")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE customer_id = ?", Long.class, customer))
                .isEqualTo(before);
        assertThat(accounting.details(id.toString()).orElseThrow().status()).isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void aCreditNoteByLinesIsListedOnItsInvoiceAndLowersWhatIsLeftToCreditAndVoidingFollowsTheRules() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode invoice = invoice(customer, 3);
        String number = invoice.get("number").asString();
        Accounting.Listed note = accounting.creditLines(number, Map.of(1, 1L), "damaged");
        assertThat(note.type()).isEqualTo(DocumentType.CREDIT_NOTE);
        assertThat(note.total()).isEqualTo(Money.of("-11.90", "EUR"));

        Accounting.Details details = accounting.details(number).orElseThrow();
        assertThat(details.creditNotes()).extracting(Accounting.Listed::number).containsExactly(note.number());
        assertThat(details.lines().get(0).creditable()).isEqualTo(2);
        assertThat(details.creditLeft()).isEqualTo(Money.of("23.80", "EUR"));
        // an invoice with a credit note cannot be voided; the note itself can
        assertThat(details.voidable()).isFalse();
        assertThat(accounting.details(note.number()).orElseThrow().voidable()).isTrue();
        accounting.voidDocument(note.number(), "issued by mistake");
        assertThat(accounting.details(number).orElseThrow().voidable()).isTrue();
        assertThat(accounting.pdf(number).orElseThrow().content()).startsWith("%PDF".getBytes());
        assertThat(new String(accounting.ubl(number).orElseThrow().content())).contains(number);
    }

    @Test
    void theDunningRunTellsItsProgressAndAgingCountsWhatIsOpenPerCustomer() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode invoice = invoice(customer, 1);
        jdbc.update(
                "UPDATE invoice SET due_date = CURRENT_DATE - 8 WHERE id = ?",
                UUID.fromString(invoice.get("id").asString()));
        List<int[]> seen = new ArrayList<>();
        Accounting.DunningRun run = accounting.runDunning((done, total) -> seen.add(new int[] {done, total}));
        assertThat(run.ran()).isTrue();
        assertThat(run.reminders()).anySatisfy(r -> {
            assertThat(r.invoiceNumber()).isEqualTo(invoice.get("number").asString());
            assertThat(r.level()).isEqualTo(1);
        });
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(seen.size() - 1)[0]).isEqualTo(seen.get(seen.size() - 1)[1]);
        assertThat(accounting
                        .details(invoice.get("number").asString())
                        .orElseThrow()
                        .reminders())
                .singleElement()
                .satisfies(r -> assertThat(r.level()).isEqualTo(1));

        AgingReport.Aging report = aging.asOf(today());
        assertThat(report.customers())
                .filteredOn(r -> r.customerId().equals(customer))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.buckets().days1To30()).isEqualTo(Money.of("11.90", "EUR"));
                    assertThat(r.buckets().total()).isEqualTo(Money.of("11.90", "EUR"));
                });
    }
}
