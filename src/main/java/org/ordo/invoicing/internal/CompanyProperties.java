package org.ordo.invoicing.internal;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The seller on every invoice ({@code ordo.company.*}). Copied onto each invoice when it is written, so a later change
 * of address or bank account never alters an issued document. {@code vatId} is required by EN 16931 whenever VAT is
 * charged or an exemption applies; {@code iban} is the account customers pay to (SEPA credit transfer).
 */
record CompanyProperties(
        @DefaultValue("Ordo Demo GmbH") String name,
        @DefaultValue("Musterstraße 1") String line1,
        String line2,
        @DefaultValue("Berlin") String city,
        String region,
        @DefaultValue("10115") String postalCode,
        @DefaultValue("DE") String country,
        @DefaultValue("DE123456789") String vatId,

        @DefaultValue("HRB 123456 B, Amtsgericht Charlottenburg")
        String registration,

        @DefaultValue("DE89370400440532013000") String iban,
        @DefaultValue("COBADEFFXXX") String bic,
        @DefaultValue("billing@ordo.example") String email,
        String phone) {}
