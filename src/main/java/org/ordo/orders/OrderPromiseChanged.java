package org.ordo.orders;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An open order's promised date moved after it was placed, because what is on its way in, stock or the backorder queue
 * changed ({@code from} and {@code to} are the order's promised dates before and after; {@code source} what the new
 * one rests on, e.g. a purchase order line, or null).
 */
public record OrderPromiseChanged(
        UUID orderId, String number, UUID customerId, LocalDate from, LocalDate to, String source) {}
