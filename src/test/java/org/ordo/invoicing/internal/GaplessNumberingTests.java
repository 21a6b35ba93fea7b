package org.ordo.invoicing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.ordo.invoicing.DocumentType;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.shared.Address;
import org.ordo.shared.Money;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invariant 9 under pressure: issuers racing for one series, and issuing transactions that fail after taking a number.
 * Each test uses a series of its own, and writes real documents, so the consistency check sees a complete series.
 */
@OrdoTest
class GaplessNumberingTests {

    @Autowired
    DocumentNumberStore numbers;

    @Autowired
    InvoiceStore store;

    @Autowired
    TransactionTemplate tx;

    private static String series() {
        String letters = Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36)
                .toUpperCase();
        return "T" + letters.substring(0, Math.min(8, letters.length())) + "-"
                + LocalDate.now(ZoneOffset.UTC).getYear();
    }

    /** Issues one document in its own transaction, as issuing does: lock the series, take the number, write the document. */
    private long issue(String series, boolean failAfterTakingTheNumber) {
        return tx.execute(s -> {
            numbers.lock(series);
            long n = numbers.next(series);
            store.insert(document(series, n), series, n, null);
            if (failAfterTakingTheNumber) {
                throw new IllegalStateException("failed after taking " + n);
            }
            return n;
        });
    }

    @Test
    void fiftyConcurrentIssuesTakeFiftyConsecutiveNumbers() throws Exception {
        String series = series();
        int issuers = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(issuers);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < issuers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return issue(series, false);
                }));
            }
            start.countDown();
            List<Long> taken = new ArrayList<>();
            for (Future<Long> result : results) {
                taken.add(result.get());
            }

            assertThat(taken).doesNotHaveDuplicates();
            assertThat(taken)
                    .containsExactlyInAnyOrderElementsOf(
                            LongStream.rangeClosed(1, issuers).boxed().toList());
            assertThat(numbers.last(series)).isEqualTo(issuers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTransactionThatTakesANumberAndFailsLeavesNoGap() {
        String series = series();
        assertThat(issue(series, false)).isEqualTo(1);

        assertThatThrownBy(() -> issue(series, true)).hasMessageContaining("failed after taking 2");

        assertThat(numbers.last(series)).isEqualTo(1);
        assertThat(issue(series, false)).isEqualTo(2);
        assertThat(store.find(DocumentNumberStore.format(series, 2))).isPresent();
    }

    @Test
    void concurrentIssuesWithFailuresAmongThemStillLeaveAGaplessSeries() throws Exception {
        String series = series();
        int issuers = 30;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(issuers);
        ConcurrentLinkedQueue<Long> committed = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < issuers; i++) {
                boolean fail = i % 3 == 0;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        committed.add(issue(series, fail));
                    } catch (IllegalStateException expected) {
                        // rolled back, number and all
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get();
            }

            assertThat(committed).hasSize(20);
            assertThat(committed)
                    .containsExactlyInAnyOrderElementsOf(
                            LongStream.rangeClosed(1, 20).boxed().toList());
            assertThat(numbers.last(series)).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A small, internally consistent invoice numbered in the given series. */
    private static Invoice document(String series, long n) {
        Currency eur = Money.currency("EUR");
        Address address = new Address("Test Buyer", "Teststraße 1", null, "Berlin", null, "10115", "DE");
        InvoiceLine line = InvoiceLine.of(
                1,
                null,
                null,
                "TEST",
                "Numbering test",
                1,
                Money.of("1.00", "EUR"),
                TaxTreatment.of("STANDARD", new BigDecimal("0.19")));
        Totals totals = Totals.of(eur, List.of(line), Money.zero(eur), Money.zero(eur));
        Party party = new Party("Test", address, null, null, null, null, null, null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new Invoice(
                UUID.randomUUID(),
                DocumentNumberStore.format(series, n),
                DocumentType.INVOICE,
                InvoiceStatus.ISSUED,
                UUID.randomUUID(),
                "SO-TEST",
                null,
                null,
                null,
                null,
                null,
                UUID.randomUUID(),
                "EUR",
                today,
                today,
                null,
                0,
                party,
                party,
                null,
                List.of(line),
                TaxSubtotal.of(List.of(line)),
                totals,
                Money.zero(eur),
                Money.zero(eur),
                totals.total(),
                null,
                null,
                now,
                "test",
                now,
                null,
                0);
    }
}
