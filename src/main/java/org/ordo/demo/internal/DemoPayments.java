package org.ordo.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.ordo.invoicing.CustomerAccounts;
import org.ordo.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.stereotype.Component;

/**
 * Customers pay: most settle what they owe, some pay half, a few nothing yet — so the demo has paid, partly paid and
 * open invoices, and delivered orders that are COMPLETED. Invoices are written by listeners after each shipment
 * commits, so this first waits for those to finish.
 */
@Component
class DemoPayments {

    private static final Logger log = LoggerFactory.getLogger(DemoPayments.class);
    private static final Duration WAIT_FOR_INVOICES = Duration.ofSeconds(60);

    private final CustomerAccounts accounts;
    private final EventPublicationRegistry publications;

    DemoPayments(CustomerAccounts accounts, EventPublicationRegistry publications) {
        this.accounts = accounts;
        this.publications = publications;
    }

    /** Returns how many payments were recorded. */
    int pay(Random random, List<DemoOrders.Buyer> buyers) {
        awaitInvoicing();
        int payments = 0;
        for (DemoOrders.Buyer buyer : buyers) {
            for (CustomerAccounts.Balance balance : accounts.balances(buyer.id())) {
                if (balance.balance().amount().signum() <= 0) {
                    continue;
                }
                int roll = random.nextInt(100);
                BigDecimal amount = roll < 70
                        ? balance.balance().amount()
                        : roll < 85
                                ? balance.balance().amount().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN)
                                : BigDecimal.ZERO;
                if (amount.signum() > 0) {
                    accounts.receivePayment(
                            buyer.id(),
                            new Money(amount, balance.balance().currency()),
                            buyer.demo().business() ? "BANK_TRANSFER" : "CARD",
                            "demo payment " + (payments + 1));
                    payments++;
                }
            }
        }
        return payments;
    }

    /** Events whose listeners have not finished yet, as the event publication registry knows them. */
    private long incompleteEvents() {
        return publications.findIncompletePublications().size();
    }

    private void awaitInvoicing() {
        Instant deadline = Instant.now().plus(WAIT_FOR_INVOICES);
        while (incompleteEvents() > 0 && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (incompleteEvents() > 0) {
            log.warn("Demo payments start while some invoices are still being written");
        }
    }
}
