package org.ordo.fulfillment.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ordo.fulfillment.internal.FulfillmentProperties.Carrier;
import org.ordo.fulfillment.internal.FulfillmentProperties.RateBand;
import org.ordo.fulfillment.internal.FulfillmentProperties.Service;
import org.ordo.fulfillment.internal.FulfillmentProperties.Zone;
import org.ordo.shared.Money;

/** Prices and delivery dates of the carriers' services for one parcel, and the choice among them. Pure. */
final class ShippingRates {

    private ShippingRates() {}

    /**
     * One way to send the parcel. {@code meetsPromisedDate} is true when the order has no promised date or the
     * expected delivery is on or before it.
     */
    record Option(
            String carrier,
            String carrierName,
            String service,
            String serviceName,
            String serviceLevel,
            String zone,
            Money price,
            int transitDays,
            LocalDate expectedDeliveryDate,
            boolean meetsPromisedDate) {}

    /** Every service that takes a parcel of this weight to this country, cheapest first. */
    static List<Option> options(
            List<Carrier> carriers, String country, long weightGrams, LocalDate shipDate, LocalDate promisedDate) {
        List<Option> options = new ArrayList<>();
        for (Carrier carrier : carriers) {
            Optional<Zone> zone = zone(carrier, country);
            if (zone.isEmpty()) {
                continue;
            }
            for (Service service : carrier.services()) {
                Optional<RateBand> band = service.rates().stream()
                        .filter(b -> weightGrams <= b.upToGrams())
                        .findFirst();
                if (band.isEmpty()
                        || !band.get().prices().containsKey(zone.get().name())) {
                    continue;
                }
                Money price = Money.of(band.get().prices().get(zone.get().name()), carrier.currency())
                        .rounded();
                LocalDate delivery = addWorkingDays(shipDate, service.transitDays());
                options.add(new Option(
                        carrier.code(),
                        carrier.name(),
                        service.code(),
                        service.name(),
                        service.level(),
                        zone.get().name(),
                        price,
                        service.transitDays(),
                        delivery,
                        promisedDate == null || !delivery.isAfter(promisedDate)));
            }
        }
        options.sort(CHEAPEST);
        return options;
    }

    private static final Comparator<Option> CHEAPEST = Comparator.comparing(
                    (Option o) -> o.price().amount())
            .thenComparing(Option::expectedDeliveryDate)
            .thenComparing(Option::carrier)
            .thenComparing(Option::service);

    private static final Comparator<Option> FASTEST = Comparator.comparing(Option::expectedDeliveryDate)
            .thenComparing(o -> o.price().amount())
            .thenComparing(Option::carrier)
            .thenComparing(Option::service);

    /** The cheapest option that arrives by the promised date; when none does, the fastest (cheapest among equally fast). */
    static Optional<Option> choose(List<Option> options) {
        Optional<Option> inTime =
                options.stream().filter(Option::meetsPromisedDate).min(CHEAPEST);
        return inTime.isPresent() ? inTime : options.stream().min(FASTEST);
    }

    static Optional<Zone> zone(Carrier carrier, String country) {
        for (Zone zone : carrier.zones()) {
            if (zone.countries().contains(country)) {
                return Optional.of(zone);
            }
        }
        return carrier.zones().stream().filter(z -> z.countries().contains("*")).findFirst();
    }

    /** Working days (Monday to Friday) after {@code date}; 0 is the same day. */
    static LocalDate addWorkingDays(LocalDate date, int days) {
        LocalDate result = date;
        for (int i = 0; i < days; i++) {
            result = result.plusDays(1);
            while (result.getDayOfWeek() == DayOfWeek.SATURDAY || result.getDayOfWeek() == DayOfWeek.SUNDAY) {
                result = result.plusDays(1);
            }
        }
        return result;
    }
}
