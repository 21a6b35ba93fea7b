package org.ordo.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Audited things that carry a document number (SO-…, SHP-…, INV-…): found by their number in any case and shown by it.
 * Each module extends it with the two statements that read its own table.
 */
public abstract class NumberedThings implements AuditedThings {

    private final JdbcClient jdbc;
    private final String entity;
    private final String idByNumber;
    private final String numbersByIds;

    /**
     * @param idByNumber   selects {@code id} where {@code number = ?}
     * @param numbersByIds selects {@code id, number} where {@code id IN (:ids)}
     */
    protected NumberedThings(JdbcClient jdbc, String entity, String idByNumber, String numbersByIds) {
        this.jdbc = jdbc;
        this.entity = entity;
        this.idByNumber = idByNumber;
        this.numbersByIds = numbersByIds;
    }

    @Override
    public Set<String> entities() {
        return Set.of(entity);
    }

    @Override
    public Optional<String> idOf(String entity, String reference) {
        return jdbc.sql(idByNumber)
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
            jdbc.sql(numbersByIds).param("ids", uuids).query(rs -> {
                labels.put(rs.getObject("id", UUID.class).toString(), rs.getString("number"));
            });
        }
        return labels;
    }
}
