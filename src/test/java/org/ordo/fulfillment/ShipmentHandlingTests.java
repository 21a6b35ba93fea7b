package org.ordo.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.ordo.fulfillment.ShippingFixtures.gtin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.OrdoException;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The warehouse's step-by-step access to shipments: the queues it works from and the same rules as the shipment API. */
@OrdoTest
class ShipmentHandlingTests {

    @LocalServerPort
    int port;

    @Autowired
    ShipmentHandling handling;

    @Autowired
    Shipping shipping;

    ShippingFixtures fixtures;
    Fixtures basics;
    Api admin;

    @BeforeEach
    void setUp() {
        fixtures = new ShippingFixtures(port);
        basics = fixtures.fixtures();
        admin = Api.at(port).asAdmin();
    }

    @Test
    void ordersWaitForAPlanOldestFirstWithWhatIsLeftToPlanAndOrdersOnHoldDoNotWait() {
        String warehouse = basics.warehouse();
        String sku = fixtures.product(gtin());
        basics.receive(sku, warehouse, 10);
        UUID customer = basics.customer("100000.00");
        UUID first =
                UUID.fromString(fixtures.order(customer, null, sku, 3).get("id").asString());
        UUID second =
                UUID.fromString(fixtures.order(customer, null, sku, 2).get("id").asString());
        String held = fixtures.order(customer, null, sku, 1).get("id").asString();
        admin.post("/api/orders/" + held + "/hold", Map.of("reason", "customer asked to wait"))
                .expect(200);
        shipping.plan(first, warehouse, Map.of(1, 1L));

        PageResult<ShipmentHandling.Unplanned> firstPage = handling.awaitingPlan(warehouse, Paging.of(0, 1));
        assertThat(firstPage.totalItems()).isEqualTo(2);
        assertThat(firstPage.items())
                .extracting(ShipmentHandling.Unplanned::orderId, ShipmentHandling.Unplanned::quantity)
                .containsExactly(tuple(first, 2L));
        assertThat(handling.awaitingPlan(warehouse, Paging.of(1, 1)).items())
                .extracting(ShipmentHandling.Unplanned::orderId, ShipmentHandling.Unplanned::quantity)
                .containsExactly(tuple(second, 2L));
        assertThat(handling.awaitingPlan(warehouse, Paging.of(2, 1)).items()).isEmpty();
    }

    @Test
    void aConfirmedOrderWaitsForItsShipmentInTheWarehouseItsStockIsReservedInUntilItIsPlanned() {
        String warehouse = basics.warehouse();
        String other = basics.warehouse();
        String sku = fixtures.product(gtin());
        basics.receive(sku, warehouse, 5);
        JsonNode order = fixtures.order(basics.customer("100000.00"), null, sku, 3);
        UUID orderId = UUID.fromString(order.get("id").asString());

        PageResult<ShipmentHandling.Unplanned> waiting = handling.awaitingPlan(warehouse, Paging.of(0, 10));
        assertThat(waiting.totalItems()).isEqualTo(1);
        assertThat(waiting.items()).singleElement().satisfies(u -> {
            assertThat(u.orderId()).isEqualTo(orderId);
            assertThat(u.orderNumber()).isEqualTo(order.get("number").asString());
            assertThat(u.warehouse()).isEqualTo(warehouse);
            assertThat(u.quantity()).isEqualTo(3);
        });
        assertThat(handling.awaitingPlan(other, Paging.of(0, 10)).totalItems()).isZero();

        List<String> planned = shipping.plan(orderId, warehouse, null);
        assertThat(planned).hasSize(1);
        assertThat(handling.awaitingPlan(warehouse, Paging.of(0, 10)).totalItems())
                .isZero();
        assertThat(handling.openCounts(warehouse))
                .containsEntry(ShipmentStatus.PLANNED, 1L)
                .containsEntry(ShipmentStatus.PICKING, 0L)
                .containsEntry(ShipmentStatus.PACKED, 0L);
        assertThat(handling.queue(warehouse, ShipmentStatus.openStates(), Paging.of(0, 10))
                        .items())
                .extracting(ShipmentHandling.Listed::number)
                .containsExactly(planned.get(0));
    }

    @Test
    void theWorkQueueListsTheOldestShipmentFirst() {
        String warehouse = basics.warehouse();
        String sku = fixtures.product(gtin());
        basics.receive(sku, warehouse, 10);
        UUID customer = basics.customer("100000.00");
        String first = fixtures.plan(
                        fixtures.order(customer, null, sku, 1).get("id").asString())
                .get(0)
                .get("number")
                .asString();
        String second = fixtures.plan(
                        fixtures.order(customer, null, sku, 2).get("id").asString())
                .get(0)
                .get("number")
                .asString();

        assertThat(handling.queue(warehouse, List.of(ShipmentStatus.PLANNED), Paging.of(0, 10))
                        .items())
                .extracting(ShipmentHandling.Listed::number)
                .containsExactly(first, second);
        assertThat(handling.queue(warehouse, List.of(ShipmentStatus.PACKED), Paging.of(0, 10))
                        .totalItems())
                .isZero();
    }

    @Test
    void aWrongScanIsRefusedNamingTheCodeAndPacksNothingWhileTheRightScansPackAndShip() {
        String warehouse = basics.warehouse();
        String code = gtin();
        String sku = fixtures.product(code);
        basics.receive(sku, warehouse, 2);
        JsonNode order = fixtures.order(basics.customer("100000.00"), null, sku, 2);
        String number = shipping.plan(UUID.fromString(order.get("id").asString()), warehouse, null)
                .get(0);

        assertThat(handling.startPicking(number).status()).isEqualTo(ShipmentStatus.PICKING);
        long version = handling.find(number).orElseThrow().version();
        assertThatThrownBy(() -> handling.scan(number, "NOT-ON-THE-LIST"))
                .isInstanceOfSatisfying(OrdoException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("not-on-pick-list");
                    assertThat(e.violations())
                            .singleElement()
                            .satisfies(v -> assertThat(v.field()).isEqualTo("code"));
                });
        ShipmentHandling.Detail unchanged = handling.find(number).orElseThrow();
        assertThat(unchanged.version()).isEqualTo(version);
        assertThat(unchanged.packedQuantity()).isZero();

        assertThat(handling.scan(number, code).complete()).isFalse();
        ShipmentHandling.Scanned last = handling.scan(number, sku);
        assertThat(last.complete()).isTrue();
        assertThat(last.packed()).isEqualTo(2);
        ShipmentHandling.Detail packed = handling.pack(number);
        assertThat(packed.status()).isEqualTo(ShipmentStatus.PACKED);
        assertThat(packed.sscc()).matches("\\d{18}");

        ShipmentHandling.Rates rates = handling.rates(number);
        assertThat(rates.options()).isNotEmpty();
        assertThat(rates.options())
                .filteredOn(ShipmentHandling.RateOption::recommended)
                .hasSize(1);
        ShipmentHandling.RateOption express = rates.options().stream()
                .filter(o -> o.carrier().equals("UPS") && o.service().equals("EXPRESS"))
                .findFirst()
                .orElseThrow();
        ShipmentHandling.Detail shipped = handling.ship(number, express.carrier(), express.service(), null);
        assertThat(shipped.status()).isEqualTo(ShipmentStatus.SHIPPED);
        assertThat(shipped.shippingCost()).isEqualTo(express.price());
        assertThat(shipped.trackingNumber()).startsWith("1Z");
        assertThat(new String(handling.label(number), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        assertThat(new String(handling.packingSlip(number), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        assertThat(admin.get("/api/orders/" + order.get("id").asString())
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("SHIPPED");
    }

    @Test
    void theLabelExistsOnlyOnceTheShipmentHasShipped() {
        String warehouse = basics.warehouse();
        String sku = fixtures.product(gtin());
        basics.receive(sku, warehouse, 1);
        JsonNode order = fixtures.order(basics.customer("100000.00"), null, sku, 1);
        String number = shipping.plan(UUID.fromString(order.get("id").asString()), warehouse, null)
                .get(0);
        assertThatThrownBy(() -> handling.label(number))
                .isInstanceOfSatisfying(
                        OrdoException.class, e -> assertThat(e.kind()).isEqualTo(OrdoException.Kind.CONFLICT));
    }

    @Test
    void aCombinedPickListSumsPerBinAndSkuOverShipmentsOfOneWarehouse() {
        String warehouse = basics.warehouse();
        String sku = fixtures.product(gtin());
        basics.receive(sku, warehouse, 10);
        fixtures.bin(warehouse, sku, "C-03");
        UUID customer = basics.customer("100000.00");
        String first = fixtures.plan(
                        fixtures.order(customer, null, sku, 1).get("id").asString())
                .get(0)
                .get("number")
                .asString();
        String second = fixtures.plan(
                        fixtures.order(customer, null, sku, 3).get("id").asString())
                .get(0)
                .get("number")
                .asString();

        ShipmentHandling.PickList list = handling.pickList(List.of(first, second));
        assertThat(list.warehouse()).isEqualTo(warehouse);
        assertThat(list.totalQuantity()).isEqualTo(4);
        assertThat(list.lines()).singleElement().satisfies(l -> {
            assertThat(l.binLocation()).isEqualTo("C-03");
            assertThat(l.quantity()).isEqualTo(4);
            assertThat(l.sources())
                    .extracting(ShipmentHandling.PickSource::shipment)
                    .containsExactly(first, second);
        });
        admin.post("/api/shipments/" + first + "/cancel", Map.of("reason", "test"))
                .expect(200);
        assertThatThrownBy(() -> handling.pickList(List.of(first, second))).isInstanceOf(OrdoException.class);
    }
}
