/**
 * Users, roles, API tokens and the audit trail. Who may do what ({@link org.ordo.identity.Role}), who is acting
 * now ({@link org.ordo.identity.Actor#current()}), and the append-only, hash-chained record of every change
 * ({@link org.ordo.identity.AuditTrail}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "shared"})
package org.ordo.identity;
