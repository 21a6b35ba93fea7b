package org.ordo.fulfillment.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fulfilment settings ({@code ordo.fulfillment.*}).
 *
 * @param ssccExtensionDigit  first digit of every SSCC, 0–9
 * @param ssccCompanyPrefix   the shipper's GS1 company prefix (7–10 digits) in every SSCC
 * @param carriers            the carriers and services offered, with their rate tables
 */
record FulfillmentProperties(
        @DefaultValue("0") int ssccExtensionDigit,
        @DefaultValue("4012345") String ssccCompanyPrefix,
        List<Carrier> carriers) {

    FulfillmentProperties {
        carriers = carriers == null ? List.of() : List.copyOf(carriers);
    }

    /**
     * A carrier.
     *
     * @param code            stable key used in requests ({@code UPS})
     * @param trackingFormat  the format of its tracking numbers; supplied numbers are checked against it
     * @param trackingAccount the shipper number inside generated numbers (UPS: 6 characters) or the country of origin (S10)
     * @param currency        currency of its rate table
     * @param zones           destination zones by country, first match wins; {@code "*"} matches every country
     * @param webhookSecret   the secret the carrier signs its tracking events with; without one it can send none
     */
    record Carrier(
            String code,
            String name,
            @DefaultValue("NONE") TrackingFormat trackingFormat,
            String trackingAccount,
            @DefaultValue("EUR") String currency,
            List<Zone> zones,
            List<Service> services,
            String webhookSecret) {

        Carrier {
            zones = zones == null ? List.of() : List.copyOf(zones);
            services = services == null ? List.of() : List.copyOf(services);
        }
    }

    record Zone(String name, List<String> countries) {

        Zone {
            countries = countries == null ? List.of() : List.copyOf(countries);
        }
    }

    /**
     * A service of a carrier.
     *
     * @param level        what kind of service, e.g. ECONOMY, STANDARD, EXPRESS
     * @param transitDays  working days from hand-over to delivery
     * @param trackingCode the service's code inside generated tracking numbers (UPS: 2 characters; S10: the 2-letter service indicator)
     * @param rates        weight bands in ascending order; a parcel costs the price of the first band it fits
     */
    record Service(String code, String name, String level, int transitDays, String trackingCode, List<RateBand> rates) {

        Service {
            rates = rates == null ? List.of() : List.copyOf(rates);
        }
    }

    /** Prices per zone name for parcels up to {@code upToGrams}. */
    record RateBand(long upToGrams, Map<String, BigDecimal> prices) {

        RateBand {
            prices = prices == null ? Map.of() : Map.copyOf(prices);
        }
    }
}
