package org.ordo.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.invoicing.CustomerAccounts;
import org.ordo.invoicing.InvoicingSupport;
import org.ordo.orders.OrderFulfillment;
import org.ordo.shared.Money;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoModuleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The return events of the public event catalogue (docs/domain.md): every step of a return is published with the return and
 * its order, and a refund that is due with its amount, currency and credit notes. Prices are 10.00 EUR net; German customers
 * pay 19 % VAT.
 */
@OrdoModuleTest
class ReturnEventTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ReturnDesk desk;

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
    void requestingAReturnPublishesReturnStatusChangedFromNothingToRequested(Scenario scenario) {
        Invoiced order = invoicedOrder(2);

        scenario.stimulate(() -> desk.request(
                        order.id(),
                        List.of(new ReturnDesk.RequestedLine(1, 1, ReturnReason.DAMAGED)),
                        Resolution.CREDIT,
                        "the box was crushed"))
                .andWaitForEventOfType(ReturnStatusChanged.class)
                .matching(changed -> changed.orderId().equals(order.id()))
                .toArriveAndVerify((changed, requested) -> {
                    assertThat(changed.returnId()).isEqualTo(requested.id());
                    assertThat(changed.number()).isEqualTo(requested.number());
                    assertThat(changed.orderNumber()).isEqualTo(order.number());
                    assertThat(changed.customerId()).isEqualTo(order.customer());
                    assertThat(changed.from()).isNull();
                    assertThat(changed.to()).isEqualTo(ReturnStatus.REQUESTED);
                    assertThat(changed.note()).isEqualTo("the box was crushed");
                });
    }

    @Test
    void approvingAReturnPublishesReturnStatusChangedFromRequestedToApproved(Scenario scenario) {
        Invoiced order = invoicedOrder(1);
        ReturnDesk.Detail requested = request(order, Resolution.CREDIT);

        scenario.stimulate(() -> desk.approve(requested.number()))
                .andWaitForEventOfType(ReturnStatusChanged.class)
                .matching(changed ->
                        changed.returnId().equals(requested.id()) && changed.from() == ReturnStatus.REQUESTED)
                .toArriveAndVerify(changed -> {
                    assertThat(changed.to()).isEqualTo(ReturnStatus.APPROVED);
                    assertThat(changed.number()).isEqualTo(requested.number());
                    assertThat(changed.orderNumber()).isEqualTo(order.number());
                });
    }

    @Test
    void resolvingARefundReturnOfAPaidInvoicePublishesReturnRefundDueWithTheAmountAndTheCreditNotes(Scenario scenario) {
        Invoiced order = invoicedOrder(2);
        accounts.receivePayment(order.customer(), Money.of("100.00", "EUR"), "BANK_TRANSFER", Fixtures.unique("TRF"));
        ReturnDesk.Detail inspected = receivedAndInspected(request(order, Resolution.REFUND));

        scenario.stimulate(() -> desk.resolve(inspected.number()))
                .andWaitForEventOfType(ReturnRefundDue.class)
                .matching(due -> due.returnId().equals(inspected.id()))
                .toArriveAndVerify((due, resolved) -> {
                    assertThat(due.number()).isEqualTo(inspected.number());
                    assertThat(due.orderId()).isEqualTo(order.id());
                    assertThat(due.orderNumber()).isEqualTo(order.number());
                    assertThat(due.customerId()).isEqualTo(order.customer());
                    // one unit: 10.00 + 19 %
                    assertThat(due.amount()).isEqualByComparingTo("11.90");
                    assertThat(due.currency()).isEqualTo("EUR");
                    assertThat(due.creditNotes()).hasSize(1).isEqualTo(resolved.creditNotes());
                });
    }

    @Test
    void aRefundReturnOfAnUnpaidInvoiceOwesNothingBackAndPublishesNoReturnRefundDue(
            Scenario scenario, PublishedEvents published) {
        Invoiced order = invoicedOrder(2);
        ReturnDesk.Detail inspected = receivedAndInspected(request(order, Resolution.REFUND));

        scenario.stimulate(() -> desk.resolve(inspected.number()))
                .andWaitForEventOfType(ReturnStatusChanged.class)
                .matching(changed -> changed.returnId().equals(inspected.id()) && changed.to() == ReturnStatus.CLOSED)
                .toArriveAndVerify((closed, resolved) -> {
                    assertThat(closed.from()).isEqualTo(ReturnStatus.REFUNDED);
                    assertThat(resolved.creditNotes()).hasSize(1);
                    assertThat(resolved.refundAmount()).isNull();
                });
        // every step was published, and a refund due would have been published with the last of them
        assertThat(published
                        .ofType(ReturnStatusChanged.class)
                        .matching(changed -> changed.returnId().equals(inspected.id())))
                .extracting(ReturnStatusChanged::to)
                .containsExactly(
                        ReturnStatus.REQUESTED,
                        ReturnStatus.APPROVED,
                        ReturnStatus.RECEIVED,
                        ReturnStatus.INSPECTED,
                        ReturnStatus.REFUNDED,
                        ReturnStatus.CLOSED);
        assertThat(published
                        .ofType(ReturnRefundDue.class)
                        .matching(due -> due.returnId().equals(inspected.id())))
                .isEmpty();
    }

    /** A new German customer's order of {@code quantity} units of a new 10.00 EUR product, shipped in full and invoiced. */
    private Invoiced invoicedOrder(long quantity) {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00");
        fixtures.receive(sku, warehouse, quantity);
        UUID customer = fixtures.customer("1000.00");
        JsonNode order = flow.order(customer, sku, quantity);
        flow.ship(order, warehouse, 1, quantity);
        flow.awaitInvoice(order.get("id").asString());
        return new Invoiced(
                UUID.fromString(order.get("id").asString()), order.get("number").asString(), customer);
    }

    /** A return of one unit of the order's first line. */
    private ReturnDesk.Detail request(Invoiced order, Resolution resolution) {
        return desk.request(
                order.id(), List.of(new ReturnDesk.RequestedLine(1, 1, ReturnReason.DEFECTIVE)), resolution, null);
    }

    private ReturnDesk.Detail receivedAndInspected(ReturnDesk.Detail requested) {
        desk.approve(requested.number());
        desk.receive(requested.number(), List.of(new ReturnDesk.ReceivedLine(1, 1, true)));
        return desk.inspect(requested.number(), "as described");
    }

    private record Invoiced(UUID id, String number, UUID customer) {}
}
