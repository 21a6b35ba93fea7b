package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the purchasing and receiving pages share: a refusal of the purchasing module in the user's language, next to the
 * form field it names (translated by rule code through {@link ViolationTexts}), or above the form when it names none.
 */
@Component
class PurchasingForms {

    /** A message to show after a redirect: its key and arguments (serializable: the session keeps it). */
    public record Done(String key, List<Object> args) implements Serializable {

        public Object[] arguments() {
            return args.toArray();
        }
    }

    private final ViolationTexts violations;
    private final MessageSource messages;

    PurchasingForms(ViolationTexts violations, MessageSource messages) {
        this.violations = violations;
        this.messages = messages;
    }

    /**
     * The refusal by form field: {@code fieldOf} maps a module's field path to the form's field (null: above the form,
     * under {@code form}); a refusal without violations is under {@code form}, in words for a state it cannot leave.
     */
    Map<String, String> errors(OrdoException refused, UnaryOperator<String> fieldOf) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : refused.violations()) {
            String field = fieldOf.apply(v.field());
            errors.merge(field == null ? "form" : field, violations.of(v), (a, b) -> a + " " + b);
        }
        if (errors.isEmpty()) {
            errors.put("form", refusal(refused));
        }
        return errors;
    }

    /** A refusal without a field in words: a state change the purchase order's state does not allow, or the module's. */
    String refusal(OrdoException refused) {
        if ("illegal-transition".equals(refused.errorCode())) {
            Object current = refused.properties().get("currentState");
            return text("purchasing.error.state", state(String.valueOf(current)));
        }
        if ("replenishment-running".equals(refused.errorCode())) {
            return text("purchasing.error.running");
        }
        if (refused.kind() == OrdoException.Kind.NOT_FOUND) {
            return text("purchasing.error.notFound");
        }
        return violations.refusal(refused);
    }

    /** A purchase order's state as a word. */
    String state(String status) {
        try {
            return text("po.status." + PurchaseOrderStatus.valueOf(status).name());
        } catch (IllegalArgumentException e) {
            return status;
        }
    }

    static void status(OrdoException refused, HttpServletResponse response) {
        AdminForms.status(refused, response);
        if (refused.kind() == OrdoException.Kind.RULE_VIOLATED) {
            response.setStatus(422);
        }
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
