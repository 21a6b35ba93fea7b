package org.ordo.notifications.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ordo.customers.Customers;
import org.ordo.notifications.MessageKind;
import org.ordo.notifications.NotificationPreferences;
import org.ordo.notifications.NotificationRule;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's choices: optional kinds turned off ({@code notification_opt_out}), further recipients per kind
 * ({@code notification_recipient}) and the UBL attachment ({@code notification_setting}).
 */
@Component
class NotificationPreferenceService implements NotificationPreferences {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final Customers customers;

    NotificationPreferenceService(JdbcClient jdbc, Customers customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    /** Whether the customer gets this kind: always for a transactional one. */
    boolean wanted(UUID customerId, MessageKind kind) {
        return kind.transactional() || !off(customerId).contains(kind);
    }

    /** The addresses that get this kind besides the customer's own, in the order given. */
    List<String> additionalRecipients(UUID customerId, MessageKind kind) {
        return jdbc.sql("SELECT email FROM notification_recipient WHERE customer_id = ? AND kind = ? ORDER BY email")
                .params(customerId, kind.name())
                .query((rs, row) -> rs.getString("email"))
                .list();
    }

    @Override
    public boolean wantsUblInvoices(UUID customerId) {
        return jdbc.sql("SELECT wants_ubl_invoices FROM notification_setting WHERE customer_id = ?")
                .param(customerId)
                .query((rs, row) -> rs.getBoolean("wants_ubl_invoices"))
                .optional()
                .orElse(false);
    }

    @Override
    public List<Choice> of(UUID customerId) {
        Set<MessageKind> off = off(customerId);
        boolean ubl = wantsUblInvoices(customerId);
        return Arrays.stream(MessageKind.values())
                .filter(k -> !k.internal())
                .map(k -> new Choice(
                        k,
                        k.transactional(),
                        k.transactional() || !off.contains(k),
                        additionalRecipients(customerId, k),
                        attachments(k, ubl)))
                .toList();
    }

    private static List<String> attachments(MessageKind kind, boolean ubl) {
        return switch (kind) {
            case INVOICE_ISSUED -> ubl ? List.of("PDF", "UBL") : List.of("PDF");
            case PAYMENT_REMINDER, QUOTATION_SENT -> List.of("PDF");
            default -> List.of();
        };
    }

    @Override
    @Transactional
    public List<Choice> change(UUID customerId, Change change) {
        if (customers.find(customerId).isEmpty()) {
            throw OrdoException.notFound("Customer", customerId);
        }
        Map<MessageKind, List<String>> recipients = checked(change);
        if (change.off() != null) {
            jdbc.sql("DELETE FROM notification_opt_out WHERE customer_id = ?")
                    .param(customerId)
                    .update();
            for (MessageKind kind : change.off()) {
                jdbc.sql("INSERT INTO notification_opt_out (customer_id, kind) VALUES (?, ?)")
                        .params(customerId, kind.name())
                        .update();
            }
        }
        recipients.forEach((kind, emails) -> replaceRecipients(customerId, kind, emails));
        if (change.wantsUblInvoices() != null) {
            jdbc.sql("DELETE FROM notification_setting WHERE customer_id = ?")
                    .param(customerId)
                    .update();
            jdbc.sql("INSERT INTO notification_setting (customer_id, wants_ubl_invoices) VALUES (?, ?)")
                    .params(customerId, change.wantsUblInvoices())
                    .update();
        }
        return of(customerId);
    }

    /** The change's recipients trimmed, lower-cased and without repeats; a 400 with every problem found. */
    private static Map<MessageKind, List<String>> checked(Change change) {
        List<FieldViolation> refused = new ArrayList<>();
        if (change.off() != null) {
            change.off().stream()
                    .filter(MessageKind::transactional)
                    .sorted()
                    .forEach(k -> refused.add(NotificationRule.TRANSACTIONAL.at("off", k.name())));
        }
        Map<MessageKind, List<String>> recipients = new EnumMap<>(MessageKind.class);
        Map<MessageKind, List<String>> given =
                change.additionalRecipients() == null ? Map.of() : change.additionalRecipients();
        for (Map.Entry<MessageKind, List<String>> entry : given.entrySet()) {
            String field = "additionalRecipients." + entry.getKey().name();
            if (entry.getKey().internal()) {
                refused.add(CommonRule.ONE_OF.at("additionalRecipients", customerKinds()));
                continue;
            }
            Set<String> emails = new LinkedHashSet<>();
            for (String email : entry.getValue() == null ? List.<String>of() : entry.getValue()) {
                String trimmed = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
                if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
                    refused.add(NotificationRule.EMAIL.at(field));
                } else {
                    emails.add(trimmed);
                }
            }
            if (emails.size() > MAX_RECIPIENTS) {
                refused.add(NotificationRule.TOO_MANY.at(field, MAX_RECIPIENTS));
            }
            recipients.put(entry.getKey(), List.copyOf(emails));
        }
        if (!refused.isEmpty()) {
            throw OrdoException.invalid(refused);
        }
        return recipients;
    }

    /** The kinds a customer chooses: every kind but the internal ones. */
    static List<MessageKind> customerKinds() {
        return Arrays.stream(MessageKind.values()).filter(k -> !k.internal()).toList();
    }

    private void replaceRecipients(UUID customerId, MessageKind kind, List<String> emails) {
        jdbc.sql("DELETE FROM notification_recipient WHERE customer_id = ? AND kind = ?")
                .params(customerId, kind.name())
                .update();
        for (String email : emails) {
            jdbc.sql("INSERT INTO notification_recipient (customer_id, kind, email) VALUES (?, ?, ?)")
                    .params(customerId, kind.name(), email)
                    .update();
        }
    }

    private Set<MessageKind> off(UUID customerId) {
        Set<MessageKind> off = new HashSet<>();
        jdbc.sql("SELECT kind FROM notification_opt_out WHERE customer_id = ?")
                .param(customerId)
                .query((rs, row) -> rs.getString("kind"))
                .list()
                .forEach(k -> off.add(MessageKind.valueOf(k)));
        return off;
    }
}
