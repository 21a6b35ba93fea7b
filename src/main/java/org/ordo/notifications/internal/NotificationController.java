package org.ordo.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.notifications.CustomerMessages;
import org.ordo.shared.OrdoException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/customers/{id}/messages}: staff who see customers read any customer's, a customer's own user only its own. */
@RestController
@Tag(name = "Notifications")
class NotificationController {

    private final CustomerMessages messages;
    private final Customers customers;

    NotificationController(CustomerMessages messages, Customers customers) {
        this.messages = messages;
        this.customers = customers;
    }

    @GetMapping("/api/customers/{id}/messages")
    @PreAuthorize("hasAnyRole('ADMIN','SALES','WAREHOUSE','ACCOUNTING','SUPPORT','CUSTOMER')")
    @Operation(
            summary = "The e-mails to a customer",
            description = "Newest first, with their delivery: QUEUED (waiting, or retrying after lastError), SENT, "
                    + "FAILED (given up; lastError says why).")
    List<CustomerMessages.Message> messages(@PathVariable UUID id) {
        Actor actor = Actor.current();
        if ((actor.isCustomer() && !id.equals(actor.customerId()))
                || customers.find(id).isEmpty()) {
            throw OrdoException.notFound("Customer", id);
        }
        return messages.of(id);
    }
}
