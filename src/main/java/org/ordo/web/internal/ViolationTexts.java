package org.ordo.web.internal;

import org.ordo.shared.FieldViolation;
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

    public String of(FieldViolation v) {
        if (v.code() == null) {
            return v.message();
        }
        // no default message: Spring would format the English text as a pattern, and an apostrophe in it would vanish
        String text = messages.getMessage(
                "violation." + v.code(), v.arguments().toArray(), null, LocaleContextHolder.getLocale());
        return text == null ? v.message() : text;
    }
}
