package org.ordo.customers;

import org.ordo.shared.Address;
import org.ordo.shared.Money;

import java.util.UUID;

/**
 * A customer as it is now. {@code creditLimit} is in {@code currency} (ISO 4217); zero means no credit.
 * {@code email}, {@code billingAddress}, {@code shippingAddress} and {@code preferredWarehouse} (a warehouse code,
 * not checked against inventory) may be null.
 */
public record CustomerSnapshot(UUID id, String name, String email, Money creditLimit, String currency, int paymentTermsDays,
        Address billingAddress, Address shippingAddress, String preferredWarehouse, boolean active) {}
