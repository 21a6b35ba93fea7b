package org.ordo.identity.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ordo.identity.AuditEntry;

/**
 * Verifies audit hash chains from entries ordered by entity, entity id and sequence, holding only the entry
 * before: each entry's hash must match its content, each chain must start at sequence 1 on
 * {@link AuditHashing#GENESIS} and go on without gaps, each entry linking to the hash of the one before.
 *
 * <p>What per-entity chains cannot reveal: the removal of a whole chain, or of the newest entries of one
 * (nothing follows them to break). Those need an anchor outside the table, e.g. chain heads published elsewhere.
 */
final class AuditChains {

    private AuditChains() {}

    /** The violations found, at most {@code limit} (the walk stops there). */
    static List<Map<String, Object>> verify(Iterator<AuditEntry> entries, int limit) {
        List<Map<String, Object>> violations = new ArrayList<>();
        AuditEntry previous = null;
        while (entries.hasNext() && violations.size() < limit) {
            AuditEntry entry = entries.next();
            boolean sameChain = previous != null
                    && previous.entity().equals(entry.entity())
                    && previous.entityId().equals(entry.entityId());
            if (!Objects.equals(AuditHashing.hashOf(entry), entry.hash())) {
                violations.add(violation(entry, "content does not match its hash: the entry was changed"));
            }
            if (!sameChain) {
                if (entry.chainSeq() != 1) {
                    violations.add(violation(
                            entry,
                            "chain starts at sequence " + entry.chainSeq()
                                    + " instead of 1: earlier entries were removed"));
                } else if (!AuditHashing.GENESIS.equals(entry.previousHash())) {
                    violations.add(violation(entry, "first entry does not link to the genesis hash"));
                }
            } else if (entry.chainSeq() != previous.chainSeq() + 1) {
                violations.add(violation(
                        entry,
                        "sequence " + entry.chainSeq() + " follows " + previous.chainSeq()
                                + ": entries in between were removed"));
            } else if (!Objects.equals(previous.hash(), entry.previousHash())) {
                violations.add(violation(
                        entry,
                        "previousHash is not the hash of entry " + previous.chainSeq() + ": the chain was relinked"));
            }
            previous = entry;
        }
        return violations.size() > limit ? violations.subList(0, limit) : violations;
    }

    private static Map<String, Object> violation(AuditEntry entry, String problem) {
        Map<String, Object> violation = new LinkedHashMap<>();
        violation.put("entity", entry.entity());
        violation.put("entityId", entry.entityId());
        violation.put("sequence", entry.chainSeq());
        violation.put("id", entry.id());
        violation.put("problem", problem);
        return violation;
    }
}
