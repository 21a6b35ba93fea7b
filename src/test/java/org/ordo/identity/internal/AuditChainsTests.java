package org.ordo.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordo.identity.AuditEntry;

class AuditChainsTests {

    private static final Instant AT = Instant.parse("2026-11-21T10:15:30.123456Z");

    @Test
    void intactChainsHaveNoViolations() {
        List<AuditEntry> entries = new ArrayList<>(chain("ORDER", "a", 3, 1));
        entries.addAll(chain("ORDER", "b", 2, 10));
        assertThat(verify(entries)).isEmpty();
    }

    @Test
    void changedEntryIsReported() {
        List<AuditEntry> entries = chain("ORDER", "a", 3, 1);
        AuditEntry e = entries.get(1);
        entries.set(
                1,
                new AuditEntry(
                        e.id(),
                        e.entity(),
                        e.entityId(),
                        e.chainSeq(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        e.before(),
                        "{\"total\":\"0.01\"}",
                        e.previousHash(),
                        e.hash()));
        assertThat(verify(entries)).singleElement().satisfies(v -> {
            assertThat(v).containsEntry("id", 2L).containsEntry("sequence", 2);
            assertThat((String) v.get("problem")).contains("changed");
        });
    }

    @Test
    void removedMiddleEntryIsReported() {
        List<AuditEntry> entries = chain("ORDER", "a", 3, 1);
        entries.remove(1);
        assertThat(verify(entries)).singleElement().satisfies(v -> {
            assertThat(v).containsEntry("id", 3L).containsEntry("sequence", 3);
            assertThat((String) v.get("problem")).contains("removed");
        });
    }

    @Test
    void chainThatDoesNotStartAtOneIsReported() {
        List<AuditEntry> entries = chain("ORDER", "a", 3, 1);
        entries.remove(0);
        assertThat(verify(entries)).singleElement().satisfies(v -> assertThat(v).containsEntry("sequence", 2));
    }

    @Test
    void relinkedEntryIsReported() {
        List<AuditEntry> entries = chain("ORDER", "a", 2, 1);
        AuditEntry second = entries.get(1);
        // a forger recomputes the hash of the entry but cannot know what it must link to
        entries.set(1, AuditHashing.seal("ORDER", "a", 2, AT, "mallory", "FORGED", null, "{}", "f".repeat(64)));
        assertThat(verify(entries))
                .singleElement()
                .satisfies(v -> assertThat((String) v.get("problem")).contains("relinked"));
        assertThat(second.hash()).isNotEqualTo(entries.get(1).hash());
    }

    @Test
    void walkStopsAtTheLimit() {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            List<AuditEntry> chain = chain("ORDER", "o" + i, 2, i * 10L);
            chain.remove(0);
            entries.addAll(chain);
        }
        assertThat(AuditChains.verify(entries.iterator(), 3)).hasSize(3);
    }

    private static List<Map<String, Object>> verify(List<AuditEntry> entries) {
        return AuditChains.verify(entries.iterator(), 100);
    }

    private static List<AuditEntry> chain(String entity, String id, int length, long firstId) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditHashing.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            AuditEntry sealed = AuditHashing.seal(
                    entity,
                    id,
                    seq,
                    AT.plusSeconds(seq),
                    "alice",
                    "CHANGED",
                    seq == 1 ? null : "{\"n\":" + (seq - 1) + "}",
                    "{\"n\":" + seq + "}",
                    previous);
            entries.add(new AuditEntry(
                    firstId + seq - 1,
                    sealed.entity(),
                    sealed.entityId(),
                    sealed.chainSeq(),
                    sealed.at(),
                    sealed.actor(),
                    sealed.action(),
                    sealed.before(),
                    sealed.after(),
                    sealed.previousHash(),
                    sealed.hash()));
            previous = sealed.hash();
        }
        return entries;
    }
}
