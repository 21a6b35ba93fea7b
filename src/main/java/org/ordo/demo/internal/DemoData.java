package org.ordo.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ordo.catalog.ProductCatalogAdmin;
import org.ordo.customers.CustomerAdmin;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.identity.AuditTrail;
import org.ordo.identity.Role;
import org.ordo.identity.UserAdmin;
import org.ordo.inventory.InventoryAdmin;
import org.ordo.shared.OrdoException;
import org.ordo.shared.RecordedTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data on start when {@code ordo.demo-data=true} and the catalog is empty. Runs after the admin user
 * exists, as the user {@code demo} with role ADMIN, so that every history and audit entry names who made it.
 *
 * <p>Loads once across nodes: the first audit entry of the chain {@code DEMO_DATA/ordo-demo} is the claim, and the
 * audit trail's unique key (entity, id, sequence) lets only one node insert it; the others skip. A node that dies
 * while loading leaves its claim, so the data is never loaded twice, at the price of a partial demo.
 */
@Component
@ConditionalOnProperty(name = "ordo.demo-data", havingValue = "true")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoData implements ApplicationRunner {

    static final String AUDIT_ENTITY = "DEMO_DATA";
    static final String AUDIT_ID = "ordo-demo";
    /** The same seed, the same demo: which customer orders what, and what happens to each order. */
    static final long SEED = 20261121L;

    static final List<String> STAFF_USERS = List.of("sales", "warehouse", "accounting", "support", "buyer");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final ProductCatalogAdmin catalog;
    private final CustomerAdmin customers;
    private final InventoryAdmin inventory;
    private final UserAdmin users;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final DemoOrders orders;
    private final DemoPayments demoPayments;
    private final DemoPurchasing demoPurchasing;
    private final DemoSupply supply;
    private final String password;

    DemoData(
            ProductCatalogAdmin catalog,
            CustomerAdmin customers,
            InventoryAdmin inventory,
            UserAdmin users,
            AuditTrail audit,
            TransactionTemplate transactions,
            DemoOrders orders,
            DemoPayments demoPayments,
            DemoPurchasing demoPurchasing,
            DemoSupply supply,
            @Value("${ordo.demo-password:${ORDO_DEMO_PASSWORD:demo-password-1}}") String password) {
        this.catalog = catalog;
        this.customers = customers;
        this.inventory = inventory;
        this.users = users;
        this.audit = audit;
        this.transactions = transactions;
        this.orders = orders;
        this.demoPayments = demoPayments;
        this.demoPurchasing = demoPurchasing;
        this.supply = supply;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (catalog.hasProducts()) {
            log.info("Demo data not loaded: the catalog already has products");
            return;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext demo = SecurityContextHolder.createEmptyContext();
        demo.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "demo", null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        SecurityContextHolder.setContext(demo);
        try {
            if (claim()) {
                load();
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** True if this node is the one to load. */
    private boolean claim() {
        try {
            transactions.executeWithoutResult(tx -> audit.recordCreated(
                    AUDIT_ENTITY, List.of(new AuditTrail.Created(AUDIT_ID, "LOADING", Map.of("seed", SEED)))));
            return true;
        } catch (DataIntegrityViolationException anotherNodeClaimedIt) {
            log.info("Demo data not loaded: another node loads or has loaded it");
            return false;
        }
    }

    private void load() {
        Instant started = Instant.now();
        log.info("Loading demo data (seed {}) ...", SEED);
        Random random = new Random(SEED);
        DemoCatalog.WAREHOUSES.forEach(w -> inventory.createWarehouse(w.code(), w.name(), w.address()));
        DemoCatalog.PRODUCTS.forEach(p -> catalog.create(p.product()));
        // the opening stock is there the day before the first order
        RecordedTime.runAt(started.minus(Duration.ofDays(DemoOrders.DAYS + 1)), () -> supply.openingStock(random));
        int suppliers = demoPurchasing.supply();
        List<DemoOrders.Buyer> buyers = new ArrayList<>();
        for (DemoCustomers.DemoCustomer c : DemoCustomers.CUSTOMERS) {
            CustomerSnapshot created = customers.create(c.customer());
            buyers.add(new DemoOrders.Buyer(created.id(), c));
        }
        List<String> portalUsers = List.of();
        try {
            portalUsers = createUsers(buyers);
        } catch (OrdoException e) {
            // e.g. an ORDO_DEMO_PASSWORD shorter than the password rule allows: the demo goes on without its users
            log.warn("Demo users not created: {} {}", e.getMessage(), e.violations());
        }
        DemoOrders.Outcome outcome = orders.placeOrders(random, buyers, started);
        Map<String, Long> statuses = outcome.statuses();
        int payments = demoPayments.pay(random, outcome.orders());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("warehouses", DemoCatalog.WAREHOUSES.size());
        summary.put("products", DemoCatalog.PRODUCTS.size());
        summary.put("customers", buyers.size());
        summary.put("suppliers", suppliers);
        summary.put("orders", statuses);
        summary.put("payments", payments);
        // only this node writes this chain after the claim, so the chain stays linear without a row lock
        transactions.executeWithoutResult(tx -> audit.record(AUDIT_ENTITY, AUDIT_ID, "LOADED", null, summary));
        log.info(
                "Demo data loaded in {} s: {} warehouses, {} products, {} customers, orders by status {}",
                Duration.between(started, Instant.now()).toSeconds(),
                DemoCatalog.WAREHOUSES.size(),
                DemoCatalog.PRODUCTS.size(),
                buyers.size(),
                statuses);
        log.info(
                "Demo users (password from ORDO_DEMO_PASSWORD, default demo-password-1): {}; customer portal users: {}",
                String.join(", ", STAFF_USERS),
                String.join(", ", portalUsers));
    }

    /** Staff users with one role each, and a portal user for every second customer. Existing users are left alone. */
    private List<String> createUsers(List<DemoOrders.Buyer> buyers) {
        Map<String, Role> staff = Map.of(
                "sales",
                Role.SALES,
                "warehouse",
                Role.WAREHOUSE,
                "accounting",
                Role.ACCOUNTING,
                "support",
                Role.SUPPORT,
                "buyer",
                Role.PURCHASING);
        for (String username : STAFF_USERS) {
            if (!users.exists(username)) {
                Role role = staff.get(username);
                users.create(username, password, "Demo " + role.name().toLowerCase(), Set.of(role), null);
            }
        }
        List<String> portal = new ArrayList<>();
        for (int i = 0; i < buyers.size(); i += 2) {
            DemoOrders.Buyer buyer = buyers.get(i);
            String username = buyer.demo().login();
            if (!users.exists(username)) {
                users.create(username, password, buyer.demo().customer().name(), Set.of(Role.CUSTOMER), buyer.id());
            }
            portal.add(username);
        }
        return portal;
    }
}
