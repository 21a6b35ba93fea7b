/**
 * Integration: the public events told to other systems. Every change that publishes a public event writes the event,
 * under its catalogue name ({@link org.ordo.integration.EventType}, docs/events.md), into an outbox in the same
 * transaction; a sender on any node posts it to the webhook subscriptions that want it, signed as Standard Webhooks, at
 * least once, in order per order, retrying for a day ({@link org.ordo.integration.Webhooks}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "fulfillment",
            "identity",
            "inventory",
            "invoicing",
            "orders",
            "platform",
            "purchasing",
            "returns",
            "shared"
        })
package org.ordo.integration;
