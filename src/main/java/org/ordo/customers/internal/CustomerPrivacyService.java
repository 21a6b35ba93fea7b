package org.ordo.customers.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.ordo.customers.CustomerPrivacy;
import org.ordo.identity.AuditTrail;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Export and erasure of a customer's master data and notes. The erasure is a new entry of the customer's audit trail
 * with the reason only: the entries before it stay as the legal record of what changed, unaltered, so the chain holds.
 */
@Service
class CustomerPrivacyService implements CustomerPrivacy {

    private final CustomerStore customers;
    private final CustomerPrivacyStore store;
    private final AuditTrail audit;

    CustomerPrivacyService(CustomerStore customers, CustomerPrivacyStore store, AuditTrail audit) {
        this.customers = customers;
        this.store = store;
        this.audit = audit;
    }

    @Override
    public CustomerData personalData(UUID customerId) {
        var rows = store.customer(customerId);
        if (rows.isEmpty()) {
            throw OrdoException.notFound("Customer", customerId);
        }
        return new CustomerData(rows.get(0), store.notes(customerId));
    }

    @Override
    public boolean erased(UUID customerId) {
        return audit.entries(CustomerService.AUDIT_ENTITY, customerId.toString()).stream()
                .anyMatch(e -> ERASED_ACTION.equals(e.action()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(UUID customerId, String reason) {
        customers.lock(customerId).orElseThrow(() -> OrdoException.notFound("Customer", customerId));
        store.erase(customerId, Instant.now().truncatedTo(ChronoUnit.MICROS));
        audit.record(
                CustomerService.AUDIT_ENTITY, customerId.toString(), ERASED_ACTION, null, Map.of("reason", reason));
    }
}
