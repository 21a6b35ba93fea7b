package org.ordo.customers;

import java.util.UUID;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

/**
 * A customer as it is now. {@code number} is its human number, {@code CUS-000123}, given at creation and never changed
 * (not personal data: it stays when the customer is erased). {@code creditLimit} is in {@code currency} (ISO 4217); zero means no credit.
 * {@code email}, {@code billingAddress}, {@code shippingAddress} and {@code preferredWarehouse} (a warehouse code,
 * not checked against inventory) may be null. {@code vatId} (the buyer's VAT identifier, e.g. {@code DE123456789}) may be
 * null; a {@code taxExempt} customer is invoiced at 0 % with an exemption reason.
 */
public record CustomerSnapshot(
        UUID id,
        String number,
        String name,
        String email,
        Money creditLimit,
        String currency,
        int paymentTermsDays,
        Address billingAddress,
        Address shippingAddress,
        String preferredWarehouse,
        boolean active,
        InvoicingPolicy invoicingPolicy,
        boolean taxExempt,
        String vatId) {}
