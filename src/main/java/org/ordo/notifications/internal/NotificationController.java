package org.ordo.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /** The body of {@code PUT /api/customers/{id}/notifications}: the optional kinds the customer does not want. */
    record MessageOptOutRequest(List<String> off) {}

    @GetMapping("/api/customers/{id}/messages")
    @PreAuthorize("hasAnyRole('ADMIN','SALES','WAREHOUSE','ACCOUNTING','SUPPORT','CUSTOMER')")
    @Operation(
            summary = "The e-mails to a customer",
            description = "Newest first, with their delivery: QUEUED (waiting, or retrying after lastError), SENT, "
                    + "FAILED (given up; lastError says why).")
    List<CustomerMessages.Message> messages(@PathVariable UUID id) {
        readable(id);
        return messages.of(id);
    }

    @GetMapping("/api/customers/{id}/notifications")
    @PreAuthorize("hasAnyRole('ADMIN','SALES','WAREHOUSE','ACCOUNTING','SUPPORT','CUSTOMER')")
    @Operation(
            summary = "Which e-mails a customer gets",
            description = "Every kind with transactional (always sent) and enabled.")
    List<NotificationPreferences.Choice> choices(@PathVariable UUID id) {
        readable(id);
        return preferences.of(id);
    }

    @PutMapping("/api/customers/{id}/notifications")
    @PreAuthorize("hasAnyRole('ADMIN','SALES','CUSTOMER')")
    @Operation(
            summary = "Turn a customer's optional e-mails off or on",
            description = "off lists the optional kinds the customer does not want; every other kind is on. "
                    + "A transactional kind cannot be turned off (400, notification-transactional).")
    List<NotificationPreferences.Choice> choose(@PathVariable UUID id, @RequestBody MessageOptOutRequest request) {
        readable(id);
        Set<MessageKind> off = new HashSet<>();
        List<FieldViolation> unknown = new ArrayList<>();
        for (String name : request == null || request.off() == null ? List.<String>of() : request.off()) {
            try {
                off.add(MessageKind.valueOf(name));
            } catch (IllegalArgumentException | NullPointerException e) {
                unknown.add(CommonRule.ONE_OF.at("off", List.of(MessageKind.values())));
            }
        }
        if (!unknown.isEmpty()) {
            throw OrdoException.invalid(unknown);
        }
        return preferences.set(id, off);
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
