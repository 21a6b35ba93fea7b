package org.ordo.customers;

import org.ordo.shared.Address;
import org.ordo.shared.Money;

/**
 * Creating customers from Java, for data import and demos: the same validation, defaults and audit as
 * {@code POST /api/customers}, without HTTP.
 */
public interface CustomerAdmin {

    /**
     * Creates an active customer.
     *
     * @throws org.ordo.shared.OrdoException invalid fields (400, all at once)
     */
    CustomerSnapshot create(NewCustomer customer);

    /**
     * Everything but {@code name} and {@code currency} may be null: the credit limit then is zero, the payment terms
     * 30 days, and the shipping address the billing address.
     */
    record NewCustomer(String name, String email, String phone, Address billingAddress, Address shippingAddress, String currency,
            Money creditLimit, Integer paymentTermsDays, String preferredWarehouse) {}
}
