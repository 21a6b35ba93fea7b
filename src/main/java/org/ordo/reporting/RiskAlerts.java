package org.ordo.reporting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What is about to go wrong, and where a person can act on it (docs/domain.md, Risks): purchase order lines late or
 * confirmed after the promises that wait for them, SKUs that will run out before a supplier can deliver, orders that
 * may miss their promised date or passed it with nothing shipped, parcels in trouble or unheard of for longer than
 * their service takes, and customers over their credit limit or long overdue. Read from the tables, never
 * stored.
 */
public interface RiskAlerts {

    /** The alerts of {@code types} (empty: all) of {@code severity} (null: any), most severe first. */
    List<Alert> alerts(Set<Type> types, Severity severity);

    /** What kind of risk, and the roles that can act on it. The code names its title's translation. */
    enum Type {
        PURCHASE_ORDER_LATE("purchase-order-late", "ADMIN", "PURCHASING", "SALES", "SUPPORT"),
        PURCHASE_ORDER_AFTER_PROMISE("purchase-order-after-promise", "ADMIN", "PURCHASING", "SALES", "SUPPORT"),
        STOCKOUT("stockout", "ADMIN", "PURCHASING", "WAREHOUSE"),
        ORDER_PROMISE_AT_RISK("order-promise", "ADMIN", "SALES", "SUPPORT", "WAREHOUSE"),
        CREDIT_LIMIT_EXCEEDED("credit-limit", "ADMIN", "ACCOUNTING", "SALES"),
        INVOICES_OVERDUE("invoices-overdue", "ADMIN", "ACCOUNTING", "SALES"),
        ORDER_LATE_UNSHIPPED("order-late-unshipped", "ADMIN", "SALES", "SUPPORT", "WAREHOUSE"),
        SHIPMENT_SILENT("shipment-silent", "ADMIN", "SUPPORT", "WAREHOUSE"),
        DELIVERY_EXCEPTION("delivery-exception", "ADMIN", "SALES", "SUPPORT", "WAREHOUSE");

        private final String code;
        private final Set<String> roles;

        Type(String code, String... roles) {
            this.code = code;
            this.roles = Set.of(roles);
        }

        /** The stable code of the alert's title, translated by the pages ({@code risk.<code>}). */
        public String code() {
            return code;
        }

        /** The types someone with these roles (names such as {@code PURCHASING}) can act on. */
        public static Set<Type> visibleTo(Collection<String> roles) {
            Set<Type> visible = EnumSet.noneOf(Type.class);
            for (Type type : values()) {
                if (roles.stream().anyMatch(type.roles::contains)) {
                    visible.add(type);
                }
            }
            return visible;
        }
    }

    /** HIGH: already broken or about to be; MEDIUM: will break unless someone acts. */
    enum Severity {
        HIGH,
        MEDIUM
    }

    /**
     * One alert: {@code title} in English (the pages translate {@code type.code()}), {@code detail} the figures behind
     * it, {@code subject} what it is about, {@code affected} the orders and customers it endangers.
     */
    record Alert(
            Type type,
            Severity severity,
            String title,
            String detail,
            Subject subject,
            List<Affected> affected,
            Action action) {}

    /** kind: PURCHASE_ORDER_LINE, SKU, ORDER, SHIPMENT or CUSTOMER; {@code number} what people call it (PO-000012/1, a SKU, …). */
    record Subject(String kind, UUID id, String number) {}

    /** An order (line) that waits on the risk. */
    record Affected(
            UUID orderId,
            String orderNumber,
            UUID customerId,
            String customerName,
            Integer lineNumber,
            LocalDate promisedDate) {}

    /** What a person can do, and where: a page, or the API path where no page exists. */
    record Action(String label, String href) {}
}
