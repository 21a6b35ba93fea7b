package org.ordo.notifications.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ordo.customers.Customers;
import org.ordo.notifications.MessageKind;
import org.ordo.notifications.NotificationPreferences;
import org.ordo.notifications.NotificationRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The customer's choice of optional messages, table {@code notification_opt_out}. */
@Component
class NotificationPreferenceService implements NotificationPreferences {

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

    @Override
    public List<Choice> of(UUID customerId) {
        Set<MessageKind> off = off(customerId);
        return Arrays.stream(MessageKind.values())
                .map(k -> new Choice(k, k.transactional(), k.transactional() || !off.contains(k)))
                .toList();
    }

    @Override
    @Transactional
    public List<Choice> set(UUID customerId, Set<MessageKind> off) {
        if (customers.find(customerId).isEmpty()) {
            throw OrdoException.notFound("Customer", customerId);
        }
        List<FieldViolation> refused = off.stream()
                .filter(MessageKind::transactional)
                .sorted()
                .map(k -> NotificationRule.TRANSACTIONAL.at("off", k.name()))
                .toList();
        if (!refused.isEmpty()) {
            throw OrdoException.invalid(refused);
        }
        jdbc.sql("DELETE FROM notification_opt_out WHERE customer_id = ?")
                .param(customerId)
                .update();
        for (MessageKind kind : off) {
            jdbc.sql("INSERT INTO notification_opt_out (customer_id, kind) VALUES (?, ?)")
                    .params(customerId, kind.name())
                    .update();
        }
        return of(customerId);
    }

    private Set<MessageKind> off(UUID customerId) {
        Set<MessageKind> off = new HashSet<>();
        jdbc.sql("SELECT kind FROM notification_opt_out WHERE customer_id = ?")
                .param(customerId)
                .query(String.class)
                .list()
                .forEach(k -> off.add(MessageKind.valueOf(k)));
        return off;
    }
}
