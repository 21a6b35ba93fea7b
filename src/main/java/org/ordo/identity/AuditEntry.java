package org.ordo.identity;

import java.time.Instant;

/** One audit trail entry. {@code before} and {@code after} are JSON text (null when absent). */
public record AuditEntry(
        long id,
        String entity,
        String entityId,
        int chainSeq,
        Instant at,
        String actor,
        String action,
        String before,
        String after,
        String previousHash,
        String hash) {}
