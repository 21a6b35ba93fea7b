package org.ordo.invoicing.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.invoicing.Accounting;
import org.ordo.invoicing.DocumentType;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.platform.LikePattern;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.platform.Sql;
import org.ordo.shared.Address;
import org.ordo.shared.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The invoice and invoice_line tables. Credit notes are rows of the same tables with negative quantities and amounts. */
@Component
class InvoiceStore {

    private static final String SELECT = "SELECT i.*, o.number AS original_number FROM invoice i "
            + "LEFT JOIN invoice o ON o.id = i.original_invoice_id";
    /** Documents that count: issued (or further) and not voided. */
    static final String COUNTS = Sql.list(InvoiceStatus.issuedStates());
    /** Invoices that still wait for money. */
    static final String OPEN_STATES = Sql.list(InvoiceStatus.openStates());

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    private final Customers customers;

    InvoiceStore(JdbcClient jdbc, JdbcTemplate template, Customers customers) {
        this.jdbc = jdbc;
        this.template = template;
        this.customers = customers;
    }

    /** A document in a list: what a customer or clerk scans for. */
    record Summary(
            UUID id,
            String number,
            DocumentType type,
            InvoiceStatus status,
            UUID orderId,
            String orderNumber,
            String shipmentNumber,
            String originalInvoiceNumber,
            UUID customerId,
            String buyerName,
            LocalDate issueDate,
            LocalDate dueDate,
            Money total,
            Money amountDue) {}

    void insert(Invoice inv, String series, Long sequence, String sourceKey) {
        insertHeader(inv, series, sequence, sourceKey);
        insertLines(inv);
    }

    private void insertHeader(Invoice inv, String series, Long sequence, String sourceKey) {
        List<Object> p = headerValues(inv, series, sequence, sourceKey);
        jdbc.sql(
                        "INSERT INTO invoice (id, type, status, series, sequence_number, number, source_key, order_id, order_number, "
                                + "order_reference, shipment_id, shipment_number, original_invoice_id, customer_id, currency, issue_date, due_date, "
                                + "supply_date, payment_terms_days, buyer_name, buyer_line1, buyer_line2, buyer_city, buyer_region, buyer_postal_code, "
                                + "buyer_country, buyer_vat_id, buyer_email, ship_name, ship_line1, ship_line2, ship_city, ship_region, "
                                + "ship_postal_code, ship_country, seller_name, seller_line1, seller_line2, seller_city, seller_region, "
                                + "seller_postal_code, seller_country, seller_vat_id, seller_registration, seller_iban, seller_bic, seller_email, "
                                + "seller_phone, subtotal, discount, shipping, shipping_tax, tax, total, amount_credited, amount_paid, reason, created_at, "
                                + "created_by, issued_at, version) VALUES (" + "?, ".repeat(p.size()) + "0)")
                .params(p)
                .update();
    }

    /** The invoice row's values, in the order of the columns {@link #insertHeader} names. */
    private static List<Object> headerValues(Invoice inv, String series, Long sequence, String sourceKey) {
        List<Object> p = new ArrayList<>(Arrays.asList(
                inv.id(),
                inv.type().name(),
                inv.status().name(),
                series,
                sequence,
                inv.number(),
                sourceKey,
                inv.orderId(),
                inv.orderNumber(),
                inv.orderReference(),
                inv.shipmentId(),
                inv.shipmentNumber(),
                inv.originalInvoiceId(),
                inv.customerId(),
                inv.currency(),
                date(inv.issueDate()),
                date(inv.dueDate()),
                date(inv.supplyDate()),
                inv.paymentTermsDays()));
        p.add(inv.buyer().name());
        p.addAll(address(inv.buyer().address()));
        p.add(inv.buyer().vatId());
        p.add(inv.buyer().email());
        p.add(inv.shipTo() == null ? null : inv.shipTo().name());
        p.addAll(address(inv.shipTo()));
        Party s = inv.seller();
        p.add(s.name());
        p.addAll(address(s.address()));
        p.addAll(Arrays.asList(s.vatId(), s.registration(), s.iban(), s.bic(), s.email(), s.phone()));
        Totals t = inv.totals();
        p.addAll(Arrays.asList(
                t.subtotal().amount(),
                t.discount().amount(),
                t.shipping().amount(),
                ShippingShare.taxOf(inv.lines(), t.shipping()).amount(),
                t.tax().amount(),
                t.total().amount(),
                inv.amountCredited().amount(),
                inv.amountPaid().amount(),
                inv.reason(),
                timestamp(inv.createdAt()),
                inv.createdBy(),
                timestamp(inv.issuedAt())));
        return p;
    }

    private void insertLines(Invoice inv) {
        template.batchUpdate(
                "INSERT INTO invoice_line (invoice_id, line_number, order_line_number, credited_line_number, sku, "
                        + "description, quantity, unit_price, line_net, tax_category, tax_rate, vat_category, exemption_reason, tax, "
                        + "gross_price) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                inv.lines(),
                500,
                (PreparedStatement ps, InvoiceLine l) -> {
                    ps.setObject(1, inv.id());
                    ps.setInt(2, l.lineNumber());
                    ps.setObject(3, l.orderLineNumber());
                    ps.setObject(4, l.creditedLineNumber());
                    ps.setString(5, l.sku());
                    ps.setString(6, l.description());
                    ps.setLong(7, l.quantity());
                    ps.setBigDecimal(8, l.unitPrice().amount());
                    ps.setBigDecimal(9, l.lineNet().amount());
                    ps.setString(10, l.taxCategory());
                    ps.setBigDecimal(11, l.taxRate());
                    ps.setString(12, l.vatCategory());
                    ps.setString(13, l.exemptionReason());
                    ps.setBigDecimal(14, l.tax().amount());
                    ps.setBigDecimal(
                            15, l.grossPrice() == null ? null : l.grossPrice().amount());
                });
    }

    /** The document with this id (UUID) or number. */
    Optional<Invoice> find(String idOrNumber) {
        return idOf(idOrNumber).flatMap(this::find);
    }

    Optional<Invoice> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE i.id = ?")
                .param(id)
                .query(this::header)
                .optional()
                .map(this::withLines);
    }

    /** Reads the document and locks its row until the transaction ends. */
    Optional<Invoice> lock(UUID id) {
        Optional<UUID> locked = jdbc.sql("SELECT id FROM invoice WHERE id = ? FOR UPDATE")
                .param(id)
                .query(UUID.class)
                .optional();
        return locked.flatMap(this::find);
    }

    Optional<UUID> idOf(String idOrNumber) {
        if (idOrNumber == null || idOrNumber.length() > 40) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(idOrNumber);
            return jdbc.sql("SELECT id FROM invoice WHERE id = ?")
                    .param(id)
                    .query(UUID.class)
                    .optional();
        } catch (IllegalArgumentException notAUuid) {
            return jdbc.sql("SELECT id FROM invoice WHERE number = ?")
                    .param(idOrNumber)
                    .query(UUID.class)
                    .optional();
        }
    }

    Optional<UUID> idOfSource(String sourceKey) {
        return jdbc.sql("SELECT id FROM invoice WHERE source_key = ?")
                .param(sourceKey)
                .query(UUID.class)
                .optional();
    }

    /** Per order line: the quantity on issued invoices less the quantity on issued credit notes (invariant 8). */
    Map<Integer, Long> invoicedQuantities(UUID orderId) {
        Map<Integer, Long> quantities = new HashMap<>();
        jdbc.sql(
                        "SELECT l.order_line_number AS line_number, SUM(l.quantity) AS quantity FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id "
                                + "WHERE i.order_id = ? AND i.status IN " + COUNTS
                                + " AND l.order_line_number IS NOT NULL "
                                + "GROUP BY l.order_line_number")
                .param(orderId)
                .query(rs -> {
                    quantities.put(rs.getInt("line_number"), rs.getLong("quantity"));
                });
        return quantities;
    }

    /** Whether an invoice of this order that counts (not void) carries a shipping charge already. */
    boolean shippingInvoiced(UUID orderId) {
        return jdbc.sql(
                                "SELECT COUNT(*) FROM invoice WHERE order_id = ? AND type = 'INVOICE' AND shipping <> 0 AND status IN "
                                        + COUNTS)
                        .param(orderId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Per line of this invoice: the quantity already credited by issued credit notes (positive). */
    Map<Integer, Long> creditedQuantities(UUID invoiceId) {
        Map<Integer, Long> quantities = new HashMap<>();
        jdbc.sql(
                        "SELECT l.credited_line_number AS line_number, -SUM(l.quantity) AS quantity FROM invoice_line l JOIN invoice c ON c.id = l.invoice_id "
                                + "WHERE c.original_invoice_id = ? AND c.status IN " + COUNTS
                                + " AND l.credited_line_number IS NOT NULL "
                                + "GROUP BY l.credited_line_number")
                .param(invoiceId)
                .query(rs -> {
                    quantities.put(rs.getInt("line_number"), rs.getLong("quantity"));
                });
        return quantities;
    }

    List<String> issuedCreditNotes(UUID invoiceId) {
        return jdbc.sql("SELECT number FROM invoice WHERE original_invoice_id = ? AND status IN " + COUNTS
                        + " ORDER BY number")
                .param(invoiceId)
                .query(String.class)
                .list();
    }

    /** The documents of one order that count (issued, not void). */
    List<Invoice> issuedForOrder(UUID orderId) {
        return jdbc
                .sql(SELECT + " WHERE i.order_id = ? AND i.status IN " + COUNTS + " ORDER BY i.created_at")
                .param(orderId)
                .query(this::header)
                .list()
                .stream()
                .map(this::withLines)
                .toList();
    }

    void markVoid(UUID id, String reason, Instant at) {
        jdbc.sql(
                        "UPDATE invoice SET status = 'VOID', void_reason = ?, voided_at = ?, version = version + 1 WHERE id = ?")
                .params(reason, Timestamp.from(at), id)
                .update();
    }

    void redate(UUID id, LocalDate issueDate, LocalDate dueDate) {
        jdbc.sql("UPDATE invoice SET issue_date = ?, due_date = ?, version = version + 1 WHERE id = ?")
                .params(date(issueDate), date(dueDate), id)
                .update();
    }

    void changeStatus(UUID id, InvoiceStatus status) {
        jdbc.sql("UPDATE invoice SET status = ?, version = version + 1 WHERE id = ?")
                .params(status.name(), id)
                .update();
    }

    /** Adds to (or, negative, takes from) what has been credited on an invoice; the caller holds its row lock. */
    void addCredited(UUID id, BigDecimal amount) {
        jdbc.sql("UPDATE invoice SET amount_credited = amount_credited + ?, version = version + 1 WHERE id = ?")
                .params(amount, id)
                .update();
    }

    /** Adds to (or, negative, takes from) what has been paid on an invoice; the caller holds its row lock. */
    void addPaid(UUID id, BigDecimal amount) {
        jdbc.sql("UPDATE invoice SET amount_paid = amount_paid + ?, version = version + 1 WHERE id = ?")
                .params(amount, id)
                .update();
    }

    /** The customer's invoices in this currency that still have something due; unlocked, the caller locks them. */
    List<UUID> openInvoices(UUID customerId, String currency) {
        return jdbc.sql("SELECT id FROM invoice WHERE customer_id = ? AND currency = ? AND type = 'INVOICE' "
                        + "AND status IN " + OPEN_STATES + " AND total - amount_credited - amount_paid > 0")
                .params(customerId, currency)
                .query(UUID.class)
                .list();
    }

    /** The invoice a credit note credits (empty for an invoice). */
    Optional<UUID> originalOf(UUID id) {
        return jdbc.sql("SELECT original_invoice_id FROM invoice WHERE id = ? AND original_invoice_id IS NOT NULL")
                .param(id)
                .query(UUID.class)
                .optional();
    }

    /** Locks these documents in one fixed order (by id), so that writers of several invoices can never deadlock. */
    void lockAll(java.util.Collection<UUID> ids) {
        for (UUID id : ids.stream().distinct().sorted().toList()) {
            jdbc.sql("SELECT id FROM invoice WHERE id = ? FOR UPDATE")
                    .param(id)
                    .query(UUID.class)
                    .optional();
        }
    }

    /** Per currency, of the customer's documents that count: invoiced (invoice totals), credited (credit notes, positive), paid. */
    List<Sums> sums(UUID customerId) {
        return jdbc.sql(
                        "SELECT currency, COALESCE(SUM(CASE WHEN type = 'INVOICE' THEN total ELSE 0 END), 0) AS invoiced, "
                                + "COALESCE(SUM(CASE WHEN type = 'CREDIT_NOTE' THEN -total ELSE 0 END), 0) AS credited, "
                                + "COALESCE(SUM(amount_paid), 0) AS paid "
                                + "FROM invoice WHERE customer_id = ? AND status IN " + COUNTS
                                + " GROUP BY currency ORDER BY currency")
                .param(customerId)
                .query((rs, n) -> new Sums(
                        rs.getString("currency").trim(),
                        rs.getBigDecimal("invoiced"),
                        rs.getBigDecimal("credited"),
                        rs.getBigDecimal("paid")))
                .list();
    }

    record Sums(String currency, BigDecimal invoiced, BigDecimal credited, BigDecimal paid) {}

    /** The customer's invoices with something due, oldest due first, for the account view. */
    List<Summary> openFor(UUID customerId) {
        return jdbc
                .sql(SELECT + " WHERE i.customer_id = ? AND i.type = 'INVOICE' AND i.status IN " + OPEN_STATES + " "
                        + "AND i.total - i.amount_credited - i.amount_paid > 0 ORDER BY i.due_date, i.number")
                .param(customerId)
                .query(this::header)
                .list()
                .stream()
                .map(InvoiceStore::summary)
                .toList();
    }

    /** Issued invoices past their due date with something still due and nothing paid, locked, skipping rows others hold. */
    List<UUID> lockOverdue(LocalDate today, int limit) {
        return jdbc.sql(
                        "SELECT id FROM invoice WHERE status = 'ISSUED' AND type = 'INVOICE' AND due_date < ? "
                                + "AND total - amount_credited - amount_paid > 0 ORDER BY due_date, id LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Date.valueOf(today), limit)
                .query(UUID.class)
                .list();
    }

    /** Receivables (invariant 10): issued invoices − credit notes (negative totals) − payments allocated. */
    BigDecimal openBalance(UUID customerId) {
        return jdbc.sql("SELECT COALESCE(SUM(total - amount_paid), 0) FROM invoice WHERE customer_id = ? AND status IN "
                        + COUNTS)
                .param(customerId)
                .query(BigDecimal.class)
                .single();
    }

    PageResult<Summary> search(
            UUID customerId, List<InvoiceStatus> statuses, UUID orderId, DocumentType type, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (customerId != null) {
            where.append(" AND i.customer_id = ?");
            params.add(customerId);
        }
        if (orderId != null) {
            where.append(" AND i.order_id = ?");
            params.add(orderId);
        }
        if (type != null) {
            where.append(" AND i.type = ?");
            params.add(type.name());
        }
        if (statuses != null && !statuses.isEmpty()) {
            where.append(" AND i.status IN (")
                    .append(String.join(", ", statuses.stream().map(s -> "?").toList()))
                    .append(')');
            statuses.forEach(s -> params.add(s.name()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM invoice i" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(paging.size());
        pageParams.add(paging.offset());
        List<Summary> items = jdbc
                .sql(SELECT + where + " ORDER BY i.created_at DESC, i.id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(this::header)
                .list()
                .stream()
                .map(InvoiceStore::summary)
                .toList();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** Open on an invoice: issued, not settled, with something due. */
    static final String OPEN = "i.type = 'INVOICE' AND i.status IN " + OPEN_STATES + " "
            + "AND i.total - i.amount_credited - i.amount_paid > 0";

    /** The WHERE clause (and its parameters) of the accountants' search; see {@code Accounting.Search}. */
    private String where(Accounting.Search search, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (search.customerId() != null) {
            where.append(" AND i.customer_id = ?");
            params.add(search.customerId());
        }
        if (search.type() != null) {
            where.append(" AND i.type = ?");
            params.add(search.type().name());
        }
        List<String> either = new ArrayList<>();
        if (search.statuses() != null && !search.statuses().isEmpty()) {
            either.add("i.status IN ("
                    + String.join(", ", search.statuses().stream().map(s -> "?").toList()) + ")");
            search.statuses().stream().sorted().forEach(s -> params.add(s.name()));
        }
        if (search.pastDue()) {
            either.add("(" + OPEN + " AND i.due_date < ?)");
            params.add(Date.valueOf(search.today()));
        }
        if (!either.isEmpty()) {
            where.append(" AND (").append(String.join(" OR ", either)).append(')');
        }
        if (search.issuedFrom() != null) {
            where.append(" AND i.issue_date >= ?");
            params.add(Date.valueOf(search.issuedFrom()));
        }
        if (search.issuedTo() != null) {
            where.append(" AND i.issue_date <= ?");
            params.add(Date.valueOf(search.issuedTo()));
        }
        if (search.text() != null && !search.text().isBlank()) {
            String text = search.text().trim();
            String like = LikePattern.containing(text.toUpperCase(Locale.ROOT));
            // a customer number names the customer's documents (the buyer's name is printed on them; its number is not)
            UUID numbered = customers.search(text, 2).stream()
                    .filter(c -> c.number().equalsIgnoreCase(text))
                    .map(CustomerSnapshot::id)
                    .findFirst()
                    .orElse(null);
            where.append(
                    " AND (i.number = ? OR i.order_number = ? OR UPPER(i.number) LIKE ? ESCAPE '\\' OR UPPER(i.buyer_name) LIKE ? ESCAPE '\\'"
                            + (numbered == null ? ")" : " OR i.customer_id = ?)"));
            params.add(text);
            params.add(text);
            params.add(like);
            params.add(like);
            if (numbered != null) {
                params.add(numbered);
            }
        }
        return where.toString();
    }

    PageResult<Summary> search(Accounting.Search search, Paging paging) {
        List<Object> params = new ArrayList<>();
        String where = where(search, params);
        long total = jdbc.sql("SELECT COUNT(*) FROM invoice i" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(paging.size());
        pageParams.add(paging.offset());
        List<Summary> items = jdbc
                .sql(SELECT + where + " ORDER BY i.created_at DESC, i.id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(this::header)
                .list()
                .stream()
                .map(InvoiceStore::summary)
                .toList();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** Per currency of what the search selects: count, Σ totals of documents that count, Σ open on invoices. */
    List<Object[]> sums(Accounting.Search search) {
        List<Object> params = new ArrayList<>();
        String where = where(search, params);
        return jdbc.sql("SELECT i.currency, COUNT(*) AS documents, COALESCE(SUM(CASE WHEN i.status IN " + COUNTS
                        + " THEN i.total ELSE 0 END), 0) AS counted_total, "
                        + "COALESCE(SUM(CASE WHEN " + OPEN
                        + " THEN i.total - i.amount_credited - i.amount_paid ELSE 0 END), 0) AS open_amount "
                        + "FROM invoice i" + where + " GROUP BY i.currency ORDER BY i.currency")
                .params(params)
                .query((rs, n) -> new Object[] {
                    rs.getString("currency").trim(),
                    rs.getLong("documents"),
                    rs.getBigDecimal("counted_total"),
                    rs.getBigDecimal("open_amount")
                })
                .list();
    }

    /** The credit notes of an invoice, void ones included, oldest first. */
    List<Summary> creditNotesOf(UUID invoiceId) {
        return jdbc
                .sql(SELECT + " WHERE i.original_invoice_id = ? ORDER BY i.created_at, i.id")
                .param(invoiceId)
                .query(this::header)
                .list()
                .stream()
                .map(InvoiceStore::summary)
                .toList();
    }

    /** Invoices open past their due date, the longest overdue first, with the highest reminder level sent and when. */
    PageResult<Object[]> overdue(LocalDate today, Paging paging) {
        String where = " FROM invoice i WHERE " + OPEN + " AND i.due_date < ?";
        long total = jdbc.sql("SELECT COUNT(*)" + where)
                .param(Date.valueOf(today))
                .query(Long.class)
                .single();
        List<Object[]> rows = jdbc.sql(
                        "SELECT i.id, i.number, i.customer_id, i.buyer_name, i.status, i.due_date, i.currency, "
                                + "i.total - i.amount_credited - i.amount_paid AS open_amount, "
                                + "(SELECT MAX(r.level) FROM dunning_reminder r WHERE r.invoice_id = i.id) AS reminder_level, "
                                + "(SELECT MAX(r.created_at) FROM dunning_reminder r WHERE r.invoice_id = i.id) AS reminded_at"
                                + where + " ORDER BY i.due_date, i.number LIMIT ? OFFSET ?")
                .params(Date.valueOf(today), paging.size(), paging.offset())
                .query((rs, n) -> new Object[] {
                    rs.getObject("id", UUID.class),
                    rs.getString("number"),
                    rs.getObject("customer_id", UUID.class),
                    rs.getString("buyer_name"),
                    InvoiceStatus.valueOf(rs.getString("status")),
                    rs.getDate("due_date").toLocalDate(),
                    rs.getString("currency").trim(),
                    rs.getBigDecimal("open_amount"),
                    rs.getInt("reminder_level"),
                    instant(rs, "reminded_at")
                })
                .list();
        return new PageResult<>(rows, paging.page(), paging.size(), total);
    }

    private static Summary summary(Invoice i) {
        return new Summary(
                i.id(),
                i.number(),
                i.type(),
                i.status(),
                i.orderId(),
                i.orderNumber(),
                i.shipmentNumber(),
                i.originalInvoiceNumber(),
                i.customerId(),
                i.buyer().name(),
                i.issueDate(),
                i.dueDate(),
                i.totals().total(),
                i.amountDue());
    }

    private Invoice withLines(Invoice header) {
        Currency currency = Money.currency(header.currency());
        List<InvoiceLine> lines = jdbc.sql("SELECT * FROM invoice_line WHERE invoice_id = ? ORDER BY line_number")
                .param(header.id())
                .query((rs, n) -> new InvoiceLine(
                        rs.getInt("line_number"),
                        (Integer) rs.getObject("order_line_number", Integer.class),
                        (Integer) rs.getObject("credited_line_number", Integer.class),
                        rs.getString("sku"),
                        rs.getString("description"),
                        rs.getLong("quantity"),
                        money(rs, "unit_price", currency),
                        money(rs, "line_net", currency),
                        rs.getString("tax_category"),
                        rs.getBigDecimal("tax_rate").stripTrailingZeros(),
                        rs.getString("vat_category"),
                        rs.getString("exemption_reason"),
                        money(rs, "tax", currency),
                        rs.getBigDecimal("gross_price") == null ? null : money(rs, "gross_price", currency)))
                .list();
        return new Invoice(
                header.id(),
                header.number(),
                header.type(),
                header.status(),
                header.orderId(),
                header.orderNumber(),
                header.orderReference(),
                header.shipmentId(),
                header.shipmentNumber(),
                header.originalInvoiceId(),
                header.originalInvoiceNumber(),
                header.customerId(),
                header.currency(),
                header.issueDate(),
                header.dueDate(),
                header.supplyDate(),
                header.paymentTermsDays(),
                header.seller(),
                header.buyer(),
                header.shipTo(),
                lines,
                TaxSubtotal.of(lines, header.totals().shipping()),
                header.totals(),
                header.amountCredited(),
                header.amountPaid(),
                header.amountDue(),
                header.reason(),
                header.voidReason(),
                header.createdAt(),
                header.createdBy(),
                header.issuedAt(),
                header.voidedAt(),
                header.version());
    }

    /** The header without lines (and an empty tax summary); {@link #withLines} completes it. */
    private Invoice header(ResultSet rs, int row) throws SQLException {
        String code = rs.getString("currency").trim();
        Currency currency = Money.currency(code);
        DocumentType type = DocumentType.valueOf(rs.getString("type"));
        Totals totals = totals(rs, currency);
        Money credited = money(rs, "amount_credited", currency);
        Money paid = money(rs, "amount_paid", currency);
        Money due = type == DocumentType.CREDIT_NOTE
                ? Money.zero(currency)
                : totals.total().minus(credited).minus(paid);
        return new Invoice(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                type,
                InvoiceStatus.valueOf(rs.getString("status")),
                rs.getObject("order_id", UUID.class),
                rs.getString("order_number"),
                rs.getString("order_reference"),
                rs.getObject("shipment_id", UUID.class),
                rs.getString("shipment_number"),
                rs.getObject("original_invoice_id", UUID.class),
                rs.getString("original_number"),
                rs.getObject("customer_id", UUID.class),
                code,
                localDate(rs, "issue_date"),
                localDate(rs, "due_date"),
                localDate(rs, "supply_date"),
                rs.getInt("payment_terms_days"),
                seller(rs),
                buyer(rs),
                address(rs, "ship_"),
                List.of(),
                List.of(),
                totals,
                credited,
                paid,
                due,
                rs.getString("reason"),
                rs.getString("void_reason"),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                instant(rs, "issued_at"),
                instant(rs, "voided_at"),
                rs.getLong("version"));
    }

    private static Totals totals(ResultSet rs, Currency currency) throws SQLException {
        return new Totals(
                money(rs, "subtotal", currency),
                money(rs, "discount", currency),
                money(rs, "shipping", currency),
                money(rs, "tax", currency),
                money(rs, "total", currency));
    }

    private static Party buyer(ResultSet rs) throws SQLException {
        return new Party(
                rs.getString("buyer_name"),
                address(rs, "buyer_"),
                rs.getString("buyer_vat_id"),
                null,
                null,
                null,
                rs.getString("buyer_email"),
                null);
    }

    private static Party seller(ResultSet rs) throws SQLException {
        return new Party(
                rs.getString("seller_name"),
                address(rs, "seller_"),
                rs.getString("seller_vat_id"),
                rs.getString("seller_registration"),
                rs.getString("seller_iban"),
                rs.getString("seller_bic"),
                rs.getString("seller_email"),
                rs.getString("seller_phone"));
    }

    private static Money money(ResultSet rs, String column, Currency currency) throws SQLException {
        return new Money(rs.getBigDecimal(column), currency);
    }

    private static Address address(ResultSet rs, String prefix) throws SQLException {
        String country = rs.getString(prefix + "country");
        if (country == null) {
            return null;
        }
        return new Address(
                rs.getString(prefix + "name"),
                rs.getString(prefix + "line1"),
                rs.getString(prefix + "line2"),
                rs.getString(prefix + "city"),
                rs.getString(prefix + "region"),
                rs.getString(prefix + "postal_code"),
                country.trim());
    }

    /** line1 .. country for the buyer and seller columns (their name is a column of its own). */
    private static List<Object> address(Address a) {
        return a == null
                ? Arrays.asList(new Object[6])
                : Arrays.asList(a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country());
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
