package org.ordo.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.forecasting.Forecasts;
import org.ordo.fulfillment.Shipments;
import org.ordo.fulfillment.ShippingFixtures;
import org.ordo.platform.CompanyCalendar;
import org.ordo.reporting.RiskAlerts;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Orders past their promised date with nothing shipped, parcels unheard of for longer than their service takes, and
 * parcels in trouble are risks; the feed is read on a day chosen by a fixed clock.
 */
@OrdoTest
class DeliveryRiskTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Shipments shipments;

    @Autowired
    ObjectProvider<Forecasts> forecasts;

    @Autowired
    TestUsers users;

    Api admin;
    ShippingFixtures shipping;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        shipping = new ShippingFixtures(port);
    }

    @Test
    void aShipmentWithoutNewsForLongerThanItsServiceTakesIsSilent() {
        JsonNode shipment = shipByUpsStandard();
        String number = shipment.get("number").asString();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        assertThat(numbers(RiskAlerts.Type.SHIPMENT_SILENT, today)).doesNotContain(number);
        // UPS Standard takes 3 working days, a day of grace makes 4: two weeks on, nobody has heard of it
        assertThat(numbers(RiskAlerts.Type.SHIPMENT_SILENT, today.plusWeeks(2))).contains(number);
    }

    @Test
    void silenceCountsTheServicesWorkingDaysAndADayOfGrace() {
        LocalDate friday = LocalDate.of(2026, 12, 4);
        // 1 transit day + 1 of grace after a Friday: Tuesday is still in time, Wednesday is not
        assertThat(RiskQueries.silent(friday, 1, LocalDate.of(2026, 12, 8))).isFalse();
        assertThat(RiskQueries.silent(friday, 1, LocalDate.of(2026, 12, 9))).isTrue();
    }

    @Test
    void aParcelTheCarrierReportsInTroubleIsADeliveryExceptionForTheServiceDesk() {
        JsonNode shipment = shipByUpsStandard();
        String number = shipment.get("number").asString();
        admin.post("/api/shipments/" + shipment.get("id").asString() + "/events", Map.of("type", "DAMAGED"))
                .expect(200);

        JsonNode alert = admin.get("/api/risks?type=DELIVERY_EXCEPTION")
                .expect(200)
                .json()
                .get("alerts")
                .valueStream()
                .filter(a -> a.get("subject").get("number").asString().equals(number))
                .findFirst()
                .orElseThrow();
        assertThat(alert.get("severity").asString()).isEqualTo("HIGH");
        assertThat(alert.get("title").asString()).contains("DAMAGED");
        assertThat(alert.get("subject").get("kind").asString()).isEqualTo("SHIPMENT");
        assertThat(alert.get("action").get("href").asString()).isEqualTo("/deliveries");
        Api support = Api.at(port).basic(users.staff("SUPPORT"), TestUsers.PASSWORD);
        assertThat(support.get("/api/risks?type=DELIVERY_EXCEPTION").expect(200).text())
                .contains(number);
        Api accounting = Api.at(port).basic(users.staff("ACCOUNTING"), TestUsers.PASSWORD);
        assertThat(accounting.get("/api/risks").expect(200).text()).doesNotContain(number);
        // a parcel in trouble is not silent as well
        LocalDate later = LocalDate.now(ZoneOffset.UTC).plusWeeks(2);
        assertThat(numbers(RiskAlerts.Type.SHIPMENT_SILENT, later)).doesNotContain(number);
    }

    @Test
    void anOrderPastItsPromisedDateWithNothingShippedIsLateUntilItShips() {
        Fixtures fixtures = shipping.fixtures();
        String warehouse = fixtures.warehouse();
        String sku = shipping.product(ShippingFixtures.gtin());
        fixtures.receive(sku, warehouse, 2);
        JsonNode order = shipping.order(fixtures.customer("100000.00", warehouse), null, sku, 2);
        String number = order.get("number").asString();
        LocalDate promised =
                LocalDate.parse(admin.get("/api/orders/" + order.get("id").asString())
                        .expect(200)
                        .json()
                        .get("promisedDate")
                        .asString());

        assertThat(numbers(RiskAlerts.Type.ORDER_LATE_UNSHIPPED, promised)).doesNotContain(number);
        assertThat(numbers(RiskAlerts.Type.ORDER_LATE_UNSHIPPED, promised.plusDays(1)))
                .contains(number);
        JsonNode planned = shipping.plan(order.get("id").asString()).get(0);
        shipping.pickAndPack(planned.get("id").asString());
        admin.post("/api/shipments/" + planned.get("id").asString() + "/ship", Map.of("carrier", "UPS"))
                .expect(200);
        assertThat(numbers(RiskAlerts.Type.ORDER_LATE_UNSHIPPED, promised.plusDays(1)))
                .doesNotContain(number);
    }

    private JsonNode shipByUpsStandard() {
        JsonNode packed = shipping.packedShipment(1);
        return admin.post(
                        "/api/shipments/" + packed.get("id").asString() + "/ship",
                        Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200)
                .json();
    }

    /** The subjects of the alerts of this type, as the feed reads them on {@code day}. */
    private List<String> numbers(RiskAlerts.Type type, LocalDate day) {
        Clock clock = Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        RiskQueries risks =
                new RiskQueries(jdbc, new CompanyCalendar(ZoneOffset.UTC, clock), shipments, forecasts, 30, 1);
        return risks.alerts(Set.of(type), null).stream()
                .map(a -> a.subject().number())
                .toList();
    }
}
