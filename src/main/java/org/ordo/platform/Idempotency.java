package org.ordo.platform;

import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * Runs a creating POST at most once per {@code Idempotency-Key} (docs/api.md, invariant 13).
 *
 * <p>The key is claimed by inserting a row in the same transaction as the work, so two racing requests with
 * one key serialize on the database: the second waits for the first, then answers the first's stored
 * response. The same key with a different body is a 422. A request that fails stores nothing, so retrying
 * it with the same key is allowed.
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
