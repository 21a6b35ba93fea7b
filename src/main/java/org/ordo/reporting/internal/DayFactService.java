package org.ordo.reporting.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.ordo.platform.CompanyCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the per-day facts equal to the orders. Every change of an order writes an order history entry in its own
 * transaction, so the days to recompute are those of the orders with entries beyond the watermark: the days they were
 * placed, shipped and delivered on, recomputed from the raw rows. A key figure request catches up first (read your
 * writes), and so does a frequent scheduled run; the watermark row is locked, so nodes take turns.
 * <p>
 * Entry ids are handed out before their transactions commit, so an entry with a lower id can become visible after a
 * higher one. The watermark therefore only passes entries written more than {@code ordo.reporting.facts.settle} (2
 * minutes) ago: an entry with a lower id than such an entry was written before it, and its transaction has committed
 * unless it ran for longer than half that time. Entries after the watermark are looked at again on every catch-up.
 * <p>
 * The credit sales per issue date follow the invoices the same way, by their audit entries (every issue, void and
 * backdating of an invoice writes one in its transaction); a backdated invoice leaves a later day of the same year, so
 * the days from its new date to the end of that year are recomputed. The stock ledger per month only ever grows: the
 * movements settled since the last catch-up are added to their months ({@link StockFactStore}).
 */
@Component
class DayFactService {

    /** What a rebuild did. */
    record Rebuild(LocalDate from, LocalDate to, long days, long millis) {}

    private static final String SOURCE = "order_history";
    private static final String INVOICES = "invoice_audit";
    private static final String INVOICE_ENTITY = "INVOICE";

    private final JdbcClient jdbc;
    private final DayFactStore store;
    private final InvoiceFactStore invoices;
    private final StockFactStore stock;
    private final CompanyCalendar calendar;
    private final TransactionTemplate ownTransaction;
    private final Duration settle;

    DayFactService(
            JdbcClient jdbc,
            DayFactStore store,
            InvoiceFactStore invoices,
            StockFactStore stock,
            CompanyCalendar calendar,
            PlatformTransactionManager transactions,
            @Value("${ordo.reporting.facts.settle:PT2M}") Duration settle) {
        this.jdbc = jdbc;
        this.store = store;
        this.invoices = invoices;
        this.stock = stock;
        this.calendar = calendar;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settle = settle;
    }

    /** Brings the facts up to every committed order, invoice and stock change; cheap when little changed. */
    void catchUp() {
        ownTransaction.executeWithoutResult(tx -> {
            catchUpOrders();
            catchUpInvoices();
            catchUpStock();
        });
    }

    private void catchUpOrders() {
        Watermark mark = lock(SOURCE);
        if (mark.settledId() == null || !calendar.zone().getId().equals(mark.zone())) {
            rebuildOrders();
            return;
        }
        long settled = settledId(mark.settledId());
        // taken before the scan, so that whatever it counts, the scan sees
        Seen seen = seen(settled);
        if (settled != mark.settledId() || !seen.equals(mark.seen())) {
            recompute(changedDays(mark.settledId()));
        }
        save(SOURCE, settled, seen);
    }

    private void catchUpInvoices() {
        Watermark mark = lock(INVOICES);
        if (mark.settledId() == null) {
            rebuildInvoices();
            return;
        }
        long settled = settledAuditId(mark.settledId());
        Seen seen = seenInvoiceEntries(settled);
        if (settled != mark.settledId() || !seen.equals(mark.seen())) {
            for (LocalDate[] run : runs(changedInvoiceDays(mark.settledId()))) {
                invoices.recompute(run[0], run[1]);
            }
        }
        save(INVOICES, settled, seen);
    }

    private void catchUpStock() {
        Watermark mark = lock(StockFactStore.SOURCE);
        if (mark.settledId() == null || !calendar.zone().getId().equals(mark.zone())) {
            rebuildStock();
            return;
        }
        long settled = stock.settledId(mark.settledId(), Instant.now().minus(settle));
        if (settled > mark.settledId()) {
            stock.add(mark.settledId(), settled, calendar.zone());
            save(StockFactStore.SOURCE, settled, new Seen(0, settled));
        }
    }

    @Scheduled(
            initialDelayString = "${ordo.reporting.facts.catch-up-ms:10000}",
            fixedDelayString = "${ordo.reporting.facts.catch-up-ms:10000}")
    void scheduledCatchUp() {
        catchUp();
    }

    /** Recomputes every fact from the raw rows: after rows were loaded or changed beside the application. */
    Rebuild rebuild() {
        return ownTransaction.execute(tx -> {
            lock(SOURCE);
            lock(INVOICES);
            lock(StockFactStore.SOURCE);
            Rebuild orders = rebuildOrders();
            rebuildInvoices();
            rebuildStock();
            return orders;
        });
    }

    private Rebuild rebuildOrders() {
        long started = System.nanoTime();
        ZoneId zone = calendar.zone();
        long settled = settledId(0L);
        store.clear();
        LocalDate[] span = store.span(zone);
        if (span != null) {
            store.recompute(span[0], span[1], zone);
        }
        rebuilt(SOURCE, settled);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return span == null
                ? new Rebuild(null, null, 0, millis)
                : new Rebuild(
                        span[0],
                        span[1],
                        span[0].datesUntil(span[1].plusDays(1)).count(),
                        millis);
    }

    private void rebuildInvoices() {
        long settled = settledAuditId(0L);
        invoices.clear();
        LocalDate[] span = invoices.span();
        if (span != null) {
            invoices.recompute(span[0], span[1]);
        }
        rebuilt(INVOICES, settled);
    }

    private void rebuildStock() {
        long settled = stock.settledId(0L, Instant.now().minus(settle));
        stock.rebuild(settled, calendar.zone());
        rebuilt(StockFactStore.SOURCE, settled);
    }

    private void rebuilt(String source, long settled) {
        jdbc.sql("UPDATE report_fact_watermark SET settled_id = ?, seen_count = NULL, seen_id = NULL, time_zone = ?, "
                        + "rebuilt_at = ? WHERE source = ?")
                .params(settled, calendar.zone().getId(), Timestamp.from(Instant.now()), source)
                .update();
    }

    private record Watermark(Long settledId, String zone, Seen seen) {}

    /** The entries after the watermark: as entries are never deleted, the same count and last id mean nothing new. */
    private record Seen(long count, long lastId) {}

    private Watermark lock(String source) {
        return jdbc.sql("SELECT settled_id, time_zone, seen_count, seen_id FROM report_fact_watermark "
                        + "WHERE source = ? FOR UPDATE")
                .param(source)
                .query((rs, n) -> new Watermark(
                        rs.getObject("settled_id") == null ? null : rs.getLong("settled_id"),
                        rs.getString("time_zone"),
                        rs.getObject("seen_count") == null
                                ? null
                                : new Seen(rs.getLong("seen_count"), rs.getLong("seen_id"))))
                .single();
    }

    /** The highest entry id all lower ones of which have committed by now; at least {@code current}. */
    private long settledId(long current) {
        long settled = jdbc.sql("SELECT COALESCE(MAX(id), 0) AS settled FROM order_history WHERE at < ?")
                .param(Timestamp.from(Instant.now().minus(settle)))
                .query((rs, n) -> rs.getLong("settled"))
                .single();
        return Math.max(current, settled);
    }

    private Seen seen(long settledId) {
        return jdbc.sql("SELECT COUNT(*) AS entries, COALESCE(MAX(id), 0) AS last_id FROM order_history WHERE id > ?")
                .param(settledId)
                .query((rs, n) -> new Seen(rs.getLong("entries"), rs.getLong("last_id")))
                .single();
    }

    private void save(String source, long settledId, Seen seen) {
        jdbc.sql("UPDATE report_fact_watermark SET settled_id = ?, seen_count = ?, seen_id = ? WHERE source = ?")
                .params(settledId, seen.count(), seen.lastId(), source)
                .update();
    }

    /** The company days the orders with history entries after {@code settledId} count on. */
    private TreeSet<LocalDate> changedDays(long settledId) {
        ZoneId zone = calendar.zone();
        TreeSet<LocalDate> days = new TreeSet<>();
        jdbc.sql("SELECT placed_at, shipped_at, delivered_at FROM sales_order "
                        + "WHERE id IN (SELECT order_id FROM order_history WHERE id > ?)")
                .param(settledId)
                .query(rs -> {
                    for (String column : List.of("placed_at", "shipped_at", "delivered_at")) {
                        Timestamp at = rs.getTimestamp(column);
                        if (at != null) {
                            days.add(at.toInstant().atZone(zone).toLocalDate());
                        }
                    }
                });
        return days;
    }

    /** Recomputes each run of consecutive days in one pass. */
    private void recompute(TreeSet<LocalDate> days) {
        for (LocalDate[] run : runs(days)) {
            store.recompute(run[0], run[1], calendar.zone());
        }
    }

    /** The runs of consecutive days, each as its first and last day. */
    private static List<LocalDate[]> runs(TreeSet<LocalDate> days) {
        List<LocalDate[]> runs = new ArrayList<>();
        for (LocalDate day : days) {
            LocalDate[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[1].plusDays(1).equals(day)) {
                last[1] = day;
            } else {
                runs.add(new LocalDate[] {day, day});
            }
        }
        return runs;
    }

    /** The highest audit entry id all lower ones of which have committed by now; at least {@code current}. */
    private long settledAuditId(long current) {
        long settled = jdbc.sql("SELECT COALESCE(MAX(id), 0) AS settled FROM audit_entry WHERE at < ?")
                .param(Timestamp.from(Instant.now().minus(settle)))
                .query((rs, n) -> rs.getLong("settled"))
                .single();
        return Math.max(current, settled);
    }

    private Seen seenInvoiceEntries(long settledId) {
        return jdbc.sql("SELECT COUNT(*) AS entries, COALESCE(MAX(id), 0) AS last_id FROM audit_entry "
                        + "WHERE id > ? AND entity = ?")
                .params(settledId, INVOICE_ENTITY)
                .query((rs, n) -> new Seen(rs.getLong("entries"), rs.getLong("last_id")))
                .single();
    }

    /**
     * The issue dates of the invoices with audit entries after {@code settledId}; for a backdated one also the days after
     * its new date up to the end of its year, where it was issued before.
     */
    private TreeSet<LocalDate> changedInvoiceDays(long settledId) {
        Map<UUID, Boolean> backdated = new HashMap<>();
        jdbc.sql("SELECT entity_id, action FROM audit_entry WHERE id > ? AND entity = ?")
                .params(settledId, INVOICE_ENTITY)
                .query(rs -> {
                    backdated.merge(
                            UUID.fromString(rs.getString("entity_id")),
                            "BACKDATED".equals(rs.getString("action")),
                            Boolean::logicalOr);
                });
        TreeSet<LocalDate> days = new TreeSet<>();
        List<UUID> ids = new ArrayList<>(backdated.keySet());
        for (int i = 0; i < ids.size(); i += 500) {
            jdbc.sql("SELECT id, issue_date FROM invoice WHERE id IN (:ids) AND issue_date IS NOT NULL")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .query(rs -> {
                        LocalDate issued = rs.getDate("issue_date").toLocalDate();
                        LocalDate last = backdated.get(rs.getObject("id", UUID.class))
                                ? issued.withDayOfYear(issued.lengthOfYear())
                                : issued;
                        issued.datesUntil(last.plusDays(1)).forEach(days::add);
                    });
        }
        return days;
    }
}
