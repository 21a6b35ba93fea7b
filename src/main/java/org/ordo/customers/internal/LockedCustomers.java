package org.ordo.customers.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordo.customers.CustomerSnapshot;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The customers the current transaction read under their row lock, until it commits or rolls back, or writes a
 * customer. No other
 * transaction can change a row this one holds locked, so as long as this one writes no customer a new read would answer
 * the same: {@link CustomerStore#find} answers from here without a statement (the placement locks its customer, and the
 * invoicing listener's condition asks for that customer again in the same transaction). Every write to the customer
 * table forgets them ({@link #forget}); a transaction suspended for another one takes them with it. Ordo uses no
 * savepoints, whose rollback would give a lock back before the transaction ends.
 */
final class LockedCustomers {

    private static final Object KEY = new Object();

    private LockedCustomers() {}

    /** Remembers a customer read under its row lock, for the rest of the current transaction. */
    static void remember(CustomerSnapshot customer) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Map<UUID, CustomerSnapshot> locked = current();
        if (locked == null) {
            locked = new HashMap<>();
            bind(locked);
        }
        locked.put(customer.id(), customer);
    }

    /** The customer as this transaction read it under its lock, if it did and has written no customer since. */
    static Optional<CustomerSnapshot> find(UUID id) {
        Map<UUID, CustomerSnapshot> locked = current();
        return locked == null ? Optional.empty() : Optional.ofNullable(locked.get(id));
    }

    /** Forgets every customer remembered: the transaction is about to write one. */
    static void forget() {
        Map<UUID, CustomerSnapshot> locked = current();
        if (locked != null) {
            locked.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<UUID, CustomerSnapshot> current() {
        return (Map<UUID, CustomerSnapshot>) TransactionSynchronizationManager.getResource(KEY);
    }

    private static void bind(Map<UUID, CustomerSnapshot> locked) {
        TransactionSynchronizationManager.bindResource(KEY, locked);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(KEY);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(KEY, locked);
            }

            /** Before the commit or rollback gives the locks back: what runs after it reads again. */
            @Override
            public void beforeCompletion() {
                TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
            }
        });
    }
}
