/**
 * Shipments from reserved stock: planning (split by warehouse), pick lists, packing verified by scan, shipping with
 * carrier, service, tracking number and labels, tracking events and delivery.
 */
package org.ordo.fulfillment;
