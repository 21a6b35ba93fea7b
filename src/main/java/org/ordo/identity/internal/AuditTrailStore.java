package org.ordo.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditEntry;
import org.ordo.identity.AuditTrail;
import org.ordo.identity.AuditedThings;
import org.ordo.platform.InvariantCheck;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail in table audit_entry: one hash chain per audited thing. The first entry of a chain links to
 * {@link AuditHashing#GENESIS}; each later one to the hash of the entry before it.
 */
@Component
class AuditTrailStore implements AuditTrail {

    private static final String INSERT =
            "INSERT INTO audit_entry (entity, entity_id, chain_seq, at, actor, action, before_state, "
                    + "after_state, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final ObjectProvider<AuditedThings> modules;

    AuditTrailStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, ObjectProvider<AuditedThings> modules) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.modules = modules;
    }

    @Override
    public Optional<Thing> resolve(String entity, String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        for (AuditedThings module : modules.orderedStream().toList()) {
            for (String kind : module.entities()) {
                if (entity == null || entity.equals(kind)) {
                    Optional<String> id = module.idOf(kind, reference.trim());
                    if (id.isPresent()) {
                        return Optional.of(new Thing(kind, id.get()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Map<Thing, String> labels(Collection<AuditEntry> entries) {
        Map<String, Set<String>> idsByEntity = new HashMap<>();
        for (AuditEntry e : entries) {
            idsByEntity.computeIfAbsent(e.entity(), k -> new HashSet<>()).add(e.entityId());
        }
        Map<Thing, String> labels = new HashMap<>();
        modules.orderedStream().forEach(module -> {
            for (String kind : module.entities()) {
                Set<String> ids = idsByEntity.get(kind);
                if (ids != null) {
                    module.labels(kind, ids).forEach((id, label) -> labels.put(new Thing(kind, id), label));
                }
            }
        });
        return labels;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String entity, String entityId, String action, Object before, Object after) {
        record Head(int seq, String hash) {}
        Head head = jdbc.sql(
                        "SELECT chain_seq, hash FROM audit_entry WHERE entity = ? AND entity_id = ? ORDER BY chain_seq DESC LIMIT 1")
                .params(entity, entityId)
                .query((rs, n) -> new Head(rs.getInt("chain_seq"), rs.getString("hash")))
                .optional()
                .orElse(new Head(0, AuditHashing.GENESIS));
        AuditEntry entry = AuditHashing.seal(
                entity,
                entityId,
                head.seq() + 1,
                now(),
                Actor.current().username(),
                action,
                toJson(before),
                toJson(after),
                head.hash());
        insert(List.of(entry));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordCreated(String entity, List<Created> created) {
        Instant at = now();
        String actor = Actor.current().username();
        List<AuditEntry> entries = new ArrayList<>(created.size());
        for (Created c : created) {
            entries.add(AuditHashing.seal(
                    entity, c.entityId(), 1, at, actor, c.action(), null, toJson(c.after()), AuditHashing.GENESIS));
        }
        insert(entries);
    }

    @Override
    public List<AuditEntry> entries(String entity, String entityId) {
        return jdbc.sql("SELECT * FROM audit_entry WHERE entity = ? AND entity_id = ? ORDER BY chain_seq")
                .params(entity, entityId)
                .query(AuditTrailStore::map)
                .list();
    }

    @Override
    public PageResult<AuditEntry> search(Search search, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (search.entity() != null) {
            where.append(" AND entity = ?");
            params.add(search.entity());
        }
        if (search.entityId() != null) {
            where.append(" AND entity_id = ?");
            params.add(search.entityId());
        }
        if (search.actor() != null) {
            where.append(" AND actor = ?");
            params.add(search.actor());
        }
        if (search.from() != null) {
            where.append(" AND at >= ?");
            params.add(Timestamp.from(search.from()));
        }
        if (search.to() != null) {
            where.append(" AND at < ?");
            params.add(Timestamp.from(search.to()));
        }
        List<Object> countParams = new ArrayList<>(params);
        countParams.add(MAX_COUNTED + 1);
        long total = jdbc.sql("SELECT COUNT(*) FROM (SELECT id FROM audit_entry" + where + " LIMIT ?) counted")
                .params(countParams)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(paging.size());
        pageParams.add(paging.offset());
        List<AuditEntry> items = jdbc.sql("SELECT * FROM audit_entry" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(AuditTrailStore::map)
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    @Override
    public List<String> verify(String entity, String entityId) {
        return AuditChains.verify(entries(entity, entityId).iterator(), InvariantCheck.MAX_VIOLATIONS).stream()
                .map(v -> "#" + v.get("sequence") + ": " + v.get("problem"))
                .toList();
    }

    private void insert(List<AuditEntry> entries) {
        template.batchUpdate(INSERT, entries, entries.size(), (ps, e) -> {
            ps.setString(1, e.entity());
            ps.setString(2, e.entityId());
            ps.setInt(3, e.chainSeq());
            ps.setTimestamp(4, Timestamp.from(e.at()));
            ps.setString(5, e.actor());
            ps.setString(6, e.action());
            ps.setString(7, e.before());
            ps.setString(8, e.after());
            ps.setString(9, e.previousHash());
            ps.setString(10, e.hash());
        });
    }

    static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getString("entity"),
                rs.getString("entity_id"),
                rs.getInt("chain_seq"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("before_state"),
                rs.getString("after_state"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : json.writeValueAsString(value);
    }

    /** Microseconds: what both databases store, so the hash recomputed from a stored row matches. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
