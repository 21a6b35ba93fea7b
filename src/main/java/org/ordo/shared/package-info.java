/**
 * Value types every module speaks in: {@link org.ordo.shared.Money}, {@link org.ordo.shared.Address},
 * GTINs, the state-table contract every status enum follows ({@link org.ordo.shared.StateTable},
 * {@link org.ordo.shared.Transitions}), and the domain exceptions that the web layer maps to problem documents.
 * No beans, no persistence.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.ordo.shared;
