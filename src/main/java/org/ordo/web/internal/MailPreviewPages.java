package org.ordo.web.internal;

import java.util.List;
import org.ordo.customers.CustomerLanguages;
import org.ordo.notifications.MailPreviews;
import org.ordo.notifications.MessageKind;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /admin/mail-preview}: any customer e-mail in either language, as sent, with sample data. */
@Controller
class MailPreviewPages {

    private final MailPreviews previews;

    MailPreviewPages(MailPreviews previews) {
        this.previews = previews;
    }

    @GetMapping("/admin/mail-preview")
    @PreAuthorize(PageAccess.ADMINS)
    String preview(
            @RequestParam(required = false) String kind, @RequestParam(required = false) String language, Model model) {
        MessageKind chosen = MessageKind.ORDER_CONFIRMED;
        for (MessageKind k : MessageKind.values()) {
            if (k.name().equals(kind)) {
                chosen = k;
            }
        }
        String tag = CustomerLanguages.TAGS.contains(language) ? language : CustomerLanguages.DEFAULT;
        model.addAttribute("kinds", List.of(MessageKind.values()));
        model.addAttribute("languages", CustomerLanguages.TAGS);
        model.addAttribute("kind", chosen);
        model.addAttribute("language", tag);
        model.addAttribute("preview", previews.preview(chosen, tag));
        return "admin/mail-preview";
    }
}
