/**
 * EDI: trading partners send purchase orders as X12 850 or EDIFACT ORDERS; each becomes an order through the same
 * placement as the API, and is answered with a functional acknowledgement (997, CONTRL) and an order response (855,
 * ORDRSP). Every interchange is kept as received with its control numbers; a re-sent one is answered with its first
 * acknowledgement. A purchase order that cannot be placed waits for a person to map its items and process it again.
 * A partner that wants them gets a ship notice (856, DESADV) for every shipment of its orders
 * ({@link org.ordo.fulfillment.ShipmentShipped}) and an invoice (810, INVOIC) for every invoice issued
 * ({@link org.ordo.invoicing.InvoiceIssued}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "catalog",
            "customers",
            "fulfillment",
            "identity",
            "invoicing",
            "orders",
            "platform",
            "shared"
        })
package org.ordo.edi;
