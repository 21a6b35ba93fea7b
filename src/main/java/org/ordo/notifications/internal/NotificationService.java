package org.ordo.notifications.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.notifications.MessageKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes messages into the outbox: rendered in the customer's language when queued, so the message sent is the one
 * the event described. Order messages go to the customer's e-mail, billing ones to its billing e-mail. Nothing is
 * queued without a mail server ({@code spring.mail.host}), without an address or for a kind the customer turned off, and an event queues one message per
 * recipient at most, however often it is delivered.
 */
@Component
class NotificationService {

    /** What a listener asks for; {@code attachment} is null or {@code invoice-pdf:<invoice id>}. */
    record Request(
            MessageKind kind,
            String eventKey,
            UUID customerId,
            boolean billing,
            Map<String, Object> model,
            List<Object> subjectArgs,
            String attachment) {}

    private final NotificationStore store;
    private final MailRenderer renderer;
    private final Customers customers;
    private final ObjectProvider<JavaMailSender> mail;
    private final MailCompany company;
    private final NotificationProperties properties;
    private final NotificationPreferenceService preferences;

    NotificationService(
            NotificationStore store,
            MailRenderer renderer,
            Customers customers,
            ObjectProvider<JavaMailSender> mail,
            MailCompany company,
            NotificationProperties properties,
            NotificationPreferenceService preferences) {
        this.store = store;
        this.renderer = renderer;
        this.customers = customers;
        this.mail = mail;
        this.company = company;
        this.properties = properties;
        this.preferences = preferences;
    }

    @Transactional
    void queue(Request request) {
        if (mail.getIfAvailable() == null) {
            return;
        }
        CustomerSnapshot customer = customers.find(request.customerId()).orElse(null);
        if (customer == null || !preferences.wanted(customer.id(), request.kind())) {
            return;
        }
        String recipient = request.billing() ? customer.billingRecipient() : customer.email();
        if (recipient == null || store.exists(request.eventKey(), recipient)) {
            return;
        }
        Map<String, Object> model = new HashMap<>(request.model());
        model.put("customer", customer);
        model.put("company", company);
        model.put("portalUrl", properties.portalUrl());
        MailRenderer.Rendered content =
                renderer.render(request.kind(), customer.locale(), model, request.subjectArgs());
        store.insert(
                new NotificationStore.Outgoing(
                        customer.id(),
                        request.eventKey(),
                        request.kind(),
                        customer.language(),
                        recipient,
                        content,
                        request.attachment()),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
