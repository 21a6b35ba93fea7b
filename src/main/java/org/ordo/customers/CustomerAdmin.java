package org.ordo.customers;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
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
     * 30 days, and the shipping address the billing address. {@code group} (e.g. Wholesale) may be null.
     */
    record NewCustomer(
            String name,
            String email,
            String phone,
            Address billingAddress,
            Address shippingAddress,
            String currency,
            Money creditLimit,
            Integer paymentTermsDays,
            String preferredWarehouse,
            String group) {

        /** A customer of no group. */
        public NewCustomer(
                String name,
                String email,
                String phone,
                Address billingAddress,
                Address shippingAddress,
                String currency,
                Money creditLimit,
                Integer paymentTermsDays,
                String preferredWarehouse) {
            this(
                    name,
                    email,
                    phone,
                    billingAddress,
                    shippingAddress,
                    currency,
                    creditLimit,
                    paymentTermsDays,
                    preferredWarehouse,
                    null);
        }
    }

    /**
     * Customers whose number is {@code q} or whose name or e-mail contains it (any case; null or blank for all), ordered
     * by name.
     */
    PageResult<CustomerDetails> search(String q, Paging paging);

    /** One customer with everything an administrator edits, including its version. */
    Optional<CustomerDetails> details(UUID id);

    /**
     * Creates a customer from what an administrator entered, with the same validation, defaults and audit as the API.
     *
     * @throws org.ordo.shared.OrdoException invalid fields (400, all at once, named as in {@code POST /api/customers},
     *         e.g. {@code billingAddress.city} or {@code creditLimit.amount})
     */
    CustomerDetails create(CustomerInput customer);

    /**
     * Replaces the customer's fields if it is still at {@code expectedVersion}. Unchanged fields make no new version and
     * no audit entry. For ADMIN and SALES.
     *
     * @throws org.ordo.shared.OrdoException stale (412) when someone else changed it meanwhile, invalid fields (400),
     *         forbidden (403), not found (404)
     */
    CustomerDetails update(UUID id, long expectedVersion, CustomerInput customer);

    /** A customer as an administrator edits it; what may be null is as in {@link CustomerSnapshot}, and {@code phone}. */
    record CustomerDetails(
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
            String group) {}

    /**
     * What an administrator entered; the credit limit as typed. A null shipping address is the billing address; null
     * payment terms are 30 days, a null invoicing policy is {@link InvoicingPolicy#ON_SHIPMENT} and a null language
     * English. {@code group} may be null.
     */
    record CustomerInput(
            String name,
            String email,
            String phone,
            Address billingAddress,
            Address shippingAddress,
            String currency,
            MoneyInput creditLimit,
            Integer paymentTermsDays,
            String preferredWarehouse,
            boolean active,
            InvoicingPolicy invoicingPolicy,
            boolean taxExempt,
            String vatId,
            String language,
            String billingEmail,
            String group) {

        /** What an administrator entered for a customer of no group. */
        public CustomerInput(
                String name,
                String email,
                String phone,
                Address billingAddress,
                Address shippingAddress,
                String currency,
                MoneyInput creditLimit,
                Integer paymentTermsDays,
                String preferredWarehouse,
                boolean active,
                InvoicingPolicy invoicingPolicy,
                boolean taxExempt,
                String vatId,
                String language,
                String billingEmail) {
            this(
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
                    null);
        }
    }
}
