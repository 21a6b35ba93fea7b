package org.ordo.quotations.internal;

import org.springframework.boot.context.properties.bind.DefaultValue;

/** The seller on a quotation: the company of {@code ordo.company.*}, as invoices print it. */
record CompanyDetails(
        @DefaultValue("Ordo Demo GmbH") String name,
        @DefaultValue("Musterstraße 1") String line1,
        String line2,
        @DefaultValue("Berlin") String city,
        String region,
        @DefaultValue("10115") String postalCode,
        @DefaultValue("DE") String country,
        @DefaultValue("DE123456789") String vatId,
        @DefaultValue("billing@ordo.example") String email,
        String phone) {}
