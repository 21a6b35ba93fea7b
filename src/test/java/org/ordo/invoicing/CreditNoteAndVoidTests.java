package org.ordo.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.orders.OrderFulfillment;
import org.ordo.orders.ReceivablesBalance;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Credit notes never credit more than is left; voids only before payment and before credit notes; numbers stay. */
@OrdoTest
class CreditNoteAndVoidTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ReceivablesBalance receivables;

    Fixtures fixtures;
    InvoicingSupport flow;
    Api admin;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        flow = new InvoicingSupport(port, fulfillment, tx, events);
        admin = Api.at(port).asAdmin();
    }

    /** An issued invoice of a DE customer: 4 × 10.00 (19 %) and 3 × 2.00 (7 %) = 40.00 + 6.00 net, 7.60 + 0.42 tax = 54.02. */
    private JsonNode invoice(UUID customer) {
        String warehouse = fixtures.warehouse();
        String standard = fixtures.product("10.00", "STANDARD");
        String reduced = fixtures.product("2.00", "REDUCED");
        fixtures.receive(standard, warehouse, 4);
        fixtures.receive(reduced, warehouse, 3);
        JsonNode order = flow.order(customer, standard, 4, reduced, 3);
        flow.ship(order, warehouse, 1, 4, 2, 3);
        return flow.awaitInvoice(order.get("id").asString());
    }

    private static Map<String, Object> lines(Object... lineAndQuantity) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < lineAndQuantity.length; i += 2) {
            lines.add(Map.of("lineNumber", lineAndQuantity[i], "quantity", lineAndQuantity[i + 1]));
        }
        return Map.of("lines", lines, "reason", "damaged in transit");
    }

    @Test
    void aCreditNoteIsANegativeDocumentInItsOwnSeriesThatReducesTheInvoice() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode invoice = invoice(customer);
        assertThat(invoice.get("totals").get("total").get("amount").asString()).isEqualTo("54.02");
        String id = invoice.get("id").asString();

        Api.Response created = admin.post(
                        "/api/invoices/" + invoice.get("number").asString() + "/credit-notes", lines(1, 1))
                .expect(201);

        JsonNode note = created.json();
        assertThat(created.header("Location"))
                .isEqualTo("/api/invoices/" + note.get("id").asString());
        assertThat(note.get("type").asString()).isEqualTo("CREDIT_NOTE");
        assertThat(note.get("number").asString()).matches("CN-\\d{4}-\\d{6}");
        assertThat(note.get("originalInvoiceId").asString()).isEqualTo(id);
        assertThat(note.get("originalInvoiceNumber").asString())
                .isEqualTo(invoice.get("number").asString());
        assertThat(note.get("reason").asString()).isEqualTo("damaged in transit");
        JsonNode line = note.get("lines").get(0);
        assertThat(line.get("quantity").asLong()).isEqualTo(-1);
        assertThat(line.get("creditedLineNumber").asInt()).isEqualTo(1);
        assertThat(line.get("lineNet").get("amount").asString()).isEqualTo("-10.00");
        assertThat(line.get("tax").get("amount").asString()).isEqualTo("-1.90");
        assertThat(note.get("totals").get("total").get("amount").asString()).isEqualTo("-11.90");

        JsonNode after = flow.invoice(id);
        assertThat(after.get("amountCredited").get("amount").asString()).isEqualTo("11.90");
        assertThat(after.get("amountDue").get("amount").asString()).isEqualTo("42.12");
        assertThat(receivables.openBalance(customer)).isEqualByComparingTo("42.12");
        assertThat(admin.get("/api/invoices?customerId=" + customer + "&type=CREDIT_NOTE")
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        assertThat(fixtures.consistency().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void aFullyCreditedInvoiceIsCreditedAndNoLongerOpen() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode invoice = invoice(customer);
        String id = invoice.get("id").asString();
        JsonNode note = admin.post("/api/invoices/" + id + "/credit-notes", lines(1, 4, 2, 3))
                .expect(201)
                .json();

        JsonNode after = flow.invoice(id);
        assertThat(after.get("status").asString()).isEqualTo("CREDITED");
        assertThat(after.get("amountDue").get("amount").asString()).isEqualTo("0.00");
        assertThat(admin.get("/api/invoices?customerId=" + customer + "&status=ISSUED")
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .as("the credit note is issued, the invoice is not")
                .isEqualTo(1);
        assertThat(admin.get("/api/invoices?customerId=" + customer + "&status=CREDITED")
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        admin.post("/api/invoices/" + note.get("id").asString() + "/void", Map.of("reason", "by mistake"))
                .expect(409);
        assertThat(fixtures.consistency().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void creditingMoreThanIsLeftIsRefusedNamingTheFieldAndChangesNothing() {
        JsonNode invoice = invoice(flow.customer("DE", Map.of()));
        String id = invoice.get("id").asString();
        admin.post("/api/invoices/" + id + "/credit-notes", lines(1, 3)).expect(201);

        JsonNode tooMany = admin.post("/api/invoices/" + id + "/credit-notes", lines(2, 1, 1, 2))
                .expect(422)
                .json();
        assertThat(tooMany.get("errors").get(0).get("field").asString()).isEqualTo("lines[1].quantity");
        assertThat(tooMany.get("errors").get(0).get("message").asString()).contains("1 left");
        JsonNode noSuchLine = admin.post("/api/invoices/" + id + "/credit-notes", lines(9, 1))
                .expect(422)
                .json();
        assertThat(noSuchLine.get("errors").get(0).get("field").asString()).isEqualTo("lines[0].lineNumber");
        JsonNode tooMuch = admin.post(
                        "/api/invoices/" + id + "/credit-notes",
                        Map.of("amount", Fixtures.money("20.00", "EUR"), "reason", "goodwill"))
                .expect(422)
                .json();
        assertThat(tooMuch.get("errors").get(0).get("field").asString()).isEqualTo("amount");

        JsonNode after = flow.invoice(id);
        assertThat(after.get("amountCredited").get("amount").asString()).isEqualTo("35.70");
        assertThat(admin.get("/api/invoices?orderId=" + after.get("orderId").asString() + "&type=CREDIT_NOTE")
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void anAmountIsCreditedAcrossTheTaxGroupsInProportion() {
        JsonNode invoice = invoice(flow.customer("DE", Map.of()));

        JsonNode note = admin.post(
                        "/api/invoices/" + invoice.get("id").asString() + "/credit-notes",
                        Map.of("amount", Fixtures.money("4.60", "EUR"), "reason", "late delivery"))
                .expect(201)
                .json();

        // 4.60 over nets 40.00 (19 %) and 6.00 (7 %): 4.00 and 0.60
        assertThat(note.get("lines")).hasSize(2);
        assertThat(note.get("lines").get(0).get("lineNet").get("amount").asString())
                .isEqualTo("-4.00");
        assertThat(note.get("lines").get(0).get("tax").get("amount").asString()).isEqualTo("-0.76");
        assertThat(note.get("lines").get(1).get("lineNet").get("amount").asString())
                .isEqualTo("-0.60");
        assertThat(note.get("lines").get(1).get("tax").get("amount").asString()).isEqualTo("-0.04");
        assertThat(note.get("totals").get("total").get("amount").asString()).isEqualTo("-5.40");
    }

    @Test
    void badCreditRequestsAreRejectedWithEveryField() {
        JsonNode invoice = invoice(flow.customer("DE", Map.of()));
        String id = invoice.get("id").asString();

        JsonNode problem = admin.post(
                        "/api/invoices/" + id + "/credit-notes",
                        Map.of(
                                "lines",
                                List.of(Map.of("lineNumber", 1, "quantity", 0)),
                                "amount",
                                Fixtures.money("1.00", "EUR")))
                .expect(400)
                .json();
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("reason", "amount", "lines[0].quantity");
        admin.post("/api/invoices/INV-1999-000001/credit-notes", lines(1, 1)).expect(404);
        JsonNode note = admin.post("/api/invoices/" + id + "/credit-notes", lines(1, 1))
                .expect(201)
                .json();
        admin.post("/api/invoices/" + note.get("id").asString() + "/credit-notes", lines(1, 1))
                .expect(409);
    }

    @Test
    void voidingKeepsTheNumberAndIsOnlyAllowedWithoutCreditNotesAndOnlyOnce() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode invoice = invoice(customer);
        String id = invoice.get("id").asString();
        String number = invoice.get("number").asString();
        JsonNode note = admin.post("/api/invoices/" + id + "/credit-notes", lines(2, 3))
                .expect(201)
                .json();

        JsonNode refused = admin.post("/api/invoices/" + id + "/void", Map.of("reason", "wrong customer"))
                .expect(409)
                .json();
        assertThat(refused.get("errorCode").asString()).isEqualTo("invoice-has-credit-notes");

        JsonNode voidedNote = admin.post(
                        "/api/invoices/" + note.get("id").asString() + "/void", Map.of("reason", "entered twice"))
                .expect(200)
                .json();
        assertThat(voidedNote.get("status").asString()).isEqualTo("VOID");
        assertThat(flow.invoice(id).get("amountCredited").get("amount").asString())
                .isEqualTo("0.00");

        admin.header("If-Match", "\"0\"")
                .post("/api/invoices/" + id + "/void", Map.of("reason", "stale"))
                .expect(412);
        JsonNode voided = admin.post("/api/invoices/" + id + "/void", Map.of("reason", "wrong customer"))
                .expect(200)
                .json();
        assertThat(voided.get("status").asString()).isEqualTo("VOID");
        assertThat(voided.get("number").asString()).isEqualTo(number);
        assertThat(voided.get("voidReason").asString()).isEqualTo("wrong customer");
        assertThat(receivables.openBalance(customer)).isEqualByComparingTo("0");

        JsonNode again = admin.post("/api/invoices/" + id + "/void", Map.of())
                .expect(409)
                .json();
        assertThat(again.get("currentState").asString()).isEqualTo("VOID");
        admin.post("/api/invoices/" + id + "/credit-notes", lines(1, 1)).expect(409);
        assertThat(fixtures.consistency().get("consistent").asBoolean()).isTrue();
    }
}
