package org.ordo.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.ordo.invoicing.Accounting;
import org.ordo.quotations.QuotationRequests;
import org.ordo.quotations.Quotations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox over SMTP, never inside a business transaction. One node at a time: a run takes the sender's row
 * in {@code notification_job_lock} with FOR UPDATE SKIP LOCKED and holds it while it sends; another node's run finds it
 * taken and does nothing. A failed attempt is retried after the backoff, doubled per attempt, until the last attempt
 * marks it FAILED with the reason. A crash between the SMTP server's acceptance and the commit would send that message
 * again: SMTP gives no way to make it exactly once.
 */
@Component
class MailDeliveryService {

    static final String INVOICE_PDF = "invoice-pdf:";
    static final String INVOICE_UBL = "invoice-ubl:";
    static final String REMINDER_PDF = "reminder-pdf:";
    static final String QUOTATION_PDF = "quotation-pdf:";
    private static final Logger log = LoggerFactory.getLogger(MailDeliveryService.class);
    private static final String JOB = "mail-sender";
    private static final int BATCH = 50;

    private final NotificationStore store;
    private final ObjectProvider<JavaMailSender> mail;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Accounting accounting;
    private final NotificationProperties properties;
    private final MailCompany company;
    private final Quotations quotations;

    MailDeliveryService(
            NotificationStore store,
            ObjectProvider<JavaMailSender> mail,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Accounting accounting,
            NotificationProperties properties,
            MailCompany company,
            Quotations quotations) {
        this.store = store;
        this.mail = mail;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.accounting = accounting;
        this.properties = properties;
        this.company = company;
        this.quotations = quotations;
    }

    @Scheduled(fixedDelayString = "${ordo.notifications.send-delay:PT10S}")
    void scheduled() {
        sendDue();
    }

    /** Sends every message due now; the number sent. */
    int sendDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        Integer sent = tx.execute(status -> {
            boolean mine = jdbc.sql("SELECT name FROM notification_job_lock WHERE name = ? FOR UPDATE SKIP LOCKED")
                    .param(JOB)
                    .query(String.class)
                    .optional()
                    .isPresent();
            if (!mine) {
                return 0;
            }
            Instant now = now();
            int count = 0;
            for (NotificationStore.Due due : store.lockDue(now, BATCH)) {
                count += deliver(sender, due, now) ? 1 : 0;
            }
            jdbc.sql("UPDATE notification_job_lock SET last_run_at = ?, last_run_by = ? WHERE name = ?")
                    .params(Timestamp.from(now), node(), JOB)
                    .update();
            return count;
        });
        return sent == null ? 0 : sent;
    }

    private boolean deliver(JavaMailSender sender, NotificationStore.Due due, Instant now) {
        try {
            sender.send(message(sender, due));
            store.sent(due.id(), now());
            return true;
        } catch (MessagingException | RuntimeException e) {
            int attempt = due.attempts() + 1;
            Instant next = attempt >= properties.maxAttempts()
                    ? null
                    : now.plus(properties.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 16)));
            log.warn("E-mail {} to {} failed (attempt {}): {}", due.id(), due.recipient(), attempt, e.getMessage());
            store.attemptFailed(due.id(), e.getMessage(), next);
            return false;
        }
    }

    private MimeMessage message(JavaMailSender sender, NotificationStore.Due due) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from() == null ? company.email() : properties.from());
        helper.setTo(due.recipient());
        helper.setSubject(due.subject());
        helper.setText(due.bodyText(), due.bodyHtml());
        if (due.attachment() != null) {
            for (String reference : due.attachment().trim().split(" +")) {
                Accounting.Document document = attachment(reference);
                helper.addAttachment(
                        document.fileName(), new ByteArrayResource(document.content()), document.mediaType());
            }
        }
        message.setHeader("Content-Language", due.language());
        message.setHeader("X-Ordo-Message", due.id().toString());
        return message;
    }

    /**
     * {@code invoice-pdf:<invoice>}, {@code invoice-ubl:<invoice>}, {@code reminder-pdf:<invoice>:<level>} or
     * {@code quotation-pdf:<quotation>}, rendered
     * as it is now.
     */
    private Accounting.Document attachment(String reference) {
        Optional<Accounting.Document> document;
        if (reference.startsWith(REMINDER_PDF)) {
            String[] parts = reference.substring(REMINDER_PDF.length()).split(":");
            document = accounting.reminderLetter(parts[0], Integer.parseInt(parts[1]));
        } else if (reference.startsWith(INVOICE_PDF)) {
            document = accounting.pdf(reference.substring(INVOICE_PDF.length()));
        } else if (reference.startsWith(INVOICE_UBL)) {
            document = accounting.ubl(reference.substring(INVOICE_UBL.length()));
        } else if (reference.startsWith(QUOTATION_PDF)) {
            QuotationRequests.Pdf pdf = quotations.pdf(reference.substring(QUOTATION_PDF.length()));
            document = Optional.of(new Accounting.Document(pdf.fileName(), "application/pdf", pdf.content()));
        } else {
            document = Optional.empty();
        }
        return document.orElseThrow(() -> new IllegalStateException("attachment " + reference + " not found"));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String node() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
