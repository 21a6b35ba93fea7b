package org.ordo.purchasing.internal;

import org.springframework.boot.context.properties.bind.DefaultValue;

/** The buyer on a purchase order: the company of {@code ordo.company.*}, as invoices print it as the seller. */
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
