package org.ordo.web.internal;

import org.ordo.shared.FieldViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A domain module's field violation in the user's language: by its rule's code ({@code violation.<code>} in the message
 * bundles, with the violation's arguments), never by its English text; the English message where no bundle knows the code.
 */
@Component
class ViolationTexts {

    private final MessageSource messages;

    ViolationTexts(MessageSource messages) {
        this.messages = messages;
    }

    String of(FieldViolation v) {
        if (v.code() == null) {
            return v.message();
        }
        return messages.getMessage("violation." + v.code(), v.arguments().toArray(), v.message(), LocaleContextHolder.getLocale());
    }
}
