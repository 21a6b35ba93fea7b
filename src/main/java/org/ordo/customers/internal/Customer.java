package org.ordo.customers.internal;

import java.time.Instant;
import java.util.UUID;
import org.ordo.customers.CustomerAdmin;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.InvoicingPolicy;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

/** A customer as the API shows it and as the audit trail records it. */
record Customer(
        UUID id,
        String number,
        String name,
        String email,
        String phone,
        Address billingAddress,
        Address shippingAddress,
        String currency,
        Money creditLimit,
        int paymentTermsDays,
        String preferredWarehouse,
        boolean active,
        InvoicingPolicy invoicingPolicy,
        boolean taxExempt,
        String vatId,
        String language,
        String billingEmail,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String group) {

    CustomerAdmin.CustomerDetails details() {
        return new CustomerAdmin.CustomerDetails(
                id,
                number,
                name,
                email,
                phone,
                billingAddress,
                shippingAddress,
                currency,
                creditLimit,
                paymentTermsDays,
                preferredWarehouse,
                active,
                invoicingPolicy,
                taxExempt,
                vatId,
                language,
                billingEmail,
                version,
                createdAt,
                updatedAt,
                group);
    }

    CustomerSnapshot snapshot() {
        return new CustomerSnapshot(
                id,
                number,
                name,
                email,
                creditLimit,
                currency,
                paymentTermsDays,
                billingAddress,
                shippingAddress,
                preferredWarehouse,
                active,
                invoicingPolicy,
                taxExempt,
                vatId,
                language,
                billingEmail,
                group);
    }
}
