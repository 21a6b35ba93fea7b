package org.ordo.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.ordo.identity.AuditEntry;

/** The hash that chains audit entries: SHA-256 over every field of the entry and the previous entry's hash. */
final class AuditHashing {

    /** The previous hash of the first entry of every chain. */
    static final String GENESIS = "0".repeat(64);

    private AuditHashing() {}

    static AuditEntry seal(
            String entity,
            String entityId,
            int chainSeq,
            Instant at,
            String actor,
            String action,
            String before,
            String after,
            String previousHash) {
        String hash = hash(entity, entityId, chainSeq, at, actor, action, before, after, previousHash);
        return new AuditEntry(0, entity, entityId, chainSeq, at, actor, action, before, after, previousHash, hash);
    }

    /** Recomputes the hash of a stored entry; a mismatch means the entry was changed. */
    static String hashOf(AuditEntry e) {
        return hash(
                e.entity(),
                e.entityId(),
                e.chainSeq(),
                e.at(),
                e.actor(),
                e.action(),
                e.before(),
                e.after(),
                e.previousHash());
    }

    private static String hash(
            String entity,
            String entityId,
            int chainSeq,
            Instant at,
            String actor,
            String action,
            String before,
            String after,
            String previousHash) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {
                entity, entityId, Integer.toString(chainSeq), at.toString(), actor, action, before, after, previousHash
            }) {
                // length-prefixed, so that no two different entries serialise alike
                String value = part == null ? "\u0000" : part;
                digest.update((value.length() + ":" + value + ";").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
