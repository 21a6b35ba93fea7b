package org.ordo.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.order;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@OrdoTest
class AvailableToPromiseTests {

    @LocalServerPort
    int port;

    @Test
    void todayIsStockLessReservationsAndBackordersInOneWarehouseOrAll() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String east = fixtures.warehouse();
        String west = fixtures.warehouse();
        String sku = fixtures.product("2.00");
        fixtures.receive(sku, east, 4);
        UUID customer = fixtures.customer("100000.00", east);
        admin.post("/api/orders", order(customer, sku, 6)).expect(201); // 4 reserved at east, 2 backordered there
        admin.post("/api/orders", order(customer, sku, 1)).expect(201); // 1 backordered
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        JsonNode atEast = admin.get("/api/inventory/atp?sku=" + sku + "&warehouse=" + east)
                .expect(200)
                .json();
        assertThat(atEast.size()).isEqualTo(1);
        assertThat(atEast.get(0).get("date").asString()).isEqualTo(today);
        assertThat(atEast.get(0).get("quantity").asLong()).isEqualTo(-3);
        JsonNode atWest = admin.get("/api/inventory/atp?sku=" + sku + "&warehouse=" + west)
                .expect(200)
                .json();
        assertThat(atWest.get(0).get("quantity").asLong()).isZero();
        JsonNode everywhere =
                admin.get("/api/inventory/atp?sku=" + sku).expect(200).json();
        assertThat(everywhere.get(0).get("quantity").asLong()).isEqualTo(-3);
    }

    @Test
    void aMissingSkuIsA400NamingItAndAnUnknownSkuOrWarehouseA404() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String sku = fixtures.product("2.00");

        JsonNode missing = admin.get("/api/inventory/atp").expect(400).json();
        assertThat(Fixtures.fields(missing)).containsExactly("sku");
        admin.get("/api/inventory/atp?sku=").expect(400);
        admin.get("/api/inventory/atp?sku=NO-SUCH-SKU-" + UUID.randomUUID()).expect(404);
        admin.get("/api/inventory/atp?sku=" + sku + "&warehouse=NO-SUCH-WH").expect(404);
    }
}
