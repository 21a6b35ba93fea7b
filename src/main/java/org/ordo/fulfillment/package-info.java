/**
 * Shipments from reserved stock: planning (one shipment per warehouse the order's stock is reserved in), pick
 * lists walked by bin location, packing verified by scan with an SSCC-18 per package, shipping with configured
 * carriers, services and rate tables ({@code ordo.fulfillment.carriers}), tracking numbers checked or generated
 * with the carrier's check digit, labels and packing slips as PDF, tracking events up to delivery. Shipping
 * ships the quantities on the order ({@link org.ordo.orders.OrderFulfillment}) and publishes
 * {@link org.ordo.fulfillment.ShipmentShipped}; a cancelled order's open shipments are cancelled.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "identity", "inventory", "orders", "platform", "shared"})
package org.ordo.fulfillment;
