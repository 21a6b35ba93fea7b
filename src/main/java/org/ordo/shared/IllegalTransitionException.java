package org.ordo.shared;

import java.util.List;
import java.util.Map;

/** A state change the state table does not allow; answered 409 naming the current and the allowed states. */
public class IllegalTransitionException extends OrdoException {

    public IllegalTransitionException(String thing, Enum<?> current, Enum<?> target, List<? extends Enum<?>> allowed) {
        super(
                Kind.CONFLICT,
                "illegal-transition",
                thing + " is " + current + " and cannot move to " + target + "; allowed from " + current + ": "
                        + (allowed.isEmpty() ? "none" : allowed) + ".",
                List.of(),
                Map.of(
                        "currentState",
                        current.name(),
                        "targetState",
                        target.name(),
                        "allowedStates",
                        allowed.stream().map(Enum::name).toList()));
    }
}
