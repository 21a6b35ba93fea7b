package org.ordo.service.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.ordo.customers.Customers;
import org.ordo.fulfillment.Shipments;
import org.ordo.invoicing.Invoices;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.returns.Returns;
import org.ordo.service.CaseRule;
import org.ordo.service.ServiceDesk;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.springframework.stereotype.Component;

/**
 * What a new case is about: its customer, and optionally one of that customer's orders and the order's shipment,
 * invoice or return, each named by id or number. Another customer's order is unknown here, as it is in the portal.
 */
@Component
class CaseLinks {

    private final Customers customers;
    private final Orders orders;
    private final Shipments shipments;
    private final Invoices invoices;
    private final Returns returns;

    CaseLinks(Customers customers, Orders orders, Shipments shipments, Invoices invoices, Returns returns) {
        this.customers = customers;
        this.orders = orders;
        this.shipments = shipments;
        this.invoices = invoices;
        this.returns = returns;
    }

    /** Sets the case's links, or adds what is wrong with them to {@code problems}. */
    void link(ServiceCase c, UUID customerId, ServiceDesk.Open r, List<FieldViolation> problems) {
        if (customerId == null) {
            problems.add(CommonRule.REQUIRED.at("customerId"));
            return;
        }
        if (customers.find(customerId).isEmpty()) {
            problems.add(CaseRule.UNKNOWN_CUSTOMER.at("customerId"));
            return;
        }
        c.customerId = customerId;
        if (blank(r.orderId())) {
            for (String[] other : new String[][] {
                {"shipmentId", r.shipmentId()}, {"invoiceId", r.invoiceId()}, {"returnId", r.returnId()}
            }) {
                if (!blank(other[1])) {
                    problems.add(CaseRule.NEEDS_ORDER.at(other[0]));
                }
            }
            return;
        }
        Optional<OrderSnapshot> order =
                orders.find(r.orderId().trim()).filter(o -> o.customerId().equals(customerId));
        if (order.isEmpty()) {
            problems.add(CaseRule.UNKNOWN_ORDER.at("orderId"));
            return;
        }
        c.orderId = order.get().id();
        c.orderNumber = order.get().number();
        linkOfOrder(c, r, problems);
    }

    private void linkOfOrder(ServiceCase c, ServiceDesk.Open r, List<FieldViolation> problems) {
        if (!blank(r.shipmentId())) {
            Optional<Shipments.Summary> s =
                    one(shipments.ofOrder(c.orderId), r.shipmentId(), Shipments.Summary::id, Shipments.Summary::number);
            s.ifPresentOrElse(
                    x -> {
                        c.shipmentId = x.id();
                        c.shipmentNumber = x.number();
                    },
                    () -> problems.add(CaseRule.NOT_OF_ORDER.at("shipmentId")));
        }
        if (!blank(r.invoiceId())) {
            Optional<Invoices.Summary> i =
                    one(invoices.ofOrder(c.orderId), r.invoiceId(), Invoices.Summary::id, Invoices.Summary::number);
            i.ifPresentOrElse(
                    x -> {
                        c.invoiceId = x.id();
                        c.invoiceNumber = x.number();
                    },
                    () -> problems.add(CaseRule.NOT_OF_ORDER.at("invoiceId")));
        }
        if (!blank(r.returnId())) {
            Optional<Returns.Summary> x =
                    one(returns.ofOrder(c.orderId), r.returnId(), Returns.Summary::id, Returns.Summary::number);
            x.ifPresentOrElse(
                    y -> {
                        c.returnId = y.id();
                        c.returnNumber = y.number();
                    },
                    () -> problems.add(CaseRule.NOT_OF_ORDER.at("returnId")));
        }
    }

    private static <T> Optional<T> one(
            List<T> ofOrder, String reference, Function<T, UUID> id, Function<T, String> number) {
        String ref = reference.trim();
        return ofOrder.stream()
                .filter(t -> id.apply(t).toString().equalsIgnoreCase(ref) || ref.equalsIgnoreCase(number.apply(t)))
                .findFirst();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
