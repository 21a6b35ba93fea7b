package org.ordo.fulfillment.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ordo.fulfillment.internal.FulfillmentProperties.Carrier;
import org.ordo.fulfillment.internal.FulfillmentProperties.RateBand;
import org.ordo.fulfillment.internal.FulfillmentProperties.Service;
import org.ordo.fulfillment.internal.FulfillmentProperties.Zone;
import org.ordo.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The configured carriers, checked once at start-up so that a mistake in the rate tables stops the application
 * instead of pricing a parcel wrongly.
 */
@Component
class Carriers {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final List<Carrier> carriers;
    private final FulfillmentProperties properties;

    Carriers(FulfillmentProperties properties) {
        this.properties = properties;
        this.carriers = properties.carriers();
        List<String> problems = problems(properties);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("ordo.fulfillment is misconfigured: " + String.join("; ", problems));
        }
    }

    List<Carrier> all() {
        return carriers;
    }

    Optional<Carrier> find(String code) {
        return carriers.stream().filter(c -> c.code().equalsIgnoreCase(code)).findFirst();
    }

    static Optional<Service> service(Carrier carrier, String code) {
        return carrier.services().stream()
                .filter(s -> s.code().equalsIgnoreCase(code))
                .findFirst();
    }

    int ssccExtensionDigit() {
        return properties.ssccExtensionDigit();
    }

    String ssccCompanyPrefix() {
        return properties.ssccCompanyPrefix();
    }

    /** What {@code GET /api/carriers} shows. */
    record CarrierView(
            String code, String name, TrackingFormat trackingFormat, List<Zone> zones, List<ServiceView> services) {}

    record ServiceView(String code, String name, String level, int transitDays, List<RateView> rates) {}

    record RateView(long upToGrams, Map<String, Money> prices) {}

    List<CarrierView> views() {
        List<CarrierView> views = new ArrayList<>();
        for (Carrier c : carriers) {
            List<ServiceView> services = new ArrayList<>();
            for (Service s : c.services()) {
                List<RateView> rates = new ArrayList<>();
                for (RateBand band : s.rates()) {
                    Map<String, Money> prices = new LinkedHashMap<>();
                    for (Zone zone : c.zones()) {
                        if (band.prices().containsKey(zone.name())) {
                            prices.put(
                                    zone.name(),
                                    Money.of(band.prices().get(zone.name()), c.currency())
                                            .rounded());
                        }
                    }
                    rates.add(new RateView(band.upToGrams(), prices));
                }
                services.add(new ServiceView(s.code(), s.name(), s.level(), s.transitDays(), rates));
            }
            views.add(new CarrierView(c.code(), c.name(), c.trackingFormat(), c.zones(), services));
        }
        return views;
    }

    static List<String> problems(FulfillmentProperties properties) {
        List<String> problems = new ArrayList<>();
        try {
            Sscc.requireValidPrefix(properties.ssccExtensionDigit(), properties.ssccCompanyPrefix());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        Set<String> codes = new HashSet<>();
        Set<String> currencies = new HashSet<>();
        for (Carrier c : properties.carriers()) {
            problems.addAll(carrierProblems(c, codes, currencies));
        }
        if (currencies.size() > 1) {
            problems.add("all carriers must price in one currency, so that their rates compare; found " + currencies);
        }
        return problems;
    }

    /** What is wrong with one carrier; adds its code to {@code codes} and its currency to {@code currencies}. */
    private static List<String> carrierProblems(Carrier c, Set<String> codes, Set<String> currencies) {
        List<String> problems = new ArrayList<>();
        String where = "carrier " + c.code();
        if (c.code() == null || !c.code().matches("[A-Z0-9_-]{1,32}")) {
            problems.add("carrier code " + c.code() + " must be 1 to 32 upper-case letters, digits, '-' or '_'");
        } else if (!codes.add(c.code())) {
            problems.add(where + " is listed twice");
        }
        if (c.name() == null || c.name().isBlank()) {
            problems.add(where + " needs a name");
        }
        try {
            Money.currency(c.currency());
            currencies.add(c.currency());
        } catch (IllegalArgumentException e) {
            problems.add(where + ": currency " + e.getMessage());
        }
        Set<String> zoneNames = new HashSet<>();
        for (Zone zone : c.zones()) {
            zoneNames.add(zone.name());
            for (String country : zone.countries()) {
                if (!country.equals("*") && !COUNTRIES.contains(country)) {
                    problems.add(
                            where + ", zone " + zone.name() + ": " + country + " is not an ISO 3166-1 alpha-2 code");
                }
            }
        }
        Set<String> serviceCodes = new HashSet<>();
        for (Service s : c.services()) {
            problems.addAll(serviceProblems(where + ", service " + s.code(), c, s, serviceCodes, zoneNames));
        }
        return problems;
    }

    /** What is wrong with one service of a carrier ({@code at} names it); adds its code to {@code serviceCodes}. */
    private static List<String> serviceProblems(
            String at, Carrier c, Service s, Set<String> serviceCodes, Set<String> zoneNames) {
        List<String> problems = new ArrayList<>();
        if (s.code() == null || !s.code().matches("[A-Z0-9_-]{1,32}") || !serviceCodes.add(s.code())) {
            problems.add(at + ": the code must be unique, 1 to 32 upper-case letters, digits, '-' or '_'");
        }
        if (s.transitDays() < 0) {
            problems.add(at + ": transit days must be 0 or more");
        }
        problems.addAll(trackingProblems(at, c, s));
        long previous = 0;
        for (RateBand band : s.rates()) {
            if (band.upToGrams() <= previous) {
                problems.add(at + ": weight bands must ascend");
            }
            previous = band.upToGrams();
            band.prices().forEach((zone, price) -> {
                if (!zoneNames.contains(zone)) {
                    problems.add(at + ": zone " + zone + " is not defined");
                }
                if (price == null || price.signum() < 0) {
                    problems.add(at + ": prices must be 0 or more");
                }
            });
        }
        return problems;
    }

    private static List<String> trackingProblems(String at, Carrier c, Service s) {
        List<String> problems = new ArrayList<>();
        switch (c.trackingFormat()) {
            case UPS_1Z -> {
                if (c.trackingAccount() == null || !c.trackingAccount().matches("[A-Z0-9]{6}")) {
                    problems.add(at + ": UPS numbers need a 6-character tracking account (shipper number)");
                }
                if (s.trackingCode() == null || !s.trackingCode().matches("[A-Z0-9]{2}")) {
                    problems.add(at + ": UPS numbers need a 2-character tracking code");
                }
            }
            case S10 -> {
                if (c.trackingAccount() == null || !COUNTRIES.contains(c.trackingAccount())) {
                    problems.add(at + ": S10 numbers need the country of origin as tracking account");
                }
                if (s.trackingCode() == null || !s.trackingCode().matches("[A-Z]{2}")) {
                    problems.add(at + ": S10 numbers need a 2-letter service indicator as tracking code");
                }
            }
            case DHL_EXPRESS, NONE -> {
                // nothing to configure
            }
        }
        return problems;
    }
}
