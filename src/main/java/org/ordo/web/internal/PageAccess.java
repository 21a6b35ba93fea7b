package org.ordo.web.internal;

import org.ordo.identity.Actor;
import org.ordo.identity.Role;
import org.ordo.orders.OrderStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Which pages and actions a user's roles allow: the same role sets as the REST endpoints behind them, in one place so that
 * navigation, buttons and the {@code @PreAuthorize} checks of the page controllers agree.
 */
final class PageAccess {

    /** The dashboard: key figures and reports ({@code /api/reports/**}). */
    static final String MANAGERS = "hasAnyRole('ADMIN','SALES','ACCOUNTING')";
    /** Reading orders ({@code GET /api/orders}). */
    static final String ORDER_READERS = "hasAnyRole('ADMIN','SALES','WAREHOUSE','ACCOUNTING','SUPPORT','CUSTOMER')";
    /** Holding and releasing orders. */
    static final String HOLDERS = "hasAnyRole('ADMIN','SALES','ACCOUNTING')";
    /** Cancelling orders. */
    static final String CANCELLERS = "hasAnyRole('ADMIN','SALES','SUPPORT','CUSTOMER')";
    static final String ADMINS = "hasRole('ADMIN')";

    /** One entry of the navigation; {@code key} names its label in the message bundle. */
    public record NavItem(String key, String href) {}

    private PageAccess() {}

    static boolean mayUseDashboard(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.SALES, Role.ACCOUNTING);
    }

    static boolean mayReadOrders(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.SALES, Role.WAREHOUSE, Role.ACCOUNTING, Role.SUPPORT, Role.CUSTOMER);
    }

    static boolean mayReadInvoices(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.SALES, Role.ACCOUNTING, Role.SUPPORT, Role.CUSTOMER);
    }

    static boolean mayFilterByCustomer(Actor actor) {
        return !actor.isCustomer();
    }

    /** The navigation of a user: only what the roles may open. */
    static List<NavItem> navigation(Actor actor) {
        List<NavItem> items = new ArrayList<>();
        if (mayUseDashboard(actor)) {
            items.add(new NavItem("nav.dashboard", "/"));
        }
        if (mayReadOrders(actor)) {
            items.add(new NavItem("nav.orders", "/orders"));
        }
        if (actor.hasRole(Role.ADMIN)) {
            items.add(new NavItem("nav.consistency", "/admin/consistency"));
        }
        return items;
    }

    /** The actions on an order that both its state and the user's roles allow, in the order the page shows them. */
    static List<String> orderActions(Actor actor, OrderStatus status, boolean anythingShipped) {
        List<String> actions = new ArrayList<>();
        boolean holder = actor.hasAnyRole(Role.ADMIN, Role.SALES, Role.ACCOUNTING);
        if (holder && status.canMoveTo(OrderStatus.ON_HOLD)) {
            actions.add("hold");
        }
        if (holder && status == OrderStatus.ON_HOLD) {
            actions.add("release");
        }
        if (actor.hasAnyRole(Role.ADMIN, Role.SALES, Role.SUPPORT, Role.CUSTOMER) && status.canMoveTo(OrderStatus.CANCELLED)
                && !anythingShipped) {
            actions.add("cancel");
        }
        return actions;
    }
}
