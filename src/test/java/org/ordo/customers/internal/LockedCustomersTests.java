package org.ordo.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer read under its row lock answers the same transaction's later reads of it without a statement (the
 * placement's lock, then the invoicing condition's read), and never a read after a customer write or outside it.
 */
@OrdoTest
class LockedCustomersTests {

    @LocalServerPort
    int port;

    @Autowired
    Customers customers;

    @Autowired
    CustomerPrivacyStore privacy;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aLockedCustomerIsReadFromItsLockUntilTheTransactionWritesACustomer() {
        UUID id = new Fixtures(port).customer("1000.00");

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            CustomerSnapshot locked = customers.lockIfExists(id).orElseThrow();
            assertThat(customers.find(id).orElseThrow()).isSameAs(locked);

            privacy.erase(id, Instant.now().truncatedTo(ChronoUnit.MICROS));

            CustomerSnapshot written = customers.find(id).orElseThrow();
            assertThat(written.active()).isFalse();
            assertThat(written.name()).isNotEqualTo(locked.name());
        });
    }

    @Test
    void theLockedReadEndsWithItsTransaction() {
        UUID id = new Fixtures(port).customer("1000.00");

        CustomerSnapshot locked = new TransactionTemplate(transactionManager)
                .execute(tx -> customers.lockIfExists(id).orElseThrow());

        assertThat(customers.find(id).orElseThrow()).isNotSameAs(locked).isEqualTo(locked);
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(
                        tx -> assertThat(customers.find(id).orElseThrow()).isNotSameAs(locked));
    }

    @Test
    void aTransactionOfItsOwnInsideReadsAgainAndTheOuterOneKeepsItsLockedRead() {
        UUID id = new Fixtures(port).customer("1000.00");
        TransactionTemplate inner = new TransactionTemplate(transactionManager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            CustomerSnapshot locked = customers.lockIfExists(id).orElseThrow();

            inner.executeWithoutResult(
                    innerTx -> assertThat(customers.find(id).orElseThrow()).isNotSameAs(locked));

            assertThat(customers.find(id).orElseThrow()).isSameAs(locked);
        });
    }
}
