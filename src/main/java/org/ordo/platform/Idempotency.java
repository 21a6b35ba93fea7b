package org.ordo.platform;

import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * Runs a creating POST at most once per {@code Idempotency-Key} (docs/api.md, invariant 13).
 *
 * <p>The key is claimed by inserting one row with the answer at the end of the work's transaction (one statement), so
 * two racing requests with one key serialize on the database: the second waits on the key for the first to commit, rolls
 * its own work back and answers the first's stored response; so does a retry whose work fails once the first is done.
 * The same key with a different body is a 422. A request that fails stores nothing, so retrying it with the same key is
 * allowed. The work must be the transaction's alone (no call outside it): a racing duplicate runs it before it is
 * rolled back.
 */
public interface Idempotency {

    /**
     * @param scope   what is being created, e.g. {@code orders}
     * @param key     the client's Idempotency-Key header, or null to run without idempotency
     * @param request the parsed request body; its canonical JSON is what "same body" compares
     * @param action  the work, run in the claiming transaction
     */
    ResponseEntity<?> execute(String scope, String key, Object request, Supplier<ResponseEntity<?>> action);
}
