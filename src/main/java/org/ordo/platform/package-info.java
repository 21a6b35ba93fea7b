/**
 * The HTTP conventions every module's API follows (docs/api.md): problem documents for every error, paging,
 * ETags, Idempotency-Key handling, request size limits, and the consistency check that gathers each module's
 * {@link org.ordo.platform.ConsistencyCheck}s, and the operator's backup and restore commands ({@link
 * org.ordo.platform.Backups}), and {@link org.ordo.platform.ChangeNotices}, which keeps the in-memory caches of every node
 * ({@link org.ordo.platform.ExactCache}) true to the database. Knows no business module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.ordo.platform;
