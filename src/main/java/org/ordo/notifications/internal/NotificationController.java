package org.ordo.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.notifications.CustomerMessages;
import org.ordo.notifications.MessageKind;
import org.ordo.notifications.NotificationPreferences;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/customers/{id}/messages} and {@code /notifications}: staff who see customers read any customer's, a
 * customer's own user only its own; ADMIN, SALES and the customer itself choose its optional messages.
 */
@RestController
@Tag(name = "Notifications")
class NotificationController {

    private final CustomerMessages messages;
    private final Customers customers;
    private final NotificationPreferences preferences;

    NotificationController(CustomerMessages messages, Customers customers, NotificationPreferences preferences) {
        this.messages = messages;
        this.customers = customers;
        this.preferences = preferences;
    }

    /**
     * The body of {@code PUT /api/customers/{id}/notifications}: the optional kinds the customer does not want, further
     * addresses per kind, and whether invoices carry the UBL XML; an absent part stays as it is ({@code off} absent
     * turns every kind on, as it always did).
     */
    record MessageOptOutRequest(
            List<String> off, Map<String, List<String>> additionalRecipients, Boolean wantsUblInvoices) {}

    @GetMapping("/api/customers/{id}/messages")
    @PreAuthorize("hasAnyRole('ADMIN','SALES','WAREHOUSE','ACCOUNTING','SUPPORT','CUSTOMER')")
    @Operation(
            summary = "The e-mails to a customer",
            description = "Newest first, with their delivery: QUEUED (waiting, or retrying after lastError), SENT, "
                    + "FAILED (given up; lastError says why), LOGGED (written to the log, no mail server). "
                    + "The customer's own user does not see the internal ones (ORDER_ON_HOLD, to the sales rep).")
    List<CustomerMessages.Message> messages(@PathVariable UUID id) {
        readable(id);
        List<CustomerMessages.Message> all = messages.of(id);
        return Actor.current().isCustomer()
                ? all.stream().filter(m -> !m.kind().internal()).toList()
                : all;
    }

    @GetMapping("/api/customers/{id}/notifications")
    @PreAuthorize("hasAnyRole('ADMIN','SALES','WAREHOUSE','ACCOUNTING','SUPPORT','CUSTOMER')")
    @Operation(
            summary = "Which e-mails a customer gets",
            description = "Every kind with transactional (always sent), enabled, additionalRecipients (who gets it "
                    + "besides the customer) and attachments (PDF, UBL).")
    List<NotificationPreferences.Choice> choices(@PathVariable UUID id) {
        readable(id);
        return preferences.of(id);
    }

    @PutMapping("/api/customers/{id}/notifications")
    @PreAuthorize("hasAnyRole('ADMIN','SALES','CUSTOMER')")
    @Operation(
            summary = "Turn a customer's optional e-mails off or on, add recipients, attach UBL to invoices",
            description = "off lists the optional kinds the customer does not want; every other kind is on. "
                    + "A transactional kind cannot be turned off (400, notification-transactional). "
                    + "additionalRecipients maps kinds to the addresses that get them too (at most 10 each; the "
                    + "kinds named are replaced). wantsUblInvoices attaches the UBL XML to invoice e-mails.")
    List<NotificationPreferences.Choice> choose(@PathVariable UUID id, @RequestBody MessageOptOutRequest request) {
        readable(id);
        MessageOptOutRequest given = request == null ? new MessageOptOutRequest(null, null, null) : request;
        List<FieldViolation> unknown = new ArrayList<>();
        Set<MessageKind> off = new HashSet<>();
        for (String name : given.off() == null ? List.<String>of() : given.off()) {
            kind("off", name, unknown).ifPresent(off::add);
        }
        Map<MessageKind, List<String>> recipients = null;
        if (given.additionalRecipients() != null) {
            recipients = new EnumMap<>(MessageKind.class);
            for (Map.Entry<String, List<String>> e :
                    given.additionalRecipients().entrySet()) {
                Optional<MessageKind> kind = kind("additionalRecipients", e.getKey(), unknown);
                if (kind.isPresent()) {
                    recipients.put(kind.get(), e.getValue() == null ? List.of() : e.getValue());
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw OrdoException.invalid(unknown);
        }
        return preferences.change(id, new NotificationPreferences.Change(off, recipients, given.wantsUblInvoices()));
    }

    /** A customer's kind by name; an unknown or internal one adds a violation. */
    private static Optional<MessageKind> kind(String field, String name, List<FieldViolation> unknown) {
        List<MessageKind> kinds = java.util.Arrays.stream(MessageKind.values())
                .filter(k -> !k.internal())
                .toList();
        Optional<MessageKind> found =
                kinds.stream().filter(k -> k.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            unknown.add(CommonRule.ONE_OF.at(field, kinds));
        }
        return found;
    }

    /** A customer's own user reads only its own customer; any other id is a 404 to it, as an unknown one is to all. */
    private void readable(UUID id) {
        Actor actor = Actor.current();
        if ((actor.isCustomer() && !id.equals(actor.customerId()))
                || customers.find(id).isEmpty()) {
            throw OrdoException.notFound("Customer", id);
        }
    }
}
