package org.ordo.shared;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A state change the state table does not allow; answered 409 naming the current and the allowed states as codes, and
 * in its detail as a sentence a person reads ("Order SO-000123 is shipped and cannot be cancelled; ...").
 */
public class IllegalTransitionException extends OrdoException {

    private final String thing;
    private final String reference;
    private final Enum<?> current;
    private final Enum<?> target;
    private final List<? extends Enum<?>> allowed;

    public IllegalTransitionException(String thing, Enum<?> current, Enum<?> target, List<? extends Enum<?>> allowed) {
        this(thing, null, current, target, allowed);
    }

    /** {@code reference}: the number people know the thing by (an order number), or null. */
    public IllegalTransitionException(
            String thing, String reference, Enum<?> current, Enum<?> target, List<? extends Enum<?>> allowed) {
        super(
                Kind.CONFLICT,
                "illegal-transition",
                sentence(thing, reference, current, target, allowed),
                List.of(),
                Map.of(
                        "currentState",
                        current.name(),
                        "targetState",
                        target.name(),
                        "allowedStates",
                        allowed.stream().map(Enum::name).toList()));
        this.thing = thing;
        this.reference = reference;
        this.current = current;
        this.target = target;
        this.allowed = List.copyOf(allowed);
    }

    private static String sentence(
            String thing, String reference, Enum<?> current, Enum<?> target, List<? extends Enum<?>> allowed) {
        String subject = words(thing);
        subject = Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
        String what = reference == null || reference.isBlank()
                ? "This " + subject.toLowerCase(Locale.ROOT)
                : subject + " " + reference;
        String then = allowed.isEmpty()
                ? "it cannot change any more"
                : "from here it can only become "
                        + allowed.stream()
                                .map(IllegalTransitionException::words)
                                .collect(Collectors.joining(" or "));
        return what + " is " + words(current) + " and cannot be " + words(target) + "; " + then + ".";
    }

    /** A state or a thing in lower-case words: {@code PARTIALLY_SHIPPED} is "partially shipped", "PurchaseOrder" "purchase order". */
    public static String words(Object codeOrName) {
        String name = codeOrName instanceof Enum<?> e ? e.name() : String.valueOf(codeOrName);
        String spaced = name.contains("_") || name.equals(name.toUpperCase(Locale.ROOT))
                ? name.replace('_', ' ')
                : name.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
        return spaced.toLowerCase(Locale.ROOT);
    }

    /** What the states belong to, as the state table names it ("Order", "PurchaseOrder", ...). */
    public String thing() {
        return thing;
    }

    /** The number people know the thing by, or null. */
    public String reference() {
        return reference;
    }

    public Enum<?> current() {
        return current;
    }

    public Enum<?> target() {
        return target;
    }

    public List<? extends Enum<?>> allowed() {
        return allowed;
    }
}
