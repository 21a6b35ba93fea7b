package org.ordo.reporting.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
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
 */
@Component
class DayFactService {

    /** What a rebuild did. */
    record Rebuild(LocalDate from, LocalDate to, long days, long millis) {}

    private static final String SOURCE = "order_history";

    private final JdbcClient jdbc;
    private final DayFactStore store;
    private final CompanyCalendar calendar;
    private final TransactionTemplate ownTransaction;
    private final Duration settle;

    DayFactService(
            JdbcClient jdbc,
            DayFactStore store,
            CompanyCalendar calendar,
            PlatformTransactionManager transactions,
            @Value("${ordo.reporting.facts.settle:PT2M}") Duration settle) {
        this.jdbc = jdbc;
        this.store = store;
        this.calendar = calendar;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settle = settle;
    }

    /** Brings the facts up to every committed order change; cheap when little changed. */
    void catchUp() {
        ownTransaction.executeWithoutResult(tx -> {
            Watermark mark = lock();
            if (mark.settledId() == null || !calendar.zone().getId().equals(mark.zone())) {
                rebuildLocked();
                return;
            }
            long settled = settledId(mark.settledId());
            // taken before the scan, so that whatever it counts, the scan sees
            Seen seen = seen(settled);
            if (settled != mark.settledId() || !seen.equals(mark.seen())) {
                recompute(changedDays(mark.settledId()));
            }
            save(settled, seen);
        });
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
            lock();
            return rebuildLocked();
        });
    }

    private Rebuild rebuildLocked() {
        long started = System.nanoTime();
        ZoneId zone = calendar.zone();
        long settled = settledId(0L);
        store.clear();
        LocalDate[] span = store.span(zone);
        if (span != null) {
            store.recompute(span[0], span[1], zone);
        }
        jdbc.sql("UPDATE report_fact_watermark SET settled_id = ?, seen_count = NULL, seen_id = NULL, time_zone = ?, "
                        + "rebuilt_at = ? WHERE source = ?")
                .params(settled, zone.getId(), Timestamp.from(Instant.now()), SOURCE)
                .update();
        long millis = (System.nanoTime() - started) / 1_000_000;
        return span == null
                ? new Rebuild(null, null, 0, millis)
                : new Rebuild(
                        span[0],
                        span[1],
                        span[0].datesUntil(span[1].plusDays(1)).count(),
                        millis);
    }

    private record Watermark(Long settledId, String zone, Seen seen) {}

    /** The entries after the watermark: as entries are never deleted, the same count and last id mean nothing new. */
    private record Seen(long count, long lastId) {}

    private Watermark lock() {
        return jdbc.sql("SELECT settled_id, time_zone, seen_count, seen_id FROM report_fact_watermark "
                        + "WHERE source = ? FOR UPDATE")
                .param(SOURCE)
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

    private void save(long settledId, Seen seen) {
        jdbc.sql("UPDATE report_fact_watermark SET settled_id = ?, seen_count = ?, seen_id = ? WHERE source = ?")
                .params(settledId, seen.count(), seen.lastId(), SOURCE)
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
        List<LocalDate[]> runs = new ArrayList<>();
        for (LocalDate day : days) {
            LocalDate[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[1].plusDays(1).equals(day)) {
                last[1] = day;
            } else {
                runs.add(new LocalDate[] {day, day});
            }
        }
        for (LocalDate[] run : runs) {
            store.recompute(run[0], run[1], calendar.zone());
        }
    }
}
