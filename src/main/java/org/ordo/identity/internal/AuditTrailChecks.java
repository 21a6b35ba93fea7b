package org.ordo.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.ordo.identity.AuditEntry;
import org.ordo.platform.ConsistencyCheck;
import org.ordo.platform.InvariantCheck;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Invariant 12: every audit chain is intact (see {@link AuditChains} for what that means and what it cannot see). */
@Component
class AuditTrailChecks implements ConsistencyCheck {

    private static final String ALL_ENTRIES =
            "SELECT id, entity, entity_id, chain_seq, at, actor, action, before_state, after_state, "
                    + "prev_hash, hash FROM audit_entry ORDER BY entity, entity_id, chain_seq";

    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    AuditTrailChecks(DataSource dataSource, PlatformTransactionManager transactions) {
        // PostgreSQL streams with a cursor only inside a transaction and with a fetch size; otherwise it loads every
        // row
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public List<InvariantCheck> check() {
        List<Map<String, Object>> violations = readOnly.execute(tx -> {
            try (Stream<AuditEntry> entries = streaming.queryForStream(ALL_ENTRIES, AuditTrailStore::map)) {
                return AuditChains.verify(entries.iterator(), InvariantCheck.MAX_VIOLATIONS);
            }
        });
        return List.of(InvariantCheck.of(12, "audit trail is intact", violations));
    }
}
