package org.ordo.web.internal;

import java.util.Map;
import java.util.stream.Collectors;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.IllegalTransitionException;
import org.ordo.shared.OrdoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A domain module's field violation in the user's language: the text {@code violation.<code>} of the message bundles with
 * the violation's arguments, or the violation's English message when it has no code or the bundles no text for it. Pages
 * translate violations here and never by reading the English text.
 */
@Component
public class ViolationTexts {

    private final MessageSource messages;

    ViolationTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The keys of the state labels of each state table's thing. */
    private static final Map<String, String> STATE_LABELS = Map.of(
            "Order", "order.status.",
            "Invoice", "invoice.status.",
            "Shipment", "shipment.status.",
            "Return", "return.status.",
            "PurchaseOrder", "po.status.",
            "Quotation", "quotation.status.");

    /**
     * A refusal without a field in the user's language: a state change the state table does not allow in words, with
     * the states' labels; any other refusal by its message.
     */
    public String refusal(OrdoException refused) {
        if (!(refused instanceof IllegalTransitionException t)) {
            return refused.getMessage();
        }
        String thing = text("thing." + t.thing(), IllegalTransitionException.words(t.thing()));
        String subject = t.reference() == null ? thing : thing + " " + t.reference();
        String allowed = t.allowed().stream()
                .map(s -> state(t.thing(), s))
                .collect(Collectors.joining(text("refusal.or", " or ")));
        return messages.getMessage(
                t.allowed().isEmpty() ? "refusal.transition.final" : "refusal.transition",
                new Object[] {subject, state(t.thing(), t.current()), state(t.thing(), t.target()), allowed},
                LocaleContextHolder.getLocale());
    }

    /** A state's label, or its name in words when the bundles have none. */
    private String state(String thing, Enum<?> state) {
        String prefix = STATE_LABELS.get(thing);
        String words = IllegalTransitionException.words(state);
        return prefix == null ? words : text(prefix + state.name(), words);
    }

    private String text(String key, String otherwise) {
        String text = messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
        return text == null ? otherwise : text;
    }

    public String of(FieldViolation v) {
        if (v.code() == null) {
            return v.message();
        }
        // no default message: Spring would format the English text as a pattern, and an apostrophe in it would vanish
        Object[] arguments = v.arguments().stream()
                .map(a -> a instanceof java.util.Collection<?> list
                        ? list.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        : a)
                .toArray();
        String text = messages.getMessage("violation." + v.code(), arguments, null, LocaleContextHolder.getLocale());
        return text == null ? v.message() : text;
    }
}
