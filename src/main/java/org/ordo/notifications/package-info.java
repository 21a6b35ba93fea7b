/**
 * Notifications: e-mail to customers when things happen to their orders, shipments, invoices, payments and returns, and
 * when customer service replies on a case.
 * Listeners on the public events write each message, rendered in the customer's language, into an outbox after the
 * business transaction has committed; a sender on one node delivers the outbox over SMTP, retrying with a backoff, and
 * records on every message whether it is queued, sent or failed and why ({@link org.ordo.notifications.CustomerMessages}).
 * An event and a recipient make one message at most. Without {@code spring.mail.host} nothing is queued, unless
 * {@code ordo.notifications.log-only} (the demo profile) has the messages written as LOGGED and into the log. An order
 * on hold is an internal message to the staff user who placed it or the sales desk.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "customers",
            "fulfillment",
            "identity",
            "invoicing",
            "orders",
            "platform",
            "quotations",
            "returns",
            "service",
            "shared"
        })
package org.ordo.notifications;
