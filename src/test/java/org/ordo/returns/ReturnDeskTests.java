package org.ordo.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.invoicing.CustomerInvoices;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.orders.OpenOrders;
import org.ordo.platform.Paging;
import org.ordo.shared.OrdoException;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.ShippedOrders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Java entries the pages use: a return through every step of the return desk, a customer's invoices and their PDF,
 * and the open order value of customer service's credit view.
 */
@OrdoTest
class ReturnDeskTests {

    @LocalServerPort
    int port;

    @Autowired
    ReturnDesk desk;

    @Autowired
    CustomerInvoices invoices;

    @Autowired
    OpenOrders openOrders;

    @Test
    void aReturnGoesFromRequestThroughApprovalReceiptAndInspectionToItsCredit() {
        ShippedOrders.Shipped shipped = new ShippedOrders(port).forNewCustomer(3, 2);
        UUID order = UUID.fromString(shipped.orderId());

        ReturnDesk.Detail requested = desk.request(
                order,
                List.of(
                        new ReturnDesk.RequestedLine(1, 2, ReturnReason.DAMAGED),
                        new ReturnDesk.RequestedLine(2, 1, ReturnReason.NOT_NEEDED)),
                Resolution.CREDIT,
                null);
        assertThat(requested.status()).isEqualTo(ReturnStatus.REQUESTED);
        assertThat(desk.openQuantities(order)).containsEntry(1, 2L).containsEntry(2, 1L);
        assertThat(desk.search(Set.of(ReturnStatus.REQUESTED), shipped.customer(), Paging.of(0, 10))
                        .items())
                .extracting(ReturnDesk.Listed::number)
                .containsExactly(requested.number());

        desk.approve(requested.number());
        ReturnDesk.Detail received = desk.receive(
                requested.number(),
                List.of(new ReturnDesk.ReceivedLine(1, 2, true), new ReturnDesk.ReceivedLine(2, 1, false)));
        assertThat(received.status()).isEqualTo(ReturnStatus.RECEIVED);
        assertThat(received.lines())
                .extracting(ReturnDesk.Line::restocked, ReturnDesk.Line::scrapped)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, 0L), org.assertj.core.groups.Tuple.tuple(0L, 1L));
        assertThat(desk.openQuantities(order)).isEmpty();

        desk.inspect(requested.number(), "both as described");
        ReturnDesk.Detail resolved = desk.resolve(requested.number());
        assertThat(resolved.status()).isEqualTo(ReturnStatus.CLOSED);
        assertThat(resolved.creditNotes()).hasSize(1);
        assertThat(desk.find(requested.number()).orElseThrow().history())
                .extracting(ReturnDesk.History::to)
                .containsExactly(
                        ReturnStatus.REQUESTED,
                        ReturnStatus.APPROVED,
                        ReturnStatus.RECEIVED,
                        ReturnStatus.INSPECTED,
                        ReturnStatus.CREDITED,
                        ReturnStatus.CLOSED);
    }

    @Test
    void aRefundOfAPaidInvoiceIsDueUntilItIsRecordedAsPaidBack() {
        ShippedOrders.Shipped shipped = new ShippedOrders(port).forNewCustomer(1);
        org.ordo.testing.Api admin = org.ordo.testing.Api.at(port).asAdmin();
        admin.post(
                        "/api/payments",
                        java.util.Map.of(
                                "customerId",
                                shipped.customer().toString(),
                                "amount",
                                admin.get("/api/invoices/" + shipped.invoiceNumber())
                                        .expect(200)
                                        .json()
                                        .get("totals")
                                        .get("total"),
                                "method",
                                "BANK_TRANSFER",
                                "reference",
                                "paid"))
                .expect(201);
        ReturnDesk.Detail requested = desk.request(
                UUID.fromString(shipped.orderId()),
                List.of(new ReturnDesk.RequestedLine(1, 1, ReturnReason.DEFECTIVE)),
                Resolution.REFUND,
                null);
        desk.approve(requested.number());
        desk.receive(requested.number(), List.of(new ReturnDesk.ReceivedLine(1, 1, true)));
        desk.inspect(requested.number(), null);
        ReturnDesk.Detail resolved = desk.resolve(requested.number());
        assertThat(resolved.status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(resolved.refundStatus()).isEqualTo("DUE");
        assertThat(resolved.refundAmount().isZero()).isFalse();

        ReturnDesk.Detail refunded = desk.refund(requested.number(), "TRF-1");
        assertThat(refunded.status()).isEqualTo(ReturnStatus.CLOSED);
        assertThat(refunded.refundStatus()).isEqualTo("REFUNDED");
        assertThatThrownBy(() -> desk.refund(requested.number(), "TRF-2"))
                .isInstanceOfSatisfying(
                        OrdoException.class, e -> assertThat(e.kind()).isEqualTo(OrdoException.Kind.CONFLICT));
    }

    @Test
    void aStepTheStateDoesNotAllowIsAConflictAndMoreThanShippedIsRefused() {
        ShippedOrders.Shipped shipped = new ShippedOrders(port).forNewCustomer(1);
        UUID order = UUID.fromString(shipped.orderId());
        assertThatThrownBy(() -> desk.request(
                        order,
                        List.of(new ReturnDesk.RequestedLine(1, 2, ReturnReason.DAMAGED)),
                        Resolution.REFUND,
                        null))
                .isInstanceOfSatisfying(
                        OrdoException.class, e -> assertThat(e.kind()).isEqualTo(OrdoException.Kind.RULE_VIOLATED));
        ReturnDesk.Detail requested = desk.request(
                order, List.of(new ReturnDesk.RequestedLine(1, 1, ReturnReason.DAMAGED)), Resolution.REFUND, null);
        assertThatThrownBy(() -> desk.inspect(requested.number(), null))
                .isInstanceOfSatisfying(
                        OrdoException.class, e -> assertThat(e.kind()).isEqualTo(OrdoException.Kind.CONFLICT));
        assertThat(desk.reject(requested.number(), "not bought here").status()).isEqualTo(ReturnStatus.REJECTED);
    }

    @Test
    void aCustomersInvoicesAreListedByStateAndPrintedAsPdf() {
        ShippedOrders.Shipped shipped = new ShippedOrders(port).forNewCustomer(2);
        assertThat(invoices.search(shipped.customer(), Set.of(), Paging.of(0, 10))
                        .items())
                .extracting(CustomerInvoices.Entry::number)
                .containsExactly(shipped.invoiceNumber());
        assertThat(invoices.search(shipped.customer(), CustomerInvoices.OPEN, Paging.of(0, 10))
                        .totalItems())
                .isEqualTo(1);
        assertThat(invoices.search(shipped.customer(), Set.of(InvoiceStatus.PAID), Paging.of(0, 10))
                        .totalItems())
                .isZero();
        assertThat(invoices.search(UUID.randomUUID(), Set.of(), Paging.of(0, 10))
                        .totalItems())
                .isZero();

        CustomerInvoices.Document pdf = invoices.pdf(shipped.invoiceNumber()).orElseThrow();
        assertThat(pdf.customerId()).isEqualTo(shipped.customer());
        assertThat(pdf.fileName()).isEqualTo(shipped.invoiceNumber());
        assertThat(new String(pdf.pdf(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(invoices.pdf("INV-1999-999999")).isEmpty();
    }

    @Test
    void theOpenOrderValueCountsOrdersNotYetShippedOnly() {
        ShippedOrders orders = new ShippedOrders(port);
        ShippedOrders.Shipped shipped = orders.forNewCustomer(2);
        assertThat(openOrders.openOrderValue(shipped.customer())).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(openOrders.openOrderValue(UUID.randomUUID())).isEqualByComparingTo(BigDecimal.ZERO);
    }
}
