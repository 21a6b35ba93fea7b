package org.ordo.orders.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.ordo.orders.OrderPrivacy;
import org.ordo.orders.OrderStatus;
import org.ordo.platform.PersonalRows;
import org.ordo.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The personal data in sales_order, order_line and order_history. */
@Component
class OrderPrivacyStore implements OrderPrivacy {

    private static final String OF_CUSTOMER = "(SELECT id FROM sales_order WHERE customer_id = ?)";

    private final JdbcClient jdbc;

    OrderPrivacyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OrderData personalData(UUID customerId) {
        return new OrderData(
                PersonalRows.read(
                        jdbc, "SELECT * FROM sales_order WHERE customer_id = ? ORDER BY placed_at", customerId),
                PersonalRows.read(
                        jdbc,
                        "SELECT * FROM order_line WHERE order_id IN " + OF_CUSTOMER + " ORDER BY order_id, line_number",
                        customerId),
                PersonalRows.read(
                        jdbc,
                        "SELECT * FROM order_history WHERE order_id IN " + OF_CUSTOMER + " ORDER BY id",
                        customerId));
    }

    @Override
    public List<String> openOrderNumbers(UUID customerId) {
        EnumSet<OrderStatus> underWay = EnumSet.of(OrderStatus.DRAFT);
        EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isOpen).forEach(underWay::add);
        return jdbc.sql("SELECT number FROM sales_order WHERE customer_id = ? AND status IN " + Sql.list(underWay)
                        + " ORDER BY number")
                .param(customerId)
                .query(String.class)
                .list();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(UUID customerId) {
        jdbc.sql("UPDATE sales_order SET "
                        + PersonalRows.erasing(
                                "ship_name",
                                "ship_line1",
                                "ship_line2",
                                "ship_city",
                                "ship_region",
                                "ship_postal_code",
                                "notes",
                                "hold_reason")
                        + ", version = version + 1 WHERE customer_id = ?")
                .param(customerId)
                .update();
        jdbc.sql("UPDATE order_history SET " + PersonalRows.erasing("reason", "details") + " WHERE order_id IN "
                        + OF_CUSTOMER)
                .param(customerId)
                .update();
    }
}
