package org.ordo.customers.internal;

import java.util.Objects;
import org.ordo.customers.InvoicingPolicy;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

/** A customer's fields after validation (defaults applied): what gets written. */
record CustomerDraft(
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
        String group) {

    boolean sameAs(Customer c) {
        return name.equals(c.name())
                && Objects.equals(email, c.email())
                && Objects.equals(phone, c.phone())
                && Objects.equals(billingAddress, c.billingAddress())
                && Objects.equals(shippingAddress, c.shippingAddress())
                && currency.equals(c.currency())
                && creditLimit.equals(c.creditLimit())
                && paymentTermsDays == c.paymentTermsDays()
                && Objects.equals(preferredWarehouse, c.preferredWarehouse())
                && active == c.active()
                && invoicingPolicy == c.invoicingPolicy()
                && taxExempt == c.taxExempt()
                && Objects.equals(vatId, c.vatId())
                && language.equals(c.language())
                && Objects.equals(billingEmail, c.billingEmail())
                && Objects.equals(group, c.group());
    }
}
