package org.ordo.shared;

import java.util.List;

/**
 * A state of a state machine that knows its allowed next states: every status enum implements it with its one
 * {@link Transitions} table, so every transition is checked the same way and refused with the same 409 problem.
 *
 * @param <S> the status enum itself
 */
public interface StateTable<S extends Enum<S> & StateTable<S>> {

    /** The table of the whole state machine, the same for each of its states. */
    Transitions<S> transitions();

    /** The states this one may move to, in declaration order. */
    @SuppressWarnings("unchecked")
    default List<S> allowedNext() {
        return transitions().next((S) this);
    }

    /** What the states belong to, as the problem document names it ("Order", "Shipment", ...). */
    default String thing() {
        return transitions().thing();
    }

    default boolean canMoveTo(S target) {
        return allowedNext().contains(target);
    }

    /** @throws IllegalTransitionException (409) naming this state and the allowed ones */
    @SuppressWarnings("unchecked")
    default void requireCanMoveTo(S target) {
        requireCanMoveTo(target, null);
    }

    /**
     * @param reference the number people know the thing by (an order number), named in the refusal; null for none
     * @throws IllegalTransitionException (409) naming this state and the allowed ones
     */
    @SuppressWarnings("unchecked")
    default void requireCanMoveTo(S target, String reference) {
        if (!canMoveTo(target)) {
            throw new IllegalTransitionException(thing(), reference, (S) this, target, allowedNext());
        }
    }
}
