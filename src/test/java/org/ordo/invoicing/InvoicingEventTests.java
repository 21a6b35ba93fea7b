package org.ordo.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.fulfillment.ShipmentShipped;
import org.ordo.orders.OrderFulfillment;
import org.ordo.shared.Money;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoModuleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The invoicing events of the public event catalogue (docs/domain.md): each use case publishes its event, and the event says
 * what happened without the receiver having to ask back: which document or payment, whose, for which order, how much in
 * which currency. Prices are 10.00 EUR net; German customers pay 19 % VAT.
 */
@OrdoModuleTest
class InvoicingEventTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Accounting accounting;

    @Autowired
    CustomerAccounts accounts;

    Fixtures fixtures;
    InvoicingSupport flow;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        flow = new InvoicingSupport(port, fulfillment, tx, events);
    }

    @Test
    void issuingAnInvoicePublishesInvoiceIssuedWithItsNumberAndTotal(Scenario scenario) {
        PlacedOrder order = order(3);
        ShipmentShipped shipment = flow.recordShipment(order.json(), order.warehouse(), 1, 3);

        scenario.publish(shipment)
                .andWaitForEventOfType(InvoiceIssued.class)
                .matching(issued -> issued.orderId().equals(order.id()))
                .toArriveAndVerify(issued -> {
                    Accounting.Details invoice =
                            accounting.details(issued.invoiceId().toString()).orElseThrow();
                    assertThat(issued.number()).isEqualTo(invoice.number()).startsWith("INV-");
                    assertThat(issued.type()).isEqualTo(DocumentType.INVOICE);
                    assertThat(issued.orderNumber()).isEqualTo(order.number());
                    assertThat(issued.customerId()).isEqualTo(order.customer());
                    assertThat(issued.originalInvoiceId()).isNull();
                    assertThat(issued.originalInvoiceNumber()).isNull();
                    // 3 × 10.00 + 19 %
                    assertThat(issued.total()).isEqualByComparingTo("35.70");
                    assertThat(issued.currency()).isEqualTo("EUR");
                });
    }

    @Test
    void creditingAnInvoicePublishesInvoiceIssuedForTheCreditNoteWithANegativeTotalAndTheInvoiceItCredits(
            Scenario scenario) {
        Invoice invoice = invoice(3);

        scenario.stimulate(() -> accounting.creditLines(invoice.number(), Map.of(1, 1L), "one arrived broken"))
                .andWaitForEventOfType(InvoiceIssued.class)
                .matching(issued -> issued.type() == DocumentType.CREDIT_NOTE
                        && issued.orderId().equals(invoice.orderId()))
                .toArriveAndVerify((issued, note) -> {
                    assertThat(issued.invoiceId()).isEqualTo(note.id());
                    assertThat(issued.number()).isEqualTo(note.number()).startsWith("CN-");
                    assertThat(issued.originalInvoiceId()).isEqualTo(invoice.id());
                    assertThat(issued.originalInvoiceNumber()).isEqualTo(invoice.number());
                    assertThat(issued.orderNumber()).isEqualTo(invoice.orderNumber());
                    assertThat(issued.customerId()).isEqualTo(invoice.customer());
                    assertThat(issued.total()).isEqualByComparingTo("-11.90");
                    assertThat(issued.currency()).isEqualTo("EUR");
                });
    }

    @Test
    void voidingAnInvoicePublishesInvoiceVoidedWithItsNumberAndTheReason(Scenario scenario) {
        Invoice invoice = invoice(1);

        scenario.stimulate(() -> accounting.voidDocument(invoice.number(), "billed to the wrong company"))
                .andWaitForEventOfType(InvoiceVoided.class)
                .matching(voided -> voided.invoiceId().equals(invoice.id()))
                .toArriveAndVerify(voided -> {
                    assertThat(voided.number()).isEqualTo(invoice.number());
                    assertThat(voided.type()).isEqualTo(DocumentType.INVOICE);
                    assertThat(voided.orderId()).isEqualTo(invoice.orderId());
                    assertThat(voided.orderNumber()).isEqualTo(invoice.orderNumber());
                    assertThat(voided.customerId()).isEqualTo(invoice.customer());
                    assertThat(voided.reason()).isEqualTo("billed to the wrong company");
                });
    }

    @Test
    void receivingAPaymentPublishesPaymentReceivedWithHowMuchWentToInvoices(Scenario scenario) {
        Invoice invoice = invoice(1);

        scenario.stimulate(() -> accounting.recordPayment(payment(invoice.customer(), "20.00")))
                .andWaitForEventOfType(PaymentReceived.class)
                .matching(received -> received.customerId().equals(invoice.customer()))
                .toArriveAndVerify((received, recorded) -> {
                    assertThat(received.paymentId()).isEqualTo(recorded.paymentId());
                    assertThat(received.amount()).isEqualByComparingTo("20.00");
                    // the invoice's 11.90; the rest stays on account
                    assertThat(received.allocated()).isEqualByComparingTo("11.90");
                    assertThat(received.currency()).isEqualTo("EUR");
                });
    }

    @Test
    void payingWhatIsLeftDueOnAnInvoicePublishesInvoicePaid(Scenario scenario) {
        Invoice invoice = invoice(2);
        accounting.recordPayment(payment(invoice.customer(), "10.00"));

        scenario.stimulate(() -> accounting.recordPayment(payment(invoice.customer(), "13.80")))
                .andWaitForEventOfType(InvoicePaid.class)
                .matching(paid -> paid.invoiceId().equals(invoice.id()))
                .toArriveAndVerify(paid -> {
                    assertThat(paid.number()).isEqualTo(invoice.number());
                    assertThat(paid.orderId()).isEqualTo(invoice.orderId());
                    assertThat(paid.orderNumber()).isEqualTo(invoice.orderNumber());
                    assertThat(paid.customerId()).isEqualTo(invoice.customer());
                    assertThat(accounting
                                    .details(invoice.number())
                                    .orElseThrow()
                                    .status())
                            .isEqualTo(InvoiceStatus.PAID);
                });
    }

    @Test
    void refundingMoneyOnAccountPublishesPaymentRefundedWithTheAmountAndTheReason(Scenario scenario) {
        UUID customer = fixtures.customer("1000.00");
        Accounting.Recorded payment = accounting.recordPayment(payment(customer, "50.00"));

        scenario.stimulate(() ->
                        accounts.refundOnAccount(customer, Money.of("30.00", "EUR"), "customer closed the account"))
                .andWaitForEventOfType(PaymentRefunded.class)
                .matching(refunded -> refunded.customerId().equals(customer))
                .toArriveAndVerify((refunded, total) -> {
                    assertThat(total.amount()).isEqualByComparingTo("30.00");
                    assertThat(refunded.paymentId()).isEqualTo(payment.paymentId());
                    assertThat(refunded.refundId()).isNotNull();
                    assertThat(refunded.amount()).isEqualByComparingTo("30.00");
                    assertThat(refunded.currency()).isEqualTo("EUR");
                    assertThat(refunded.reason()).isEqualTo("customer closed the account");
                });
    }

    /** A new German customer's order of {@code quantity} units of a new 10.00 EUR product, in stock, not shipped yet. */
    private PlacedOrder order(long quantity) {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00");
        fixtures.receive(sku, warehouse, quantity);
        UUID customer = fixtures.customer("1000.00");
        JsonNode json = flow.order(customer, sku, quantity);
        return new PlacedOrder(
                json,
                UUID.fromString(json.get("id").asString()),
                json.get("number").asString(),
                customer,
                warehouse);
    }

    /** The issued invoice of such an order, shipped in full. */
    private Invoice invoice(long quantity) {
        PlacedOrder order = order(quantity);
        flow.ship(order.json(), order.warehouse(), 1, quantity);
        JsonNode invoice = flow.awaitInvoice(order.id().toString());
        return new Invoice(
                UUID.fromString(invoice.get("id").asString()),
                invoice.get("number").asString(),
                order.id(),
                order.number(),
                order.customer());
    }

    private static Accounting.PaymentEntry payment(UUID customer, String amount) {
        return new Accounting.PaymentEntry(
                customer, Money.of(amount, "EUR"), PaymentMethod.BANK_TRANSFER, Fixtures.unique("TRF"), null, null);
    }

    private record PlacedOrder(JsonNode json, UUID id, String number, UUID customer, String warehouse) {}

    private record Invoice(UUID id, String number, UUID orderId, String orderNumber, UUID customer) {}
}
