package org.ordo.invoicing.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordo.identity.AuditTrail;
import org.ordo.invoicing.Accounting;
import org.ordo.invoicing.ReminderSent;
import org.ordo.platform.CompanyCalendar;
import org.ordo.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily dunning run: invoices past their due date become OVERDUE, and each open invoice gets the reminder level its days
 * past due have reached ({@code ordo.invoicing.dunning.reminder-days}, e.g. 7, 21, 35). A level is sent once: the reminder
 * table's key (invoice, level) makes a second one impossible, and a level is skipped once a higher one went out (a run that
 * was missed for weeks sends the level that is due now, not all of them at once).
 *
 * <p>One node runs it: the run takes the job's row in {@code job_lock} with FOR UPDATE SKIP LOCKED and holds it until it
 * commits; another node (or a second call) that starts meanwhile finds the row taken and skips. A run after the first is
 * harmless, since it finds nothing left to do.
 */
@Component
class DunningService {

    private static final Logger log = LoggerFactory.getLogger(DunningService.class);
    static final String JOB = "dunning";
    private static final int BATCH = 200;

    /** What one run did; {@code ran} is false when another run held the job. */
    record Run(boolean ran, LocalDate asOf, Instant startedAt, List<String> markedOverdue, List<Reminder> reminders) {}

    /** A payment reminder of one invoice, as the run and the invoice show it. */
    record Reminder(
            UUID invoiceId, String invoiceNumber, int level, int daysPastDue, Money amountDue, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final InvoiceService management;
    private final InvoiceStore invoices;
    private final AuditTrail audit;
    private final CompanyCalendar calendar;
    private final InvoicingProperties.DunningService settings;
    private final ApplicationEventPublisher events;

    DunningService(
            JdbcClient jdbc,
            TransactionTemplate tx,
            InvoiceService management,
            InvoiceStore invoices,
            AuditTrail audit,
            InvoicingProperties properties,
            CompanyCalendar calendar,
            ApplicationEventPublisher events) {
        this.calendar = calendar;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = tx;
        this.management = management;
        this.invoices = invoices;
        this.audit = audit;
        this.settings = properties.dunning();
    }

    @Scheduled(cron = "${ordo.invoicing.dunning.cron:0 30 2 * * *}", zone = "${ordo.company.time-zone:UTC}")
    void daily() {
        Run run = run();
        if (run.ran()) {
            log.info(
                    "dunning: {} invoices overdue, {} reminders",
                    run.markedOverdue().size(),
                    run.reminders().size());
        } else {
            log.info("dunning: another node is running it");
        }
    }

    /** Runs dunning as of the company's today, in one transaction that holds the job lock. */
    Run run() {
        return run((done, total) -> {});
    }

    /** {@link #run()}, telling {@code progress} how many of the candidate invoices it has looked at. */
    Run run(Accounting.Progress progress) {
        LocalDate today = calendar.today();
        Instant started = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return tx.execute(status -> {
            boolean mine = jdbc.sql("SELECT name FROM job_lock WHERE name = ? FOR UPDATE SKIP LOCKED")
                    .param(JOB)
                    .query(String.class)
                    .optional()
                    .isPresent();
            if (!mine) {
                return new Run(false, today, started, List.of(), List.of());
            }
            List<String> overdue = new ArrayList<>();
            List<String> batch;
            do {
                batch = management.markOverdue(today, BATCH);
                overdue.addAll(batch);
            } while (batch.size() == BATCH);
            List<Reminder> reminders = remind(today, started, progress);
            jdbc.sql("UPDATE job_lock SET last_run_at = ?, last_run_by = ? WHERE name = ?")
                    .params(Timestamp.from(started), node(), JOB)
                    .update();
            return new Run(true, today, started, overdue, reminders);
        });
    }

    private List<Reminder> remind(LocalDate today, Instant now, Accounting.Progress progress) {
        LocalDate firstLevelDue = today.minusDays(settings.reminderDays().get(0));
        // open invoices at least one level past due that have not had the level they are due for; rows another
        // transaction
        // holds (a payment in progress) are skipped, the next run sees them
        List<Object[]> candidates = jdbc.sql("""
                SELECT i.id, i.due_date, COALESCE(MAX(r.level), 0) AS last_level FROM invoice i
                LEFT JOIN dunning_reminder r ON r.invoice_id = i.id
                WHERE i.type = 'INVOICE' AND i.status IN """ + InvoiceStore.OPEN_STATES + """
                  AND i.due_date <= ?
                  AND i.total - i.amount_credited - i.amount_paid > 0
                GROUP BY i.id, i.due_date
                ORDER BY i.due_date, i.id""")
                .param(Date.valueOf(firstLevelDue))
                .query((rs, n) -> new Object[] {
                    rs.getObject("id", UUID.class), rs.getDate("due_date").toLocalDate(), rs.getInt("last_level")
                })
                .list();
        List<Reminder> sent = new ArrayList<>();
        int looked = 0;
        progress.reached(0, candidates.size());
        for (Object[] c : candidates) {
            progress.reached(looked++, candidates.size());
            int days = (int) ChronoUnit.DAYS.between((LocalDate) c[1], today);
            int level = settings.levelAt(days);
            if (level <= (Integer) c[2]) {
                continue;
            }
            UUID id = (UUID) c[0];
            boolean locked = jdbc.sql("SELECT id FROM invoice WHERE id = ? FOR UPDATE SKIP LOCKED")
                    .param(id)
                    .query(UUID.class)
                    .optional()
                    .isPresent();
            if (!locked) {
                continue;
            }
            Invoice invoice = invoices.find(id).orElseThrow();
            if (!PaymentService.isOpen(invoice.status())
                    || invoice.amountDue().amount().signum() <= 0) {
                continue;
            }
            int inserted = jdbc.sql(
                            "INSERT INTO dunning_reminder (invoice_id, level, days_past_due, amount_due, currency, created_at) "
                                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(id, level, days, invoice.amountDue().amount(), invoice.currency(), Timestamp.from(now))
                    .update();
            if (inserted == 1) {
                sent.add(recorded(invoice, level, days, now));
            }
        }
        progress.reached(candidates.size(), candidates.size());
        return sent;
    }

    /** A reminder just recorded: audited and published. */
    private Reminder recorded(Invoice invoice, int level, int days, Instant now) {
        Reminder reminder = new Reminder(invoice.id(), invoice.number(), level, days, invoice.amountDue(), now);
        audit.record(InvoicingService.AUDIT_ENTITY, invoice.id().toString(), "REMINDER_" + level, null, reminder);
        events.publishEvent(new ReminderSent(
                invoice.id(),
                invoice.number(),
                invoice.customerId(),
                level,
                days,
                invoice.amountDue().amount(),
                invoice.currency()));
        return reminder;
    }

    /** The reminders of one invoice, in level order. */
    List<Reminder> reminders(Invoice invoice) {
        return jdbc.sql(
                        "SELECT level, days_past_due, amount_due, created_at FROM dunning_reminder WHERE invoice_id = ? ORDER BY level")
                .param(invoice.id())
                .query((rs, n) -> new Reminder(
                        invoice.id(),
                        invoice.number(),
                        rs.getInt("level"),
                        rs.getInt("days_past_due"),
                        new Money(rs.getBigDecimal("amount_due"), Money.currency(invoice.currency())),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Which node ran it, for the operator: host name (from the environment, no DNS lookup) and process id. */
    private static String node() {
        return System.getenv().getOrDefault("HOSTNAME", "node") + "/"
                + ProcessHandle.current().pid();
    }
}
