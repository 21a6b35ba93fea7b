/**
 * Customer service cases: an inquiry, complaint, change request or delivery problem of a customer, raised by staff, by
 * the customer in the portal or by a carrier's delivery exception ({@link org.ordo.fulfillment.DeliveryExceptionReported},
 * one case per exception), optionally about one of its orders and that order's shipment, invoice or return. A case
 * is assigned to a staff user, has targets for its first response and its resolution by type
 * ({@code ordo.service.targets.*}) and a conversation of staff replies, customer replies and internal notes. A staff
 * reply publishes {@link org.ordo.service.CaseReplied}, which the notifications module e-mails. The state table is
 * {@link org.ordo.service.CaseStatus}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "customers",
            "fulfillment",
            "identity",
            "invoicing",
            "orders",
            "platform",
            "returns",
            "shared"
        })
package org.ordo.service;
