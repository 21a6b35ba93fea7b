package org.ordo.platform;

import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * Runs a creating POST at most once per {@code Idempotency-Key} (docs/api.md, invariant 13).
 *
 * <p>The key is claimed by inserting one row with the answer at the end of the work's transaction (one statement), so
 * two racing requests with one key serialize on the database: the second waits on the key for the first to commit, rolls
 * its own work back and answers the first's stored response; so does a retry whose work fails once the first is done.
 * The same key with a different request is a 422. A request that fails stores nothing, so retrying it with the same key
 * is allowed. The work must be the transaction's alone (no call outside it): a racing duplicate runs it before it is
 * rolled back.
 *
 * <p>A request whose body a controller reads ({@code @RequestBody}) is the same request when its path and the body's
 * bytes are the same as sent: a retry resends them, and a body written differently (other spacing, another key order) is
 * another request. Its answer is serialized once, stored, and written to the client as stored. A request without a body
 * (a page's form) is compared by the canonical JSON of {@code request}, and its answer is returned as the work gave it.
 */
public interface Idempotency {

    /**
     * @param scope   what is being created, e.g. {@code orders}
     * @param key     the client's Idempotency-Key header, or null to run without idempotency
     * @param request what the request asks, with the path's id where there is one; compared as canonical JSON when the
     *     request has no body (a page's form), and for keys stored before requests were compared as sent
     * @param action  the work, run in the claiming transaction
     */
    ResponseEntity<?> execute(String scope, String key, Object request, Supplier<ResponseEntity<?>> action);
}
