package org.ordo.docs;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.invoicing.PaymentStatus;
import org.ordo.orders.OrderStatus;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.quotations.QuotationStatus;
import org.ordo.returns.ReturnStatus;
import org.ordo.service.CaseStatus;
import org.ordo.shared.StateTable;

/**
 * The state diagrams of docs/domain.md, drawn from the status enums' transition tables: every edge a table allows and
 * no other, in declaration order, and every final state ending in {@code [*]}. Only what a table cannot say is written
 * here: how a thing comes into being ({@code [*] --> state}) and, as edge labels, what moves it along an edge. A label
 * on an edge its table does not allow is refused, so labels cannot outlive the transitions they describe.
 */
final class StateDiagrams {

    private StateDiagrams() {}

    static List<Diagram<?>> all() {
        return List.of(order(), shipment(), invoice(), payment(), rma(), purchaseOrder(), serviceCase(), quotation());
    }

    /** {@code doc} with the text between each diagram's markers replaced by the diagram. */
    static String drawInto(String doc) {
        String drawn = doc;
        for (Diagram<?> diagram : all()) {
            drawn = diagram.drawInto(drawn);
        }
        return drawn;
    }

    private static Diagram<OrderStatus> order() {
        return new Diagram<>("order-states", OrderStatus.class)
                .enters(OrderStatus.PLACED, "POST /api/orders")
                .label(OrderStatus.PLACED, OrderStatus.CONFIRMED, "credit fine (auto-confirm), confirm, release")
                .label(OrderStatus.PLACED, OrderStatus.ON_HOLD, "credit limit exceeded, hold")
                .label(OrderStatus.PLACED, OrderStatus.CANCELLED, "cancel")
                .label(OrderStatus.CONFIRMED, OrderStatus.IN_FULFILLMENT, "first shipment planned")
                .label(OrderStatus.CONFIRMED, OrderStatus.ON_HOLD, "hold, change over the credit limit")
                .label(OrderStatus.CONFIRMED, OrderStatus.CANCELLED, "cancel")
                .label(OrderStatus.ON_HOLD, OrderStatus.PLACED, "release")
                .label(OrderStatus.ON_HOLD, OrderStatus.CANCELLED, "cancel")
                .label(OrderStatus.IN_FULFILLMENT, OrderStatus.PARTIALLY_SHIPPED, "shipment shipped, some left")
                .label(OrderStatus.IN_FULFILLMENT, OrderStatus.SHIPPED, "shipment shipped, nothing left")
                .label(OrderStatus.IN_FULFILLMENT, OrderStatus.CANCELLED, "cancel, nothing shipped yet")
                .label(OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, "last shipment, or the rest cancelled")
                .label(OrderStatus.SHIPPED, OrderStatus.DELIVERED, "all shipments delivered")
                .label(OrderStatus.DELIVERED, OrderStatus.COMPLETED, "invoiced and paid");
    }

    private static Diagram<ShipmentStatus> shipment() {
        String cancel = "cancel, or the order was cancelled";
        return new Diagram<>("shipment-states", ShipmentStatus.class)
                .enters(ShipmentStatus.PLANNED, "POST /api/orders/{id}/shipments")
                .label(ShipmentStatus.PLANNED, ShipmentStatus.PICKING, "pick")
                .label(ShipmentStatus.PLANNED, ShipmentStatus.CANCELLED, cancel)
                .label(ShipmentStatus.PICKING, ShipmentStatus.PACKED, "pack, every unit scanned")
                .label(ShipmentStatus.PICKING, ShipmentStatus.CANCELLED, cancel)
                .label(ShipmentStatus.PACKED, ShipmentStatus.SHIPPED, "ship")
                .label(ShipmentStatus.PACKED, ShipmentStatus.CANCELLED, cancel)
                .label(
                        ShipmentStatus.SHIPPED,
                        ShipmentStatus.IN_TRANSIT,
                        "tracking event IN_TRANSIT or OUT_FOR_DELIVERY")
                .label(ShipmentStatus.SHIPPED, ShipmentStatus.DELIVERED, "deliver")
                .label(ShipmentStatus.SHIPPED, ShipmentStatus.EXCEPTION, "tracking event of an exception kind")
                .label(ShipmentStatus.IN_TRANSIT, ShipmentStatus.DELIVERED, "deliver")
                .label(ShipmentStatus.IN_TRANSIT, ShipmentStatus.EXCEPTION, "tracking event of an exception kind")
                .label(ShipmentStatus.EXCEPTION, ShipmentStatus.IN_TRANSIT, "tracking event IN_TRANSIT")
                .label(ShipmentStatus.EXCEPTION, ShipmentStatus.DELIVERED, "deliver")
                .label(
                        ShipmentStatus.EXCEPTION,
                        ShipmentStatus.RETURNED,
                        "tracking event RETURNED or RETURNED_TO_SENDER")
                .label(
                        ShipmentStatus.EXCEPTION,
                        ShipmentStatus.LOST,
                        "the desk re-ships or credits a lost or damaged parcel");
    }

    private static Diagram<InvoiceStatus> invoice() {
        String someLeft = "payment allocated, some left";
        String nothingLeft = "payment allocated, nothing left";
        String voided = "void, nothing paid, no credit notes";
        String credited = "credit note, nothing paid, nothing left";
        return new Diagram<>("invoice-states", InvoiceStatus.class)
                .enters(InvoiceStatus.ISSUED, "shipment shipped (ON_SHIPMENT), order accepted (ON_ORDER), credit note")
                .label(InvoiceStatus.ISSUED, InvoiceStatus.OVERDUE, "dunning run, past due and nothing paid")
                .label(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, someLeft)
                .label(InvoiceStatus.ISSUED, InvoiceStatus.PAID, nothingLeft)
                .label(InvoiceStatus.ISSUED, InvoiceStatus.VOID, voided)
                .label(InvoiceStatus.OVERDUE, InvoiceStatus.PARTIALLY_PAID, someLeft)
                .label(InvoiceStatus.OVERDUE, InvoiceStatus.PAID, nothingLeft)
                .label(InvoiceStatus.OVERDUE, InvoiceStatus.VOID, voided)
                .label(InvoiceStatus.ISSUED, InvoiceStatus.CREDITED, credited)
                .label(InvoiceStatus.OVERDUE, InvoiceStatus.CREDITED, credited)
                .label(
                        InvoiceStatus.PARTIALLY_PAID,
                        InvoiceStatus.CREDITED,
                        "credit note, payments back to the account, nothing left")
                .label(
                        InvoiceStatus.PARTIALLY_PAID,
                        InvoiceStatus.PAID,
                        "payment allocated or credit note, nothing left");
    }

    private static Diagram<PaymentStatus> payment() {
        String moneyBack = "a credit note gave money back to the account";
        return new Diagram<>("payment-states", PaymentStatus.class)
                .enters(PaymentStatus.RECEIVED, "POST /api/payments")
                .label(PaymentStatus.RECEIVED, PaymentStatus.ALLOCATED, "everything applied to invoices")
                .label(PaymentStatus.RECEIVED, PaymentStatus.REFUNDED, "nothing left on account, part of it paid back")
                .label(PaymentStatus.ALLOCATED, PaymentStatus.RECEIVED, moneyBack)
                .label(PaymentStatus.REFUNDED, PaymentStatus.RECEIVED, moneyBack);
    }

    private static Diagram<CaseStatus> serviceCase() {
        return new Diagram<>("case-states", CaseStatus.class)
                .enters(CaseStatus.OPEN, "POST /api/cases, the portal, or a delivery exception")
                .label(CaseStatus.OPEN, CaseStatus.IN_PROGRESS, "first staff reply, or set")
                .label(CaseStatus.OPEN, CaseStatus.WAITING_ON_CUSTOMER, "set")
                .label(CaseStatus.OPEN, CaseStatus.RESOLVED, "set")
                .label(CaseStatus.IN_PROGRESS, CaseStatus.WAITING_ON_CUSTOMER, "set")
                .label(CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED, "set")
                .label(CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.IN_PROGRESS, "customer replies, or set")
                .label(CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.RESOLVED, "set")
                .label(CaseStatus.RESOLVED, CaseStatus.IN_PROGRESS, "customer replies, or set: a reopen")
                .label(CaseStatus.RESOLVED, CaseStatus.CLOSED, "set");
    }

    private static Diagram<ReturnStatus> rma() {
        return new Diagram<>("return-states", ReturnStatus.class)
                .enters(ReturnStatus.REQUESTED, "POST /api/orders/{id}/returns")
                .label(ReturnStatus.REQUESTED, ReturnStatus.APPROVED, "approve")
                .label(ReturnStatus.REQUESTED, ReturnStatus.REJECTED, "reject")
                .label(ReturnStatus.APPROVED, ReturnStatus.RECEIVED, "receive (restock or scrap)")
                .label(ReturnStatus.APPROVED, ReturnStatus.REJECTED, "reject")
                .label(ReturnStatus.RECEIVED, ReturnStatus.INSPECTED, "inspect")
                .label(ReturnStatus.INSPECTED, ReturnStatus.REFUNDED, "resolve REFUND, credit notes issued")
                .label(ReturnStatus.INSPECTED, ReturnStatus.REPLACED, "resolve REPLACE, replacement order placed")
                .label(ReturnStatus.INSPECTED, ReturnStatus.CREDITED, "resolve CREDIT, credit notes issued")
                .label(ReturnStatus.REFUNDED, ReturnStatus.CLOSED, "refund recorded, or nothing to pay back")
                .label(ReturnStatus.REPLACED, ReturnStatus.CLOSED, "at once")
                .label(ReturnStatus.CREDITED, ReturnStatus.CLOSED, "at once");
    }

    /** One state table's diagram, between {@code <!-- name:start -->} and {@code <!-- name:end -->}. */
    static final class Diagram<S extends Enum<S> & StateTable<S>> {

        final String name;
        final Class<S> type;
        private final Map<S, String> entries = new LinkedHashMap<>();
        private final Map<List<S>, String> labels = new HashMap<>();

        Diagram(String name, Class<S> type) {
            this.name = name;
            this.type = type;
        }

        /** Things come into being in {@code state}, by {@code how}. */
        Diagram<S> enters(S state, String how) {
            entries.put(state, how);
            return this;
        }

        Diagram<S> label(S from, S to, String what) {
            if (!from.canMoveTo(to)) {
                throw new IllegalArgumentException(name + ": a label for " + from + " --> " + to + ", which "
                        + type.getSimpleName() + " does not allow");
            }
            labels.put(List.of(from, to), what);
            return this;
        }

        String mermaid() {
            StringBuilder out = new StringBuilder("```mermaid\nstateDiagram-v2\n");
            entries.forEach((state, how) -> out.append("    [*] --> ")
                    .append(state)
                    .append(": ")
                    .append(how)
                    .append('\n'));
            for (S from : type.getEnumConstants()) {
                for (S to : from.allowedNext()) {
                    String label = labels.get(List.of(from, to));
                    out.append("    ")
                            .append(from)
                            .append(" --> ")
                            .append(to)
                            .append(label == null ? "" : ": " + label)
                            .append('\n');
                }
            }
            for (S state : type.getEnumConstants()) {
                if (state.allowedNext().isEmpty()) {
                    out.append("    ").append(state).append(" --> [*]\n");
                }
            }
            return out.append("```\n").toString();
        }

        String drawInto(String doc) {
            String start = "<!-- " + name + ":start -->\n";
            String end = "<!-- " + name + ":end -->";
            int from = doc.indexOf(start);
            int to = doc.indexOf(end);
            if (from < 0 || to < from) {
                throw new IllegalStateException("docs/domain.md lacks the markers " + start.strip() + " ... " + end);
            }
            String note = "<!-- generated from the table of " + type.getName() + " and the labels in "
                    + StateDiagrams.class.getName() + " -->\n";
            return doc.substring(0, from + start.length()) + note + mermaid() + doc.substring(to);
        }
    }

    private static Diagram<PurchaseOrderStatus> purchaseOrder() {
        String part = "receipt, some left";
        String full = "receipt, every line in full";
        return new Diagram<>("purchase-order-states", PurchaseOrderStatus.class)
                .enters(PurchaseOrderStatus.DRAFT, "POST /api/purchase-orders, or replenishment proposals ordered")
                .label(PurchaseOrderStatus.DRAFT, PurchaseOrderStatus.SENT, "send")
                .label(PurchaseOrderStatus.DRAFT, PurchaseOrderStatus.CANCELLED, "cancel")
                .label(PurchaseOrderStatus.SENT, PurchaseOrderStatus.CONFIRMED, "confirm dates")
                .label(PurchaseOrderStatus.SENT, PurchaseOrderStatus.PARTIALLY_RECEIVED, part)
                .label(PurchaseOrderStatus.SENT, PurchaseOrderStatus.RECEIVED, full)
                .label(PurchaseOrderStatus.SENT, PurchaseOrderStatus.CANCELLED, "cancel")
                .label(PurchaseOrderStatus.CONFIRMED, PurchaseOrderStatus.CONFIRMED, "confirm later dates (a delay)")
                .label(PurchaseOrderStatus.CONFIRMED, PurchaseOrderStatus.PARTIALLY_RECEIVED, part)
                .label(PurchaseOrderStatus.CONFIRMED, PurchaseOrderStatus.RECEIVED, full)
                .label(PurchaseOrderStatus.CONFIRMED, PurchaseOrderStatus.CANCELLED, "cancel")
                .label(
                        PurchaseOrderStatus.PARTIALLY_RECEIVED,
                        PurchaseOrderStatus.PARTIALLY_RECEIVED,
                        "receipt or confirmed dates, some left")
                .label(PurchaseOrderStatus.PARTIALLY_RECEIVED, PurchaseOrderStatus.RECEIVED, full)
                .label(
                        PurchaseOrderStatus.PARTIALLY_RECEIVED,
                        PurchaseOrderStatus.CLOSED,
                        "close: the rest will not come")
                .label(PurchaseOrderStatus.RECEIVED, PurchaseOrderStatus.CLOSED, "close");
    }

    private static Diagram<QuotationStatus> quotation() {
        return new Diagram<>("quotation-states", QuotationStatus.class)
                .enters(QuotationStatus.DRAFT, "POST /api/quotations")
                .label(QuotationStatus.DRAFT, QuotationStatus.SENT, "send: prices fixed")
                .label(QuotationStatus.SENT, QuotationStatus.SENT, "revise: a new revision, the old one kept")
                .label(
                        QuotationStatus.SENT,
                        QuotationStatus.ACCEPTED,
                        "accept: the order is placed at the quoted prices")
                .label(QuotationStatus.SENT, QuotationStatus.DECLINED, "decline")
                .label(QuotationStatus.SENT, QuotationStatus.EXPIRED, "its validity date passed");
    }
}
