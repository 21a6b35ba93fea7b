package org.ordo.customers.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordo.customers.CustomerDirectory;
import org.ordo.customers.CustomerNotes;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.ExternalReference;
import org.ordo.shared.OrdoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link CustomerDirectory} on the customer table and {@link CustomerNotes} on the customer_note table. */
@Component
class CustomerDirectoryService implements CustomerDirectory, CustomerNotes {

    private final CustomerStore customers;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    CustomerDirectoryService(CustomerStore customers, JdbcClient jdbc, AuditTrail audit) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public PageResult<CustomerSnapshot> search(String q, Paging paging) {
        String text = q == null || q.isBlank() ? null : q.trim();
        UUID id = uuid(text);
        if (id != null) {
            return customers.search(null, id, paging).map(Customer::snapshot);
        }
        return customers.search(text, null, paging).map(Customer::snapshot);
    }

    @Override
    public Optional<Contact> contact(UUID id) {
        return customers.customer(id).map(c -> new Contact(c.snapshot(), c.phone(), c.createdAt()));
    }

    @Override
    @Transactional
    public Note add(UUID customerId, String text) {
        if (text == null || text.isBlank()) {
            throw OrdoException.invalid("text", "must not be blank");
        }
        if (text.trim().length() > MAX_LENGTH) {
            throw OrdoException.invalid("text", "must be at most " + MAX_LENGTH + " characters");
        }
        // the customer's row lock keeps its audit chain linear, as for every other change of a customer
        customers.lock(customerId).orElseThrow(() -> OrdoException.notFound("Customer", customerId));
        Note note = new Note(
                UUID.randomUUID(),
                customerId,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                Actor.current().username(),
                text.trim());
        jdbc.sql("INSERT INTO customer_note (id, customer_id, created_at, author, text) VALUES (?, ?, ?, ?, ?)")
                .params(note.id(), customerId, Timestamp.from(note.at()), note.author(), note.text())
                .update();
        audit.record(CustomerService.AUDIT_ENTITY, customerId.toString(), "NOTE_ADDED", null, note);
        return note;
    }

    @Override
    public List<Note> of(UUID customerId, int limit) {
        return jdbc.sql("SELECT id, customer_id, created_at, author, text FROM customer_note WHERE customer_id = ? "
                        + "ORDER BY created_at DESC, id LIMIT ?")
                .params(customerId, Math.max(1, Math.min(limit, Paging.MAX_SIZE)))
                .query((rs, n) -> new Note(
                        rs.getObject("id", UUID.class),
                        rs.getObject("customer_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("author"),
                        rs.getString("text")))
                .list();
    }

    private static UUID uuid(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExternalReference> externalIds(UUID customerId) {
        return customers.externalIds(customerId);
    }
}
