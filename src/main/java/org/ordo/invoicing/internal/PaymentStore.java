package org.ordo.invoicing.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ordo.invoicing.Accounting;
import org.ordo.invoicing.PaymentMethod;
import org.ordo.invoicing.PaymentStatus;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The payment, payment_allocation and payment_refund tables. */
@Component
class PaymentStore {

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Payment p) {
        jdbc.sql(
                        "INSERT INTO payment (id, customer_id, status, method, reference, received_on, currency, amount, amount_allocated, "
                                + "amount_refunded, created_at, created_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, 0)")
                .params(
                        p.id(),
                        p.customerId(),
                        p.status().name(),
                        p.method().name(),
                        p.reference(),
                        Date.valueOf(p.receivedOn()),
                        p.currency(),
                        p.amount().amount(),
                        Timestamp.from(p.createdAt()),
                        p.createdBy())
                .update();
    }

    Optional<Payment> find(UUID id) {
        return jdbc.sql("SELECT * FROM payment WHERE id = ?")
                .param(id)
                .query(this::header)
                .optional()
                .map(this::withDetails);
    }

    /** Reads the payment and locks its row until the transaction ends. */
    Optional<Payment> lock(UUID id) {
        return jdbc.sql("SELECT id FROM payment WHERE id = ? FOR UPDATE")
                .param(id)
                .query(UUID.class)
                .optional()
                .flatMap(this::find);
    }

    /** Locks these payments in one fixed order (by id), so that two writers of the same payments can never deadlock. */
    void lockAll(Collection<UUID> ids) {
        for (UUID id : ids.stream().sorted().toList()) {
            jdbc.sql("SELECT id FROM payment WHERE id = ? FOR UPDATE")
                    .param(id)
                    .query(UUID.class)
                    .optional();
        }
    }

    void insertAllocation(UUID paymentId, UUID invoiceId, BigDecimal amount, String note, Instant at, String by) {
        jdbc.sql("INSERT INTO payment_allocation (payment_id, invoice_id, amount, note, created_at, created_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(paymentId, invoiceId, amount, note, Timestamp.from(at), by)
                .update();
        jdbc.sql("UPDATE payment SET amount_allocated = amount_allocated + ?, version = version + 1 WHERE id = ?")
                .params(amount, paymentId)
                .update();
    }

    void insertRefund(UUID refundId, UUID paymentId, BigDecimal amount, String reason, Instant at, String by) {
        jdbc.sql(
                        "INSERT INTO payment_refund (id, payment_id, amount, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(refundId, paymentId, amount, reason, Timestamp.from(at), by)
                .update();
        jdbc.sql("UPDATE payment SET amount_refunded = amount_refunded + ?, version = version + 1 WHERE id = ?")
                .params(amount, paymentId)
                .update();
    }

    void changeStatus(UUID id, PaymentStatus status) {
        jdbc.sql("UPDATE payment SET status = ? WHERE id = ?")
                .params(status.name(), id)
                .update();
    }

    /** Per payment, what is allocated to this invoice now (net of money given back), newest allocation first. */
    List<Applied> appliedTo(UUID invoiceId) {
        return jdbc.sql(
                        "SELECT payment_id, SUM(amount) AS allocated, MAX(created_at) FROM payment_allocation WHERE invoice_id = ? "
                                + "GROUP BY payment_id HAVING SUM(amount) > 0 ORDER BY MAX(id) DESC")
                .param(invoiceId)
                .query((rs, n) -> new Applied(rs.getObject("payment_id", UUID.class), rs.getBigDecimal("allocated")))
                .list();
    }

    record Applied(UUID paymentId, BigDecimal amount) {}

    /** Payments of a customer with money on account in this currency, oldest first. */
    List<UUID> withMoneyOnAccount(UUID customerId, String currency) {
        return jdbc.sql(
                        "SELECT id FROM payment WHERE customer_id = ? AND currency = ? AND amount - amount_allocated - amount_refunded > 0 "
                                + "ORDER BY received_on, created_at, id")
                .params(customerId, currency)
                .query(UUID.class)
                .list();
    }

    /** The allocations of one invoice, oldest first, for the invoice's view. */
    List<Payment.InvoicePayment> paymentsOf(UUID invoiceId, Currency currency) {
        return jdbc.sql(
                        "SELECT a.payment_id, p.method, p.reference, p.received_on, a.amount, a.note, a.created_at "
                                + "FROM payment_allocation a JOIN payment p ON p.id = a.payment_id WHERE a.invoice_id = ? ORDER BY a.id")
                .param(invoiceId)
                .query((rs, n) -> new Payment.InvoicePayment(
                        rs.getObject("payment_id", UUID.class),
                        PaymentMethod.valueOf(rs.getString("method")),
                        rs.getString("reference"),
                        rs.getDate("received_on").toLocalDate(),
                        new Money(rs.getBigDecimal("amount"), currency),
                        rs.getString("note"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Money on account per currency: received and neither allocated nor refunded. */
    List<Object[]> onAccount(UUID customerId) {
        return jdbc.sql(
                        "SELECT currency, SUM(amount - amount_allocated - amount_refunded) AS on_account FROM payment WHERE customer_id = ? "
                                + "GROUP BY currency ORDER BY currency")
                .param(customerId)
                .query((rs, n) -> new Object[] {rs.getString("currency").trim(), rs.getBigDecimal("on_account")})
                .list();
    }

    PageResult<Payment> search(UUID customerId, PaymentStatus status, Paging paging) {
        return search(
                new Accounting.PaymentSearch(customerId == null ? null : Set.of(customerId), status, null, null, null),
                paging);
    }

    /** Payments as the search selects them, the latest received first (headers only, without allocations and refunds). */
    PageResult<Payment> search(Accounting.PaymentSearch search, Paging paging) {
        if (search.customerIds() != null && search.customerIds().isEmpty()) {
            return new PageResult<>(List.of(), paging.page(), paging.size(), 0);
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (search.customerIds() != null) {
            where.append(" AND customer_id IN (")
                    .append(String.join(
                            ", ", Collections.nCopies(search.customerIds().size(), "?")))
                    .append(')');
            params.addAll(search.customerIds());
        }
        if (search.status() != null) {
            where.append(" AND status = ?");
            params.add(search.status().name());
        }
        if (search.method() != null) {
            where.append(" AND method = ?");
            params.add(search.method().name());
        }
        if (search.receivedFrom() != null) {
            where.append(" AND received_on >= ?");
            params.add(Date.valueOf(search.receivedFrom()));
        }
        if (search.receivedTo() != null) {
            where.append(" AND received_on <= ?");
            params.add(Date.valueOf(search.receivedTo()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM payment" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(paging.size());
        pageParams.add(paging.offset());
        List<Payment> items = jdbc.sql("SELECT * FROM payment" + where
                        + " ORDER BY received_on DESC, created_at DESC, id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(this::header)
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    private Payment withDetails(Payment p) {
        Currency currency = p.amount().currency();
        List<Payment.Allocation> allocations = jdbc.sql(
                        "SELECT a.invoice_id, i.number, i.order_id, i.order_number, a.amount, a.note, "
                                + "a.created_at, a.created_by FROM payment_allocation a JOIN invoice i ON i.id = a.invoice_id "
                                + "WHERE a.payment_id = ? ORDER BY a.id")
                .param(p.id())
                .query((rs, n) -> new Payment.Allocation(
                        rs.getObject("invoice_id", UUID.class),
                        rs.getString("number"),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("order_number"),
                        new Money(rs.getBigDecimal("amount"), currency),
                        rs.getString("note"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by")))
                .list();
        List<Payment.Refund> refunds = jdbc.sql(
                        "SELECT id, amount, reason, created_at, created_by FROM payment_refund WHERE payment_id = ? "
                                + "ORDER BY created_at, id")
                .param(p.id())
                .query((rs, n) -> new Payment.Refund(
                        rs.getObject("id", UUID.class),
                        new Money(rs.getBigDecimal("amount"), currency),
                        rs.getString("reason"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by")))
                .list();
        return p.with(allocations, refunds);
    }

    private Payment header(ResultSet rs, int row) throws SQLException {
        Currency currency = Money.currency(rs.getString("currency").trim());
        Money amount = new Money(rs.getBigDecimal("amount"), currency);
        Money allocated = new Money(rs.getBigDecimal("amount_allocated"), currency);
        Money refunded = new Money(rs.getBigDecimal("amount_refunded"), currency);
        return new Payment(
                rs.getObject("id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                PaymentStatus.valueOf(rs.getString("status")),
                PaymentMethod.valueOf(rs.getString("method")),
                rs.getString("reference"),
                rs.getDate("received_on").toLocalDate(),
                currency.getCurrencyCode(),
                amount,
                allocated,
                refunded,
                amount.minus(allocated).minus(refunded),
                List.of(),
                List.of(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                rs.getLong("version"));
    }
}
