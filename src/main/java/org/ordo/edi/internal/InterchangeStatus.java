package org.ordo.edi.internal;

import java.util.List;

/**
 * An interchange's status from its purchase orders': ACCEPTED when every one is placed (or there is none), ATTENTION
 * when none is placed and some wait for a person, PARTIAL when some are placed and others are not, REJECTED when none
 * is placed and none waits.
 */
final class InterchangeStatus {

    private InterchangeStatus() {}

    static String of(List<String> documentStatuses) {
        List<String> orders =
                documentStatuses.stream().filter(s -> !"IGNORED".equals(s)).toList();
        boolean anyPlaced = orders.contains("PLACED");
        boolean allPlaced = orders.stream().allMatch("PLACED"::equals);
        boolean ignoredAny = orders.size() < documentStatuses.size();
        if (allPlaced && (!ignoredAny || anyPlaced)) {
            return ignoredAny ? "PARTIAL" : "ACCEPTED";
        }
        if (anyPlaced) {
            return "PARTIAL";
        }
        return orders.contains("ATTENTION") ? "ATTENTION" : "REJECTED";
    }
}
