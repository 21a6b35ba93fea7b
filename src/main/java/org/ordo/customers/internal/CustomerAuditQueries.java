package org.ordo.customers.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ordo.identity.AuditedThings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Customers in the audit trail: found by number or by their exact name, shown as number and name. */
@Component
class CustomerAuditQueries implements AuditedThings {

    private final JdbcClient jdbc;
    private final CustomerStore customers;

    CustomerAuditQueries(JdbcClient jdbc, CustomerStore customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    @Override
    public Set<String> entities() {
        return Set.of(CustomerService.AUDIT_ENTITY);
    }

    @Override
    public Optional<String> idOf(String entity, String reference) {
        return customers.idOf(reference).map(UUID::toString);
    }

    @Override
    public Map<String, String> labels(String entity, Collection<String> ids) {
        Set<UUID> uuids = AuditedThings.uuids(ids);
        Map<String, String> labels = new HashMap<>();
        if (!uuids.isEmpty()) {
            jdbc.sql("SELECT id, number, name FROM customer WHERE id IN (:ids)")
                    .param("ids", uuids)
                    .query(rs -> {
                        labels.put(
                                rs.getObject("id", UUID.class).toString(),
                                rs.getString("number") + " " + rs.getString("name"));
                    });
        }
        return labels;
    }
}
