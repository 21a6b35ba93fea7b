package org.ordo.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ordo.testing.Fixtures.order;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.shared.OrdoException;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Backdating an order (data import, demos) moves its whole timeline, says so in its history, and nothing else. */
@OrdoTest
class OrderBackdatingTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderEntry entry;

    @Test
    void backdatingMovesPlacementHistoryAndDatesAndRecordsThatItHappened() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("3.00");
        fixtures.receive(sku, warehouse, 10);
        UUID customer = fixtures.customer("10000.00");
        JsonNode placed =
                admin.post("/api/orders", order(customer, sku, 2)).expect(201).json();
        UUID id = UUID.fromString(placed.get("id").asString());
        Instant originallyPlaced = Instant.parse(placed.get("placedAt").asString());
        LocalDate promised = LocalDate.parse(placed.get("promisedDate").asString());
        Instant target = earlierThisYear(originallyPlaced, Duration.ofDays(3));
        long days = Duration.between(target, originallyPlaced).toDays();

        OrderSnapshot backdated = entry.backdate(id, target);

        assertThat(backdated.placedAt()).isEqualTo(target);
        assertThat(backdated.promisedDate()).isEqualTo(promised.minusDays(days));
        assertThat(backdated.number()).isEqualTo(placed.get("number").asString());
        JsonNode history =
                admin.get("/api/orders/" + id + "/history").expect(200).json();
        assertThat(Instant.parse(history.get(0).get("at").asString())).isBefore(target.plusSeconds(60));
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("kind").asString()).isEqualTo("BACKDATED");
        assertThat(Instant.parse(last.get("at").asString())).isAfterOrEqualTo(originallyPlaced);
        JsonNode audit =
                admin.get("/api/audit?entity=ORDER&id=" + id).expect(200).json();
        assertThat(audit.get(audit.size() - 1).get("action").asString()).isEqualTo("BACKDATED");
        assertThat(fixtures.consistency().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void aBackdatedBackorderIsFilledBeforeOneThatWasPlacedBeforeItForReal() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("4.00");
        UUID customer = fixtures.customer("10000.00");
        String first = admin.post("/api/orders", order(customer, sku, 3))
                .expect(201)
                .json()
                .get("id")
                .asString();
        JsonNode second =
                admin.post("/api/orders", order(customer, sku, 3)).expect(201).json();
        entry.backdate(
                UUID.fromString(second.get("id").asString()),
                earlierThisYear(Instant.parse(second.get("placedAt").asString()), Duration.ofDays(1)));

        fixtures.receive(sku, warehouse, 3);

        assertThat(admin.get("/api/orders/" + second.get("id").asString())
                        .expect(200)
                        .json()
                        .get("lines")
                        .get(0)
                        .get("reservedQuantity")
                        .asLong())
                .isEqualTo(3);
        assertThat(admin.get("/api/orders/" + first)
                        .expect(200)
                        .json()
                        .get("lines")
                        .get(0)
                        .get("backorderedQuantity")
                        .asLong())
                .isEqualTo(3);
    }

    @Test
    void refusesTheFutureALaterTimeAndAnotherYear() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String sku = fixtures.product("1.00");
        UUID customer = fixtures.customer("10000.00");
        JsonNode placed =
                admin.post("/api/orders", order(customer, sku, 1)).expect(201).json();
        UUID id = UUID.fromString(placed.get("id").asString());
        Instant placedAt = Instant.parse(placed.get("placedAt").asString());
        Instant lastYear = placedAt.atZone(ZoneOffset.UTC)
                .withDayOfYear(1)
                .truncatedTo(ChronoUnit.DAYS)
                .minusDays(1)
                .toInstant();

        for (Instant wrong :
                new Instant[] {Instant.now().plus(Duration.ofDays(1)), placedAt.plusMillis(1), lastYear, null}) {
            assertThatThrownBy(() -> entry.backdate(id, wrong))
                    .as(String.valueOf(wrong))
                    .isInstanceOfSatisfying(
                            OrdoException.class, e -> assertThat(e.kind()).isEqualTo(OrdoException.Kind.INVALID));
        }
        assertThat(admin.get("/api/orders/" + id)
                        .expect(200)
                        .json()
                        .get("placedAt")
                        .asString())
                .isEqualTo(placed.get("placedAt").asString());
    }

    /** {@code by} earlier, but not before 1 January (early in January the shift is shorter). */
    private static Instant earlierThisYear(Instant placedAt, Duration by) {
        Instant yearStart = placedAt.atZone(ZoneOffset.UTC)
                .withDayOfYear(1)
                .truncatedTo(ChronoUnit.DAYS)
                .toInstant();
        Instant target = placedAt.minus(by);
        return target.isBefore(yearStart) ? yearStart.plusSeconds(1) : target;
    }
}
