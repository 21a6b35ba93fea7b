package org.ordo.shared;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The one table of allowed transitions of a state machine, declared in its status enum: every state with the states
 * it may move to, an empty list for a final state. A state missing from the table fails the enum's initialisation,
 * so no state can be left without a row.
 *
 * @param <S> the status enum
 */
public final class Transitions<S extends Enum<S>> {

    private final String thing;
    private final Map<S, List<S>> next;

    private Transitions(String thing, Class<S> type, Map<S, List<S>> table) {
        this.thing = thing;
        this.next = new EnumMap<>(type);
        table.forEach((from, to) -> {
            EnumSet<S> sorted = EnumSet.noneOf(type);
            sorted.addAll(to);
            next.put(from, List.copyOf(sorted));
        });
        List<S> missing = Arrays.stream(type.getEnumConstants())
                .filter(s -> !next.containsKey(s))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(thing + " transitions lack a row for " + missing);
        }
    }

    /**
     * @param thing what the states belong to, as the problem document names it ("Order", "Shipment", ...)
     * @param table every state of {@code type} and the states it may move to
     */
    public static <S extends Enum<S>> Transitions<S> of(String thing, Class<S> type, Map<S, List<S>> table) {
        return new Transitions<>(thing, type, table);
    }

    public String thing() {
        return thing;
    }

    /**
     * The states a thing can be in when it starts in one of {@code starts}, in declaration order: what a filter offers,
     * since a state no transition leads to never occurs.
     */
    @SafeVarargs
    public final List<S> reachableFrom(S... starts) {
        java.util.Set<S> seen = new java.util.LinkedHashSet<>(List.of(starts));
        java.util.Deque<S> open = new java.util.ArrayDeque<>(seen);
        while (!open.isEmpty()) {
            for (S next : next(open.pop())) {
                if (seen.add(next)) {
                    open.push(next);
                }
            }
        }
        return seen.stream().sorted().toList();
    }

    /** The states {@code state} may move to, in declaration order. */
    public List<S> next(S state) {
        return next.get(state);
    }
}
