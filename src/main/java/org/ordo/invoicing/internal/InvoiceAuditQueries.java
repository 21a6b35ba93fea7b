package org.ordo.invoicing.internal;

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

/** Invoices and credit notes in the audit trail: found by number (INV-2026-000123; a draft has none yet), shown by number. */
@Component
class InvoiceAuditQueries implements AuditedThings {

    private final JdbcClient jdbc;

    InvoiceAuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> entities() {
        return Set.of("INVOICE");
    }

    @Override
    public Optional<String> idOf(String entity, String reference) {
        return jdbc.sql("SELECT id FROM invoice WHERE number = ?")
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
            jdbc.sql("SELECT id, number FROM invoice WHERE id IN (:ids) AND number IS NOT NULL")
                    .param("ids", uuids)
                    .query(rs -> {
                        labels.put(rs.getObject("id", UUID.class).toString(), rs.getString("number"));
                    });
        }
        return labels;
    }
}
