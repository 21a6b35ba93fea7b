package org.ordo.orders;

/** The state of one order line, derived from its quantities. */
public enum LineStatus {
    /** Nothing reserved or backordered yet. */
    OPEN,
    /** All of the open quantity is reserved. */
    RESERVED,
    /** Some or all of the open quantity waits for stock. */
    BACKORDERED,
    /** Assigned to a shipment. */
    ALLOCATED,
    PICKED,
    PACKED,
    SHIPPED,
    DELIVERED,
    /** All of it cancelled. */
    CANCELLED,
    /** Shipped and (partly) returned. */
    RETURNED
}
