package org.ordo.invoicing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Moves issued invoices past their due date to OVERDUE, in batches. Several nodes may run it at once: each batch locks its
 * rows with SKIP LOCKED, so no invoice is handled twice.
 */
@Component
class OverdueInvoices {

    private static final Logger log = LoggerFactory.getLogger(OverdueInvoices.class);
    private static final int BATCH = 200;

    private final InvoiceManagement management;

    OverdueInvoices(InvoiceManagement management) {
        this.management = management;
    }

    @Scheduled(initialDelayString = "${ordo.invoicing.overdue-sweep-ms:3600000}", fixedDelayString = "${ordo.invoicing.overdue-sweep-ms:3600000}")
    void sweep() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int total = 0;
        int marked;
        do {
            marked = management.markOverdue(today, BATCH);
            total += marked;
        } while (marked == BATCH);
        if (total > 0) {
            log.info("{} invoices became overdue", total);
        }
    }
}
