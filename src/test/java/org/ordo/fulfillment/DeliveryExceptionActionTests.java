package org.ordo.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.fulfillment.ShippingFixtures.fields;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The service desk sends a parcel in trouble on its way again: a new delivery date, or the address corrected. */
@OrdoTest
class DeliveryExceptionActionTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Api admin;
    Api support;
    ShippingFixtures shipping;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        support = Api.at(port).basic(users.staff("SUPPORT"), TestUsers.PASSWORD);
        shipping = new ShippingFixtures(port);
    }

    @Test
    void aFailedAttemptRescheduledGoesOnItsWayWithTheNewDateRecordedAndAudited() {
        String id = inException("FAILED_ATTEMPT");
        LocalDate friday = LocalDate.now(ZoneOffset.UTC).plusDays(3);

        Api.Response past = support.post(
                        "/api/shipments/" + id + "/reschedule",
                        Map.of(
                                "date",
                                LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()))
                .expect(400);
        assertThat(fields(past.json())).containsExactly("date");
        JsonNode rescheduled = support.post(
                        "/api/shipments/" + id + "/reschedule",
                        Map.of("date", friday.toString(), "reason", "customer is home on that day"))
                .expect(200)
                .json();

        assertThat(rescheduled.get("status").asString()).isEqualTo("IN_TRANSIT");
        assertThat(rescheduled.get("expectedDeliveryDate").asString()).isEqualTo(friday.toString());
        JsonNode last = last(rescheduled.get("history"));
        assertThat(last.get("type").asString()).isEqualTo("RESCHEDULED");
        assertThat(last.get("reason").asString()).isEqualTo("customer is home on that day");
        assertThat(audit(id)).contains("RESCHEDULED").contains(friday.toString());
        // once on its way again, there is nothing left for the desk to reschedule
        support.post("/api/shipments/" + id + "/reschedule", Map.of("date", friday.toString()))
                .expect(409);
    }

    @Test
    void anAddressProblemIsCorrectedOnTheSameShipmentInItsCountryAndAudited() {
        String id = inException("ADDRESS_PROBLEM");
        Map<String, Object> abroad = address("Rue de Rivoli 1", "FR");
        Api.Response refused = support.post("/api/shipments/" + id + "/address", Map.of("address", abroad))
                .expect(422);
        assertThat(fields(refused.json())).containsExactly("address.country");

        JsonNode corrected = support.post(
                        "/api/shipments/" + id + "/address",
                        Map.of("address", address("Hauptstraße 12a", "DE"), "reason", "house number missing"))
                .expect(200)
                .json();

        assertThat(corrected.get("status").asString()).isEqualTo("IN_TRANSIT");
        assertThat(corrected.get("id").asString()).isEqualTo(id);
        assertThat(corrected.get("shipTo").get("line1").asString()).isEqualTo("Hauptstraße 12a");
        assertThat(last(corrected.get("history")).get("type").asString()).isEqualTo("ADDRESS_CORRECTED");
        assertThat(audit(id)).contains("ADDRESS_CORRECTED").contains("Hauptstraße 12a");
        assertThat(admin.download("GET", "/api/shipments/" + id + "/label", null)
                        .expect(200)
                        .contentType())
                .startsWith("application/pdf");
    }

    private String inException(String kind) {
        JsonNode packed = shipping.packedShipment(1);
        String id = packed.get("id").asString();
        admin.post("/api/shipments/" + id + "/ship", Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200);
        admin.post("/api/shipments/" + id + "/events", Map.of("type", kind)).expect(200);
        return id;
    }

    private static Map<String, Object> address(String line1, String country) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", "Erika Mustermann");
        a.put("line1", line1);
        a.put("city", country.equals("DE") ? "Berlin" : "Paris");
        a.put("postalCode", country.equals("DE") ? "10115" : "75001");
        a.put("country", country);
        return a;
    }

    private String audit(String id) {
        return admin.get("/api/audit?entity=SHIPMENT&id=" + id).expect(200).text();
    }

    private static JsonNode last(JsonNode history) {
        return history.get(history.size() - 1);
    }
}
