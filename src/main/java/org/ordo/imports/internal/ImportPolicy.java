package org.ordo.imports.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ordo.identity.Actor;
import org.ordo.identity.Role;
import org.ordo.imports.ImportKind;

/**
 * Who may import what. A file does in bulk what its rows would do one by one through the API, so each kind goes to
 * those who do that work: sales take orders and look after customers, the warehouse counts stock. Products and prices
 * change what every order costs from then on, so a file of them is an administrator's.
 */
final class ImportPolicy {

    private ImportPolicy() {}

    static Set<ImportKind> kindsFor(Actor actor) {
        Set<ImportKind> kinds = EnumSet.noneOf(ImportKind.class);
        if (actor.hasRole(Role.ADMIN)) {
            kinds.addAll(EnumSet.allOf(ImportKind.class));
        }
        if (actor.hasRole(Role.SALES)) {
            kinds.addAll(List.of(ImportKind.ORDERS, ImportKind.CUSTOMERS));
        }
        if (actor.hasRole(Role.WAREHOUSE)) {
            kinds.add(ImportKind.STOCK_COUNTS);
        }
        return kinds;
    }

    /** An administrator sees every job, anyone else the jobs they started. */
    static boolean seesAll(Actor actor) {
        return actor.hasRole(Role.ADMIN);
    }
}
