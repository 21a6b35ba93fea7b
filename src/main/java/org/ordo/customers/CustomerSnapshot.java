package org.ordo.customers;

import java.util.UUID;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

/**
 * A customer as it is now. {@code number} is its human number, {@code CUS-000123}, given at creation and never changed
 * (not personal data: it stays when the customer is erased). {@code creditLimit} is in {@code currency} (ISO 4217); zero means no credit.
 * {@code email}, {@code billingAddress}, {@code shippingAddress} and {@code preferredWarehouse} (a warehouse code,
 * not checked against inventory) may be null. {@code vatId} (the buyer's VAT identifier, e.g. {@code DE123456789}) may be
 * null; a {@code taxExempt} customer is invoiced at 0 % with an exemption reason. {@code language} ({@code en} or
 * {@code zh-CN}) is the language of its letters and messages; {@code billingEmail} (may be null) receives invoices and
 * reminders instead of {@code email}. {@code group} (e.g. Wholesale, may be null) is the customer group price lists may be
 * assigned to.
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
        String vatId,
        String language,
        String billingEmail,
        String group) {

    /** A customer of no group. */
    public CustomerSnapshot(
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
            String vatId,
            String language,
            String billingEmail) {
        this(
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
                null);
    }

    /** Where invoices, reminders and payment messages go: the billing e-mail, else the customer's e-mail (null if none). */
    public String billingRecipient() {
        return billingEmail != null ? billingEmail : email;
    }

    /** The customer's language as a locale (en or zh-CN). */
    public java.util.Locale locale() {
        return java.util.Locale.forLanguageTag(language);
    }
}
