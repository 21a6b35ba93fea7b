package org.ordo.fulfillment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordo.fulfillment.internal.FulfillmentProperties.Carrier;
import org.ordo.fulfillment.internal.FulfillmentProperties.RateBand;
import org.ordo.fulfillment.internal.FulfillmentProperties.Service;
import org.ordo.fulfillment.internal.FulfillmentProperties.Zone;

/** Rates by weight band × zone, delivery dates in working days, and the choice of service. */
class ShippingRatesTests {

    /** A Monday. */
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

    static final List<Zone> ZONES = List.of(
            new Zone("HOME", List.of("DE")), new Zone("EU", List.of("FR", "AT")), new Zone("WORLD", List.of("*")));

    static Service service(String code, int transitDays, String homePrice, String heavyHomePrice) {
        return new Service(
                code,
                code,
                code,
                transitDays,
                null,
                List.of(
                        new RateBand(2000, Map.of("HOME", new BigDecimal(homePrice), "EU", new BigDecimal("20.00"))),
                        new RateBand(10000, Map.of("HOME", new BigDecimal(heavyHomePrice)))));
    }

    static final List<Carrier> CARRIERS = List.of(
            new Carrier(
                    "SLOW",
                    "Slow Post",
                    TrackingFormat.NONE,
                    null,
                    "EUR",
                    ZONES,
                    List.of(service("ECONOMY", 5, "4.00", "6.00")),
                    null),
            new Carrier(
                    "FAST",
                    "Fast Parcel",
                    TrackingFormat.NONE,
                    null,
                    "EUR",
                    ZONES,
                    List.of(service("STANDARD", 3, "7.00", "9.00"), service("EXPRESS", 1, "19.00", "29.00")),
                    null),
            new Carrier(
                    "JET",
                    "Jet Courier",
                    TrackingFormat.NONE,
                    null,
                    "EUR",
                    ZONES,
                    List.of(service("NEXTDAY", 1, "15.00", "35.00")),
                    null));

    @Test
    void choosesTheCheapestServiceThatArrivesByThePromisedDate() {
        LocalDate promised = MONDAY.plusDays(3); // Thursday: 3 working days

        List<ShippingRates.Option> options = ShippingRates.options(CARRIERS, "DE", 500, MONDAY, promised);

        assertThat(options)
                .extracting(ShippingRates.Option::service)
                .containsExactly("ECONOMY", "STANDARD", "NEXTDAY", "EXPRESS");
        assertThat(options.get(0).meetsPromisedDate()).isFalse();
        assertThat(ShippingRates.choose(options))
                .get()
                .extracting(ShippingRates.Option::service)
                .isEqualTo("STANDARD");
    }

    @Test
    void aTighterPromiseTakesTheCheapestFastService() {
        List<ShippingRates.Option> options = ShippingRates.options(CARRIERS, "DE", 500, MONDAY, MONDAY.plusDays(1));

        assertThat(ShippingRates.choose(options))
                .get()
                .extracting(ShippingRates.Option::carrier, ShippingRates.Option::service)
                .containsExactly("JET", "NEXTDAY");
    }

    @Test
    void whenNothingArrivesInTimeTheFastestIsTakenCheapestFirst() {
        List<ShippingRates.Option> options = ShippingRates.options(CARRIERS, "DE", 500, MONDAY, MONDAY);

        assertThat(options).noneMatch(ShippingRates.Option::meetsPromisedDate);
        assertThat(ShippingRates.choose(options))
                .get()
                .extracting(ShippingRates.Option::service)
                .isEqualTo("NEXTDAY");
    }

    @Test
    void withoutAPromisedDateTheCheapestWins() {
        assertThat(ShippingRates.choose(ShippingRates.options(CARRIERS, "DE", 500, MONDAY, null)))
                .get()
                .extracting(ShippingRates.Option::service)
                .isEqualTo("ECONOMY");
    }

    @Test
    void theWeightBandAndTheZoneSetThePrice() {
        List<ShippingRates.Option> heavy = ShippingRates.options(CARRIERS, "DE", 2001, MONDAY, null);
        assertThat(heavy)
                .filteredOn(o -> o.service().equals("STANDARD"))
                .singleElement()
                .satisfies(o -> assertThat(o.price().amountText()).isEqualTo("9.00"));

        List<ShippingRates.Option> toFrance = ShippingRates.options(CARRIERS, "FR", 2000, MONDAY, null);
        assertThat(toFrance).allSatisfy(o -> assertThat(o.zone()).isEqualTo("EU"));
        assertThat(toFrance).allSatisfy(o -> assertThat(o.price().amountText()).isEqualTo("20.00"));

        // no band prices the world zone, and nothing takes more than 10 kg
        assertThat(ShippingRates.options(CARRIERS, "US", 500, MONDAY, null)).isEmpty();
        assertThat(ShippingRates.options(CARRIERS, "DE", 10001, MONDAY, null)).isEmpty();
    }

    @Test
    void deliveryDatesSkipWeekends() {
        LocalDate friday = MONDAY.plusDays(4);
        assertThat(ShippingRates.addWorkingDays(friday, 1)).isEqualTo(MONDAY.plusDays(7));
        assertThat(ShippingRates.addWorkingDays(MONDAY, 5)).isEqualTo(MONDAY.plusDays(7));
        assertThat(ShippingRates.addWorkingDays(MONDAY, 0)).isEqualTo(MONDAY);
    }

    @Test
    void theConfiguredRateTablesAreChecked() {
        Carrier broken = new Carrier(
                "UPS",
                "UPS",
                TrackingFormat.UPS_1Z,
                "short",
                "EUR",
                ZONES,
                List.of(new Service(
                        "STANDARD",
                        "Standard",
                        "STANDARD",
                        3,
                        "1",
                        List.of(
                                new RateBand(5000, Map.of("HOME", BigDecimal.ONE)),
                                new RateBand(1000, Map.of("MARS", BigDecimal.ONE))))),
                null);

        List<String> problems = Carriers.problems(new FulfillmentProperties(0, "4012345", List.of(broken)));

        assertThat(problems)
                .anyMatch(p -> p.contains("6-character tracking account"))
                .anyMatch(p -> p.contains("2-character tracking code"))
                .anyMatch(p -> p.contains("weight bands must ascend"))
                .anyMatch(p -> p.contains("zone MARS is not defined"));
    }
}
