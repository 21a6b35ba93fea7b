package org.ordo.invoicing.internal;

import org.ordo.shared.Address;

/**
 * Seller or buyer as printed on a document. For the buyer {@code registration}, {@code iban}, {@code bic} and
 * {@code phone} are null; {@code vatId} and {@code email} may be null for either.
 */
record Party(
        String name,
        Address address,
        String vatId,
        String registration,
        String iban,
        String bic,
        String email,
        String phone) {}
