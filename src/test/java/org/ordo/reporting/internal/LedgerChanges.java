package org.ordo.reporting.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.ordo.identity.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Random stock movements and invoices of {@link DayFactConsistencyTests}, in months of their own (spring and summer
 * 1999), with their late changes: movements of past days, unit cost changes, voided, backdated and newly issued
 * invoices, each audited as invoicing audits it. Whatever it leaves behind nets to nothing after 1999.
 */
class LedgerChanges {

    static final LocalDate FIRST = LocalDate.parse("1999-04-25");
    static final int DAYS = 80;
    private static final List<String> WAREHOUSES = List.of("FCT-WH-1", "FCT-WH-2");
    private static final List<String> TYPES = List.of("RECEIPT", "SHIPMENT", "SHIPMENT", "ADJUSTMENT", "RETURN");

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Random random;
    private final List<String> skus = new ArrayList<>();
    private final List<UUID> invoices = new ArrayList<>();

    LedgerChanges(JdbcTemplate jdbc, AuditTrail audit, TransactionTemplate tx, Random random, String run) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.random = random;
        Timestamp now = Timestamp.from(Instant.now());
        for (String warehouse : WAREHOUSES) {
            jdbc.update(
                    "INSERT INTO warehouse (code, name, active, created_at) SELECT ?, 'Fact warehouse', FALSE, ? "
                            + "WHERE NOT EXISTS (SELECT 1 FROM warehouse WHERE code = ?)",
                    warehouse,
                    now,
                    warehouse);
        }
        String[] costs = {"EUR", "EUR", "USD", null};
        for (int i = 0; i < costs.length; i++) {
            String sku = "FCT-" + run + "-" + i;
            jdbc.update(
                    "INSERT INTO product (sku, name, unit_price, currency, unit_cost, cost_currency, tax_category, active, "
                            + "version, created_at, updated_at) VALUES (?, ?, 10.00, 'EUR', ?, ?, 'STANDARD', FALSE, 0, ?, ?)",
                    sku,
                    sku,
                    costs[i] == null ? null : cost(),
                    costs[i],
                    now,
                    now);
            for (String warehouse : WAREHOUSES) {
                jdbc.update(
                        "INSERT INTO stock_level (sku, warehouse, on_hand, reserved) VALUES (?, ?, ?, 0)",
                        sku,
                        warehouse,
                        random.nextInt(20));
            }
            skus.add(sku);
        }
    }

    /** Movements on random days (any day, also long past), a changed unit cost, new invoices and late changes of old ones. */
    void round(List<UUID> customers, int round) {
        for (int i = 0; i < 30; i++) {
            String type = TYPES.get(random.nextInt(TYPES.size()));
            long quantity = (1 + random.nextInt(9)) * ("SHIPMENT".equals(type) ? -1 : 1);
            movement(skus.get(random.nextInt(skus.size())), type, quantity, someTime());
        }
        jdbc.update(
                "UPDATE product SET unit_cost = ? WHERE sku = ? AND unit_cost IS NOT NULL",
                cost(),
                skus.get(random.nextInt(skus.size())));
        for (int i = 0; i < 12; i++) {
            invoice(customers.get(random.nextInt(customers.size())), round + "-" + i);
        }
        for (int i = 0; i < 8; i++) {
            change(invoices.get(random.nextInt(invoices.size())));
        }
    }

    /** Brings every SKU back to nothing at the end of 1999, its stock levels to zero, and deletes the invoices. */
    void remove() {
        Timestamp endOf1999 = Timestamp.from(Instant.parse("1999-12-31T12:00:00Z"));
        for (String sku : skus) {
            for (String warehouse : WAREHOUSES) {
                Long sum = jdbc.queryForObject(
                        "SELECT COALESCE(SUM(quantity), 0) FROM stock_movement WHERE sku = ? AND warehouse = ?",
                        Long.class,
                        sku,
                        warehouse);
                if (sum != 0) {
                    jdbc.update(
                            "INSERT INTO stock_movement (sku, warehouse, type, quantity, actor, created_at) "
                                    + "VALUES (?, ?, 'ADJUSTMENT', ?, 'test', ?)",
                            sku,
                            warehouse,
                            -sum,
                            endOf1999);
                }
            }
            jdbc.update("UPDATE stock_level SET on_hand = 0 WHERE sku = ?", sku);
        }
        jdbc.update("DELETE FROM invoice WHERE number LIKE 'FCT-INV-%' AND type = 'CREDIT_NOTE'");
        jdbc.update("DELETE FROM invoice WHERE number LIKE 'FCT-INV-%'");
    }

    private void movement(String sku, String type, long quantity, Instant at) {
        jdbc.update(
                "INSERT INTO stock_movement (sku, warehouse, type, quantity, actor, created_at) VALUES (?, ?, ?, ?, 'test', ?)",
                sku,
                WAREHOUSES.get(random.nextInt(WAREHOUSES.size())),
                type,
                quantity,
                Timestamp.from(at));
    }

    /** An invoice or credit note (negative), issued, paid or still a draft, in euros or dollars. */
    private void invoice(UUID customer, String n) {
        UUID id = UUID.randomUUID();
        boolean creditNote = random.nextInt(5) == 0;
        String status = List.of("ISSUED", "ISSUED", "PAID", "DRAFT").get(random.nextInt(4));
        LocalDate issued = "DRAFT".equals(status) ? null : someDay();
        BigDecimal total = BigDecimal.valueOf(100 + random.nextInt(99_900), 2);
        total = creditNote ? total.negate() : total;
        jdbc.update(
                "INSERT INTO invoice (id, type, status, number, order_id, order_number, customer_id, currency, issue_date, "
                        + "due_date, payment_terms_days, buyer_name, buyer_country, seller_name, seller_country, subtotal, "
                        + "discount, shipping, tax, total, amount_credited, amount_paid, created_at, created_by) "
                        + "VALUES (?, ?, ?, ?, ?, 'FCT-SO', ?, ?, ?, ?, 30, 'Fact customer', 'DE', 'Ordo', 'DE', ?, 0, 0, 0, ?, "
                        + "0, ?, ?, 'test')",
                id,
                creditNote ? "CREDIT_NOTE" : "INVOICE",
                status,
                "FCT-INV-" + id.toString().substring(0, 8) + "-" + n,
                UUID.randomUUID(),
                customer,
                random.nextInt(4) == 0 ? "USD" : "EUR",
                issued == null ? null : Date.valueOf(issued),
                issued == null ? null : Date.valueOf(issued.plusDays(30)),
                total,
                total,
                "PAID".equals(status) && !creditNote ? total : BigDecimal.ZERO,
                Timestamp.from(Instant.now()));
        invoices.add(id);
        if (issued != null) {
            audited(id, "ISSUED");
        }
    }

    /** A void, a backdating within the year, or the issue of a draft; each with its audit entry. */
    private void change(UUID invoice) {
        Map<String, Object> row = jdbc.queryForMap("SELECT status, issue_date FROM invoice WHERE id = ?", invoice);
        Date issued = (Date) row.get("issue_date");
        switch (random.nextInt(3)) {
            case 0 -> {
                jdbc.update("UPDATE invoice SET status = 'VOID', amount_paid = 0 WHERE id = ?", invoice);
                audited(invoice, "VOIDED");
            }
            case 1 -> {
                if (issued != null && issued.toLocalDate().getDayOfYear() > 20) {
                    jdbc.update(
                            "UPDATE invoice SET issue_date = ? WHERE id = ?",
                            Date.valueOf(issued.toLocalDate().minusDays(1 + random.nextInt(20))),
                            invoice);
                    audited(invoice, "BACKDATED");
                }
            }
            default -> {
                if ("DRAFT".equals(row.get("status"))) {
                    LocalDate day = someDay();
                    jdbc.update(
                            "UPDATE invoice SET status = 'ISSUED', issue_date = ?, due_date = ? WHERE id = ?",
                            Date.valueOf(day),
                            Date.valueOf(day.plusDays(30)),
                            invoice);
                    audited(invoice, "ISSUED");
                }
            }
        }
    }

    private void audited(UUID invoice, String action) {
        tx.executeWithoutResult(
                status -> audit.record("INVOICE", invoice.toString(), action, null, Map.of("id", invoice)));
    }

    private LocalDate someDay() {
        return FIRST.plusDays(random.nextInt(DAYS));
    }

    /** Around a midnight, so that days and months turn. */
    private Instant someTime() {
        return someDay().atStartOfDay(ZoneId.of("UTC")).toInstant().plusSeconds(random.nextInt(7200) - 3600);
    }

    private BigDecimal cost() {
        return BigDecimal.valueOf(50 + random.nextInt(5000), 2);
    }
}
