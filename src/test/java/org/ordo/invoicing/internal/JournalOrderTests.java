package org.ordo.invoicing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Why polling the journal after a cursor skips nothing: a booking waits until every earlier booking transaction has ended,
 * so a later position never becomes visible before an earlier one, and a rolled-back booking leaves no gap. The bookings
 * here are rolled back, so no entry without a document stays behind.
 */
@OrdoTest
class JournalOrderTests {

    @Autowired
    JournalStore journal;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aBookingWaitsForTheEarlierOneToEndAndTakesBackThePositionOfOneRolledBack() throws Exception {
        CountDownLatch firstBooked = new CountDownLatch(1);
        CountDownLatch endFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> first = pool.submit(() -> bookAndRollBack(firstBooked, endFirst));
            assertThat(firstBooked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Long> second = pool.submit(() -> bookAndRollBack(null, null));

            Thread.sleep(500);
            assertThat(second.isDone())
                    .as("the second booking waits while the first is open")
                    .isFalse();
            endFirst.countDown();
            long firstPosition = first.get(10, TimeUnit.SECONDS);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(firstPosition);
        } finally {
            endFirst.countDown();
            pool.shutdownNow();
        }
    }

    private long bookAndRollBack(CountDownLatch booked, CountDownLatch end) {
        return tx.execute(status -> {
            long position = journal.book(
                    JournalStore.Kind.REFUND, UUID.randomUUID().toString(), LocalDate.now(), Instant.now());
            if (booked != null) {
                booked.countDown();
                try {
                    end.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            status.setRollbackOnly();
            return position;
        });
    }
}
