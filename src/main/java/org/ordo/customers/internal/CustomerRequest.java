package org.ordo.customers.internal;

import org.ordo.platform.MoneyInput;
import org.ordo.shared.Address;

/**
 * The body of {@code POST /api/customers} (and a partial update merged onto the current customer). Everything may be
 * missing here; {@link CustomerService} reports what is wrong, all at once.
 */
record CustomerRequest(
        String name,
        String email,
        String phone,
        Address billingAddress,
        Address shippingAddress,
        String currency,
        MoneyInput creditLimit,
        Integer paymentTermsDays,
        String preferredWarehouse,
        Boolean active,
        String invoicingPolicy,
        Boolean taxExempt,
        String vatId,
        String language,
        String billingEmail,
        String group) {

    static CustomerRequest of(Customer c) {
        return new CustomerRequest(
                c.name(),
                c.email(),
                c.phone(),
                c.billingAddress(),
                c.shippingAddress(),
                c.currency(),
                MoneyInput.of(c.creditLimit()),
                c.paymentTermsDays(),
                c.preferredWarehouse(),
                c.active(),
                c.invoicingPolicy().name(),
                c.taxExempt(),
                c.vatId(),
                c.language(),
                c.billingEmail(),
                c.group());
    }
}
