package org.ordo.orders;

import java.util.UUID;

/** An order moved from one state to another (hold, release, confirm, cancel, ...). */
public record OrderStatusChanged(UUID orderId, String number, OrderStatus from, OrderStatus to, String reason) {}
