package org.ordo.web.internal;

import java.util.ArrayList;
import java.util.List;
import org.ordo.identity.Actor;
import org.ordo.identity.Role;
import org.ordo.orders.OrderStatus;
import org.ordo.returns.ReturnStatus;

/**
 * Which pages and actions a user's roles allow: the same role sets as the REST endpoints behind them, in one place so that
 * navigation, buttons and the {@code @PreAuthorize} checks of the page controllers agree.
 */
final class PageAccess {

    /** The dashboard: key figures and reports ({@code /api/reports/**}). */
    static final String MANAGERS = "hasAnyRole('ADMIN','SALES','ACCOUNTING')";
    /**
     * The back office's order pages: staff only. A customer reads its orders in the portal, which shows what the customer
     * may see and do, and never the internal notes, the reservations by warehouse or the staff's actions.
     */
    static final String ORDER_READERS = "hasAnyRole('ADMIN','SALES','WAREHOUSE','ACCOUNTING','SUPPORT')";
    /** Holding and releasing orders. */
    static final String HOLDERS = "hasAnyRole('ADMIN','SALES','ACCOUNTING')";
    /** Cancelling orders on the back office's order page. */
    static final String CANCELLERS = "hasAnyRole('ADMIN','SALES','SUPPORT')";

    static final String ADMINS = "hasRole('ADMIN')";

    /** Price lists and promotions are read by those who sell or answer for prices; ORDER_TAKERS keep them. */
    static final String PRICING_READERS = "hasAnyRole('ADMIN','SALES','SUPPORT','ACCOUNTING')";
    /** Entering and changing orders for a customer (back office). */
    static final String ORDER_TAKERS = "hasAnyRole('ADMIN','SALES')";
    /** Picking, packing, shipping, receiving, counting; stock levels. */
    static final String WAREHOUSE = "hasAnyRole('ADMIN','WAREHOUSE')";
    /**
     * The stock ledger and a stock level's page: staff, and the buyers who plan stock (as {@code GET
     * /api/inventory/movements}).
     */
    static final String STOCK_READERS = "hasAnyRole('ADMIN','SALES','WAREHOUSE','ACCOUNTING','SUPPORT','PURCHASING')";
    /** Setting safety stock and reorder points (as {@code PUT /api/inventory/levels/{warehouse}/{sku}}). */
    static final String STOCK_PLANNERS = "hasAnyRole('ADMIN','WAREHOUSE','PURCHASING')";
    /** Invoices, payments, credit notes, reminders, AR aging. */
    static final String ACCOUNTANTS = "hasAnyRole('ADMIN','ACCOUNTING')";
    /** Customer 360 and returns. */
    static final String CUSTOMER_SERVICE = "hasAnyRole('ADMIN','SALES','ACCOUNTING','SUPPORT')";
    /** Approving and rejecting returns (as {@code /api/returns/{id}/approve} and {@code /reject}). */
    static final String RETURN_APPROVERS = "hasAnyRole('ADMIN','SALES','SUPPORT')";
    /** The returns list and a return's page: customer service, and the warehouse that receives the goods. */
    static final String RETURN_READERS = "hasAnyRole('ADMIN','SALES','ACCOUNTING','SUPPORT','WAREHOUSE')";
    /**
     * Receiving and inspecting returned goods, in the warehouse or at the service desk (as {@code /api/returns/{id}/receive}
     * and {@code /inspect}).
     */
    static final String RETURN_HANDLERS = "hasAnyRole('ADMIN','WAREHOUSE','SUPPORT')";
    /** Carrying out a return's resolution: refund, credit or replacement (as {@code /api/returns/{id}/resolve}). */
    static final String RETURN_RESOLVERS = "hasAnyRole('ADMIN','SUPPORT','ACCOUNTING')";
    /** Recording that a return's refund was paid back (as {@code /api/returns/{id}/refund}). */
    static final String RETURN_REFUNDERS = ACCOUNTANTS;
    /** Forecasts and their backtest (as {@code GET /api/forecasts}): buyers, and sales and warehouse to read. */
    static final String FORECAST_READERS = "hasAnyRole('ADMIN','PURCHASING','SALES','WAREHOUSE')";
    /** Running the backtest now (as {@code POST /api/forecasts/runs}) supplier scorecards, suppliers, purchase orders and
     * replenishment (as {@code /api/suppliers}, {@code /api/purchase-orders}): buyers. */
    static final String BUYERS = "hasAnyRole('ADMIN','PURCHASING')";
    /** The customer portal: a customer's own orders, invoices and returns. */
    static final String CUSTOMERS = "hasRole('CUSTOMER')";

    /** The delivery desk: parcels in trouble or unheard of, for customer service and the warehouse. */
    static final String DELIVERY_DESK = "hasAnyRole('ADMIN','SUPPORT','WAREHOUSE')";

    /**
     * The desk's credit or refund: customer service, who settles with the customer (the warehouse re-ships but does not
     * pay out; accounting credits the same way through {@code POST /api/shipments/{id}/credit}).
     */
    static final String DESK_CREDIT = "hasAnyRole('ADMIN','SUPPORT')";

    /** CSV imports: which kinds each of them may import is the imports module's rule. */
    static final String IMPORTERS = "hasAnyRole('ADMIN','SALES','WAREHOUSE')";

    /** Customer service cases: sales read them, as they read a customer's other affairs. */
    static final String CASE_READERS = "hasAnyRole('ADMIN','SUPPORT','SALES')";

    static final String CASE_WORKERS = "hasAnyRole('ADMIN','SUPPORT')";

    /** One entry of the navigation; {@code key} names its label in the message bundle. */
    public record NavItem(String key, String href) {}

    private PageAccess() {}

    static boolean mayCreditAtDesk(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.SUPPORT);
    }

    static boolean mayUseDashboard(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.SALES, Role.ACCOUNTING);
    }

    static boolean mayReadOrders(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.SALES, Role.WAREHOUSE, Role.ACCOUNTING, Role.SUPPORT);
    }

    static boolean mayReadInvoices(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.SALES, Role.ACCOUNTING, Role.SUPPORT);
    }

    static boolean mayTakeOrders(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.SALES);
    }

    static boolean mayUseWarehouse(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.WAREHOUSE);
    }

    static boolean mayPlanStock(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.WAREHOUSE, Role.PURCHASING);
    }

    static boolean mayReadForecasts(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.PURCHASING, Role.SALES, Role.WAREHOUSE);
    }

    static boolean mayBuy(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.PURCHASING);
    }

    static boolean mayUseAccounting(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.ACCOUNTING);
    }

    static boolean mayServeCustomers(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.SALES, Role.ACCOUNTING, Role.SUPPORT);
    }

    static boolean mayWorkTheDeliveryDesk(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.SUPPORT, Role.WAREHOUSE);
    }

    static boolean mayHandleReturns(Actor actor) {
        return mayServeCustomers(actor) || actor.hasRole(Role.WAREHOUSE);
    }

    /** The actions on a return that both its state and the user's roles allow, in the order the page shows them. */
    static List<String> returnActions(Actor actor, ReturnStatus status, boolean refundDue) {
        List<String> actions = new ArrayList<>();
        boolean approver = actor.hasAnyRole(Role.ADMIN, Role.SALES, Role.SUPPORT);
        boolean handler = actor.hasAnyRole(Role.ADMIN, Role.WAREHOUSE, Role.SUPPORT);
        if (approver && status.canMoveTo(ReturnStatus.APPROVED)) {
            actions.add("approve");
        }
        if (handler && status.canMoveTo(ReturnStatus.RECEIVED)) {
            actions.add("receive");
        }
        if (handler && status.canMoveTo(ReturnStatus.INSPECTED)) {
            actions.add("inspect");
        }
        if (actor.hasAnyRole(Role.ADMIN, Role.SUPPORT, Role.ACCOUNTING) && status == ReturnStatus.INSPECTED) {
            actions.add("resolve");
        }
        if (actor.hasAnyRole(Role.ADMIN, Role.ACCOUNTING) && status == ReturnStatus.REFUNDED && refundDue) {
            actions.add("refund");
        }
        if (approver && status.canMoveTo(ReturnStatus.REJECTED)) {
            actions.add("reject");
        }
        return actions;
    }

    /** Lines, quantities and the address may change only before fulfilment starts and before anything shipped. */
    static boolean mayEdit(OrderStatus status, boolean anythingShipped) {
        return status.allowsChanges() && !anythingShipped;
    }

    /** Where a user lands after logging in: the page their work starts on. */
    static String home(Actor actor) {
        if (mayUseDashboard(actor)) {
            return "/";
        }
        if (actor.isCustomer()) {
            return "/portal";
        }
        if (mayUseWarehouse(actor)) {
            return "/warehouse";
        }
        if (mayBuy(actor) && !mayReadOrders(actor)) {
            return "/purchasing";
        }
        return "/orders";
    }

    /** The roles of {@link #CASE_READERS}: only they get a link to the service desk. */
    static boolean mayReadCases(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.SUPPORT, Role.SALES);
    }

    static boolean mayWorkCases(Actor actor) {
        return actor.hasAnyRole(Role.ADMIN, Role.SUPPORT);
    }

    private static final List<NavItem> PORTAL_NAVIGATION = List.of(
            new NavItem("nav.portal.shop", "/portal/shop"),
            new NavItem("nav.portal.orders", "/portal"),
            new NavItem("nav.portal.quotations", "/portal/quotations"),
            new NavItem("nav.portal.invoices", "/portal/invoices"),
            new NavItem("nav.portal.cases", "/portal/cases"));

    /** The navigation of a user: only what the roles may open. */
    static List<NavItem> navigation(Actor actor) {
        List<NavItem> items = new ArrayList<>();
        if (mayUseDashboard(actor)) {
            items.add(new NavItem("nav.dashboard", "/"));
        }
        if (actor.isCustomer()) {
            // the portal is all a customer sees
            items.addAll(PORTAL_NAVIGATION);
            return items;
        }
        if (mayReadOrders(actor)) {
            items.add(new NavItem("nav.orders", "/orders"));
        }
        if (mayTakeOrders(actor)) {
            items.add(new NavItem("nav.newOrder", "/orders/new"));
            items.add(new NavItem("nav.quotations", "/quotations"));
        }
        if (mayUseWarehouse(actor)) {
            items.add(new NavItem("nav.warehouse", "/warehouse"));
        }
        if (mayBuy(actor)) {
            items.add(new NavItem("nav.purchasing", "/purchasing"));
        }
        if (mayUseAccounting(actor)) {
            items.add(new NavItem("nav.accounting", "/accounting"));
        }
        if (mayServeCustomers(actor)) {
            items.add(new NavItem("nav.customers", "/customers"));
        }
        if (mayHandleReturns(actor)) {
            items.add(new NavItem("nav.returns", "/returns"));
        }
        if (mayWorkTheDeliveryDesk(actor)) {
            items.add(new NavItem("nav.deliveries", "/deliveries"));
        }
        if (mayReadCases(actor)) {
            items.add(new NavItem("nav.cases", "/cases"));
        }
        if (mayReadForecasts(actor)) {
            items.add(new NavItem("nav.forecasts", "/purchasing/forecasts"));
        }
        if (actor.hasAnyRole(Role.ADMIN, Role.SALES, Role.WAREHOUSE)) {
            items.add(new NavItem("nav.imports", "/imports"));
        }
        if (mayTakeOrders(actor)) {
            items.add(new NavItem("nav.edi", "/edi"));
            items.add(new NavItem("nav.intake", "/intake"));
        }
        if (actor.hasAnyRole(Role.ADMIN, Role.SALES, Role.SUPPORT, Role.ACCOUNTING)) {
            items.add(new NavItem("nav.pricing", "/pricing/price-lists"));
        }
        if (actor.hasRole(Role.ADMIN)) {
            items.add(new NavItem("nav.admin", "/admin"));
        }
        return items;
    }

    /** The actions on an order that both its state and the user's roles allow, in the order the page shows them. */
    static List<String> orderActions(Actor actor, OrderStatus status, boolean anythingShipped) {
        List<String> actions = new ArrayList<>();
        if (mayTakeOrders(actor) && mayEdit(status, anythingShipped)) {
            actions.add("edit");
        }
        boolean holder = actor.hasAnyRole(Role.ADMIN, Role.SALES, Role.ACCOUNTING);
        if (holder && status.canMoveTo(OrderStatus.ON_HOLD)) {
            actions.add("hold");
        }
        if (holder && status == OrderStatus.ON_HOLD) {
            actions.add("release");
        }
        if (actor.hasAnyRole(Role.ADMIN, Role.SALES, Role.SUPPORT)
                && status.canMoveTo(OrderStatus.CANCELLED)
                && !anythingShipped) {
            actions.add("cancel");
        }
        return actions;
    }
}
