package org.ordo.purchasing.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ordo.identity.AuditedThings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Purchase orders in the audit trail: found by number (PO-000123), shown by number. */
@Component
class PurchaseOrderAuditQueries implements AuditedThings {

    private final JdbcClient jdbc;

    PurchaseOrderAuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> entities() {
        return Set.of("PURCHASE_ORDER");
    }

    @Override
    public Optional<String> idOf(String entity, String reference) {
        return jdbc.sql("SELECT id FROM purchase_order WHERE number = ?")
                .param(reference.toUpperCase(Locale.ROOT))
                .query(UUID.class)
                .optional()
                .map(UUID::toString);
    }

    @Override
    public Map<String, String> labels(String entity, Collection<String> ids) {
        Set<UUID> uuids = AuditedThings.uuids(ids);
        Map<String, String> labels = new HashMap<>();
        if (!uuids.isEmpty()) {
            jdbc.sql("SELECT id, number FROM purchase_order WHERE id IN (:ids)")
                    .param("ids", uuids)
                    .query(rs -> {
                        labels.put(rs.getObject("id", UUID.class).toString(), rs.getString("number"));
                    });
        }
        return labels;
    }
}
