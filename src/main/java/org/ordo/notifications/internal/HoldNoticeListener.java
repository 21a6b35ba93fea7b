package org.ordo.notifications.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.ordo.customers.Customers;
import org.ordo.identity.Role;
import org.ordo.identity.UserAdmin;
import org.ordo.notifications.MessageKind;
import org.ordo.orders.OrderPlaced;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.OrderStatus;
import org.ordo.orders.OrderStatusChanged;
import org.ordo.orders.Orders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the staff user who placed an order that it is on hold (the credit check, or a person), so the sales rep can
 * call the customer; an order placed by the customer itself, or by a user without a configured address, goes to the
 * sales desk ({@code ordo.notifications.sales-desk-email}). Each hold of an order is told once, whatever the redelivery.
 */
@Component
@ConditionalOnExpression("'${spring.mail.host:}' != '' or ${ordo.notifications.log-only:false}")
class HoldNoticeListener {

    private final NotificationService notifications;
    private final Orders orders;
    private final Customers customers;
    private final UserAdmin users;
    private final NotificationProperties properties;

    HoldNoticeListener(
            NotificationService notifications,
            Orders orders,
            Customers customers,
            UserAdmin users,
            NotificationProperties properties) {
        this.notifications = notifications;
        this.orders = orders;
        this.customers = customers;
        this.users = users;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        if (placed.status() == OrderStatus.ON_HOLD) {
            held(placed.orderId());
        }
    }

    @ApplicationModuleListener
    void on(OrderStatusChanged changed) {
        if (changed.to() == OrderStatus.ON_HOLD) {
            held(changed.orderId());
        }
    }

    private void held(UUID orderId) {
        OrderSnapshot order = orders.find(orderId).orElse(null);
        if (order == null || order.status() != OrderStatus.ON_HOLD) {
            return;
        }
        List<Orders.HistoryEntry> history = orders.history(orderId);
        List<Orders.HistoryEntry> holds =
                history.stream().filter(h -> h.to() == OrderStatus.ON_HOLD).toList();
        String reason =
                holds.isEmpty() ? "" : nullToEmpty(holds.get(holds.size() - 1).reason());
        String placedBy = history.isEmpty() ? null : history.get(0).actor();
        UserAdmin.UserView staff = placedBy == null
                ? null
                : users.user(placedBy)
                        .filter(u -> u.customerId() == null && !u.roles().equals(List.of(Role.CUSTOMER)))
                        .orElse(null);
        String recipient = properties.staffRecipient(staff == null ? null : staff.username());
        Locale language = staff == null || staff.locale() == null
                ? Locale.ENGLISH
                : Locale.forLanguageTag(staff.locale().replace('_', '-'));
        customers
                .find(order.customerId())
                .ifPresent(customer -> notifications.queue(new NotificationService.Addressed(
                        MessageKind.ORDER_ON_HOLD,
                        "order-on-hold:" + orderId + ":" + Math.max(1, holds.size()),
                        order.customerId(),
                        recipient,
                        language,
                        Map.of(
                                "order", order,
                                "customer", customer,
                                "reason", reason,
                                "placedBy", staff == null ? "" : staff.username()),
                        List.of(order.number(), customer.name()))));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
