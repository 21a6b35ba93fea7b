package org.ordo.notifications;

import org.ordo.shared.FieldRule;

/** Rules of the customer's choice of messages. */
public enum NotificationRule implements FieldRule {
    TRANSACTIONAL("notification-transactional", "is a message the customer always gets and cannot be turned off"),
    EMAIL("notification-email", "must be an e-mail address"),
    TOO_MANY("notification-too-many", "may name at most {0} recipients");

    private final String code;
    private final String message;

    NotificationRule(String code, String message) {
        this.code = code;
        this.message = message;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String message() {
        return message;
    }
}
