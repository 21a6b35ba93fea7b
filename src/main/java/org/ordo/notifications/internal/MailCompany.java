package org.ordo.notifications.internal;

import org.springframework.boot.context.properties.bind.DefaultValue;

/** The company as the messages sign them ({@code ordo.company.*}, the same settings the invoices print). */
record MailCompany(
        @DefaultValue("Ordo Demo GmbH") String name,
        @DefaultValue("Musterstraße 1") String line1,
        @DefaultValue("Berlin") String city,
        @DefaultValue("10115") String postalCode,
        @DefaultValue("DE") String country,
        @DefaultValue("billing@ordo.example") String email,
        String phone) {}
