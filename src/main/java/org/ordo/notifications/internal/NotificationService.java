package org.ordo.notifications.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.notifications.CustomerMessages;
import org.ordo.notifications.MessageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes messages into the outbox: rendered in the recipient's language when queued, so the message sent is the one
 * the event described. Order messages go to the customer's e-mail, billing ones to its billing e-mail, and each also to
 * the customer's additional recipients of its kind. Nothing is written without a mail server ({@code spring.mail.host})
 * unless {@code ordo.notifications.log-only} asks for LOGGED messages, without an address or for a kind the customer
 * turned off; an event writes one message per recipient at most, however often it is delivered.
 */
@Component
class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    /** What a listener asks for; {@code attachment} is null or references such as {@code invoice-pdf:<invoice id>}. */
    record Request(
            MessageKind kind,
            String eventKey,
            UUID customerId,
            boolean billing,
            Map<String, Object> model,
            List<Object> subjectArgs,
            String attachment) {}

    /**
     * A message about a customer to one address, in its reader's language: the customer's own or a further recipient,
     * or (for an internal kind) one of the company's own people.
     */
    record Addressed(
            MessageKind kind,
            String eventKey,
            UUID customerId,
            String recipient,
            Locale language,
            Map<String, Object> model,
            List<Object> subjectArgs) {}

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
        CustomerMessages.Status status = status();
        if (status == null) {
            return;
        }
        CustomerSnapshot customer = customers.find(request.customerId()).orElse(null);
        if (customer == null || !preferences.wanted(customer.id(), request.kind())) {
            return;
        }
        Set<String> recipients = new LinkedHashSet<>();
        String own = request.billing() ? customer.billingRecipient() : customer.email();
        if (own != null) {
            recipients.add(own);
        }
        recipients.addAll(preferences.additionalRecipients(customer.id(), request.kind()));
        for (String recipient : recipients) {
            if (!store.exists(request.eventKey(), recipient)) {
                Map<String, Object> model = new HashMap<>(request.model());
                model.put("customer", customer);
                write(
                        new Addressed(
                                request.kind(),
                                request.eventKey(),
                                customer.id(),
                                recipient,
                                customer.locale(),
                                model,
                                request.subjectArgs()),
                        customer.language(),
                        request.attachment(),
                        status);
            }
        }
    }

    @Transactional
    void queue(Addressed message) {
        CustomerMessages.Status status = status();
        if (status == null || message.recipient() == null || store.exists(message.eventKey(), message.recipient())) {
            return;
        }
        write(message, message.language().toLanguageTag(), null, status);
    }

    /** QUEUED with a mail server, LOGGED without one when asked to, else null: nothing is written. */
    private CustomerMessages.Status status() {
        if (mail.getIfAvailable() != null) {
            return CustomerMessages.Status.QUEUED;
        }
        return properties.logOnly() ? CustomerMessages.Status.LOGGED : null;
    }

    private void write(Addressed message, String language, String attachment, CustomerMessages.Status status) {
        Map<String, Object> model = new HashMap<>(message.model());
        model.put("company", company);
        model.put("portalUrl", properties.portalUrl());
        MailRenderer.Rendered content =
                renderer.render(message.kind(), message.language(), model, message.subjectArgs());
        store.insert(
                new NotificationStore.Outgoing(
                        message.customerId(),
                        message.eventKey(),
                        message.kind(),
                        language,
                        message.recipient(),
                        content,
                        attachment,
                        status),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        if (status == CustomerMessages.Status.LOGGED) {
            log.info(
                    "E-mail logged, not sent (no mail server): {} to {}: {}",
                    message.kind(),
                    message.recipient(),
                    content.subject());
            log.debug("Text of the logged e-mail to {}:\n{}", message.recipient(), content.text());
        }
    }
}
