package org.ordo.orders;

import java.math.BigDecimal;
import java.util.UUID;

/** An order was accepted; {@code status} is PLACED, CONFIRMED or ON_HOLD. */
public record OrderPlaced(
        UUID orderId,
        String number,
        UUID customerId,
        String channel,
        OrderStatus status,
        BigDecimal total,
        String currency) {}
