package org.ordo.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.fulfillment.ShippingFixtures.fields;
import static org.ordo.fulfillment.ShippingFixtures.gtin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.shared.Gtin;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** From reserved stock to the customer's door: planning, picking by scan, packing, shipping and delivery. */
@OrdoTest
class FulfillmentFlowTests {

    @LocalServerPort
    int port;

    @Autowired
    ShippedEvents shippedEvents;

    @Autowired
    TestUsers users;

    Api admin;
    ShippingFixtures shipping;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        shipping = new ShippingFixtures(port);
        fixtures = shipping.fixtures();
    }

    @Test
    void aScanCountsTheKeyedQuantityUpToTheLimitAndNeverMoreThanTheLineMisses() {
        String warehouse = fixtures.warehouse();
        String gtin = gtin();
        String sku = shipping.product(gtin);
        fixtures.receive(sku, warehouse, 25);
        JsonNode order = shipping.order(fixtures.customer("100000.00"), null, sku, 25);
        String id = shipping.plan(order.get("id").asString()).get(0).get("id").asString();
        admin.post("/api/shipments/" + id + "/pick", null).expect(200);
        String scan = "/api/shipments/" + id + "/scan";

        Api.Response overLimit =
                admin.post(scan, Map.of("code", sku, "quantity", 21)).expect(422);
        assertThat(overLimit.json().get("errorCode").asString()).isEqualTo("keyed-quantity-over-limit");
        assertThat(fields(overLimit.json())).containsExactly("quantity");
        assertThat(fields(admin.post(scan, Map.of("code", sku, "quantity", 0))
                        .expect(400)
                        .json()))
                .containsExactly("quantity");
        Api.Response wrong = admin.post(scan, Map.of("code", "NOT-ON-THE-LIST", "quantity", 5))
                .expect(422);
        assertThat(wrong.json().get("errorCode").asString()).isEqualTo("not-on-pick-list");

        JsonNode keyed = admin.post(scan, Map.of("code", gtin, "quantity", 20))
                .expect(200)
                .json();
        assertThat(keyed.get("packedQuantity").asLong()).isEqualTo(20);
        assertThat(keyed.get("remainingOnLine").asLong()).isEqualTo(5);
        Api.Response overPack =
                admin.post(scan, Map.of("code", sku, "quantity", 6)).expect(422);
        assertThat(overPack.json().get("errorCode").asString()).isEqualTo("more-than-missing");
        assertThat(fields(overPack.json())).containsExactly("quantity");
        assertThat(shipment(id).get("lines").get(0).get("packedQuantity").asLong())
                .isEqualTo(20);

        assertThat(admin.post(scan, Map.of("code", sku))
                        .expect(200)
                        .json()
                        .get("packedQuantity")
                        .asLong())
                .isEqualTo(21);
        JsonNode last =
                admin.post(scan, Map.of("code", sku, "quantity", 4)).expect(200).json();
        assertThat(last.get("complete").asBoolean()).isTrue();
    }

    @Test
    void anOrderReservedInTwoWarehousesShipsInTwoShipmentsThatArePickedByScanPackedShippedAndDelivered() {
        String east = fixtures.warehouse();
        String west = fixtures.warehouse();
        String gtinA = gtin();
        String a = shipping.product(gtinA);
        String b = shipping.product(gtin());
        fixtures.receive(a, east, 3);
        fixtures.receive(a, west, 2);
        fixtures.receive(b, east, 4);
        shipping.bin(east, a, "B-07");
        shipping.bin(east, b, "A-02");
        shipping.bin(west, a, "C-01");
        JsonNode order = shipping.order(fixtures.customer("100000.00"), null, a, 5, b, 2);
        String orderId = order.get("id").asString();

        // planning splits the order by the warehouses its stock is reserved in
        Api.Response planned = admin.post("/api/orders/" + order.get("number").asString() + "/shipments", Map.of())
                .expect(201);
        assertThat(planned.header("Location")).isEqualTo("/api/shipments?orderId=" + orderId);
        JsonNode shipments = planned.json().get("shipments");
        assertThat(shipments).hasSize(2);
        JsonNode fromEast = byWarehouse(shipments, east);
        JsonNode fromWest = byWarehouse(shipments, west);
        assertThat(fromEast.get("number").asString()).matches("SHP-\\d{4}-\\d{6}");
        assertThat(fromEast.get("status").asString()).isEqualTo("PLANNED");
        // the pick list walks the bins in order
        assertThat(fromEast.get("lines")
                        .valueStream()
                        .map(l -> bin(l) + " " + l.get("sku").asString() + " x"
                                + l.get("quantity").asLong()))
                .containsExactly("A-02 " + b + " x2", "B-07 " + a + " x3");
        assertThat(fromWest.get("lines")
                        .valueStream()
                        .map(l -> bin(l) + " " + l.get("sku").asString() + " x"
                                + l.get("quantity").asLong()))
                .containsExactly("C-01 " + a + " x2");
        assertThat(orderStatus(orderId)).isEqualTo("IN_FULFILLMENT");
        Api.Response again =
                admin.post("/api/orders/" + orderId + "/shipments", Map.of()).expect(409);
        assertThat(again.json().get("errorCode").asString()).isEqualTo("nothing-to-plan");

        // east: scanning needs PICKING; a wrong code is refused and changes nothing
        String eastId = fromEast.get("id").asString();
        admin.post("/api/shipments/" + eastId + "/scan", Map.of("code", b)).expect(409);
        admin.post("/api/shipments/" + eastId + "/pick", null).expect(200);
        long versionBefore = shipment(eastId).get("version").asLong();
        Api.Response wrong = admin.post("/api/shipments/" + eastId + "/scan", Map.of("code", "NOT-ON-THE-LIST"))
                .expect(422);
        assertThat(fields(wrong.json())).containsExactly("code");
        JsonNode unchanged = shipment(eastId);
        assertThat(unchanged.get("version").asLong()).isEqualTo(versionBefore);
        assertThat(unchanged
                        .get("lines")
                        .valueStream()
                        .mapToLong(l -> l.get("packedQuantity").asLong())
                        .sum())
                .isZero();

        for (int i = 0; i < 3; i++) {
            // a scanner may read the EAN-13 as GTIN-14
            admin.post("/api/shipments/" + eastId + "/scan", Map.of("code", "0" + gtinA))
                    .expect(200);
        }
        admin.post("/api/shipments/" + eastId + "/scan", Map.of("code", b)).expect(200);
        Api.Response incomplete =
                admin.post("/api/shipments/" + eastId + "/pack", null).expect(409);
        assertThat(incomplete.json().get("errorCode").asString()).isEqualTo("packing-incomplete");
        assertThat(incomplete.json().get("missing")).singleElement().satisfies(m -> {
            assertThat(m.get("sku").asString()).isEqualTo(b);
            assertThat(m.get("missingQuantity").asLong()).isEqualTo(1);
        });
        JsonNode last = admin.post("/api/shipments/" + eastId + "/scan", Map.of("code", b))
                .expect(200)
                .json();
        assertThat(last.get("complete").asBoolean()).isTrue();
        Api.Response tooMany = admin.post("/api/shipments/" + eastId + "/scan", Map.of("code", b))
                .expect(422);
        assertThat(fields(tooMany.json())).containsExactly("code");

        JsonNode packed = admin.post("/api/shipments/" + eastId + "/pack", null)
                .expect(200)
                .json();
        assertThat(packed.get("status").asString()).isEqualTo("PACKED");
        String sscc = packed.get("package").get("sscc").asString();
        assertThat(sscc).matches("\\d{18}");
        assertThat(Gtin.checkDigit(sscc.substring(0, 17))).isEqualTo(sscc.charAt(17) - '0');
        assertThat(packed.get("package").get("weightGrams").asLong()).isEqualTo(5 * 250);

        // shipping consumes the reservations and writes the ledger in the same transaction
        JsonNode shippedEast = admin.post(
                        "/api/shipments/" + eastId + "/ship", Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200)
                .json();
        String eastNumber = shippedEast.get("number").asString();
        assertThat(shippedEast.get("status").asString()).isEqualTo("SHIPPED");
        assertThat(shippedEast.get("trackingNumber").asString()).matches("1Z[0-9A-Z]{16}");
        assertThat(shippedEast.get("shippingCost").get("amount").asString()).isEqualTo("6.90");
        JsonNode afterFirst = admin.get("/api/orders/" + orderId).expect(200).json();
        assertThat(afterFirst.get("status").asString()).isEqualTo("PARTIALLY_SHIPPED");
        assertThat(line(afterFirst, a).get("shippedQuantity").asLong()).isEqualTo(3);
        assertThat(line(afterFirst, b).get("shippedQuantity").asLong()).isEqualTo(2);
        assertThat(fixtures.level(a, east).get("onHand").asLong()).isZero();
        assertThat(fixtures.level(b, east).get("onHand").asLong()).isEqualTo(2);
        assertThat(fixtures.level(b, east).get("reserved").asLong()).isZero();
        JsonNode ledger = admin.get("/api/inventory/movements?sku=" + a + "&warehouse=" + east)
                .expect(200)
                .json()
                .get("items");
        JsonNode movement = ledger.get(ledger.size() - 1);
        assertThat(movement.get("type").asString()).isEqualTo("SHIPMENT");
        assertThat(movement.get("quantity").asLong()).isEqualTo(-3);
        assertThat(movement.get("reference").asString()).isEqualTo(eastNumber);
        assertThat(shippedEvents.of(eastNumber)).singleElement().satisfies(e -> {
            assertThat(e.orderId()).isEqualTo(UUID.fromString(orderId));
            assertThat(e.trackingNumber())
                    .isEqualTo(shippedEast.get("trackingNumber").asString());
            assertThat(e.lines())
                    .extracting(ShipmentShipped.Line::sku, ShipmentShipped.Line::quantity)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(a, 3L), org.assertj.core.groups.Tuple.tuple(b, 2L));
        });

        // a second ship of the same shipment is refused and changes nothing
        Api.Response twice = admin.post("/api/shipments/" + eastId + "/ship", Map.of("carrier", "UPS"))
                .expect(409);
        assertThat(twice.json().get("currentState").asString()).isEqualTo("SHIPPED");
        assertThat(fixtures.level(b, east).get("onHand").asLong()).isEqualTo(2);
        assertThat(shippedEvents.of(eastNumber)).hasSize(1);

        // west: a supplied tracking number must carry the carrier's check digit
        String westId = fromWest.get("id").asString();
        shipping.pickAndPack(westId);
        String waybill = dhlWaybill();
        String wrongDigit = waybill.substring(0, 10) + (char) ('0' + (waybill.charAt(10) - '0' + 1) % 7);
        Api.Response refused = admin.post(
                        "/api/shipments/" + westId + "/ship", Map.of("carrier", "DHL", "trackingNumber", wrongDigit))
                .expect(400);
        assertThat(fields(refused.json())).containsExactly("trackingNumber");
        assertThat(shipment(westId).get("status").asString()).isEqualTo("PACKED");
        JsonNode shippedWest = admin.post(
                        "/api/shipments/" + westId + "/ship", Map.of("carrier", "DHL", "trackingNumber", waybill))
                .expect(200)
                .json();
        assertThat(shippedWest.get("trackingNumber").asString()).isEqualTo(waybill);
        assertThat(orderStatus(orderId)).isEqualTo("SHIPPED");

        // delivery: the order is delivered when its last shipment arrives
        admin.post("/api/shipments/" + eastId + "/deliver", Map.of()).expect(200);
        assertThat(shipment(eastId).get("deliveredAt").isNull()).isFalse();
        assertThat(orderStatus(orderId)).isEqualTo("SHIPPED");
        Instant inTransitAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> inTransit =
                Map.of("type", "IN_TRANSIT", "at", inTransitAt.toString(), "location", "Hub Leipzig");
        admin.post("/api/shipments/" + westId + "/events", inTransit).expect(200);
        int historySize = shipment(westId).get("history").size();
        admin.post("/api/shipments/" + westId + "/events", inTransit).expect(200); // the carrier sends it again
        assertThat(shipment(westId).get("history").size()).isEqualTo(historySize);
        Api.Response noReason = admin.post("/api/shipments/" + westId + "/events", Map.of("type", "EXCEPTION"))
                .expect(400);
        assertThat(fields(noReason.json())).containsExactly("reason");
        admin.post("/api/shipments/" + westId + "/events", Map.of("type", "EXCEPTION", "reason", "delay: weather"))
                .expect(200);
        assertThat(shipment(westId).get("status").asString()).isEqualTo("EXCEPTION");
        JsonNode delivered = admin.post(
                        "/api/shipments/" + westId + "/events", Map.of("type", "DELIVERED", "location", "front door"))
                .expect(200)
                .json();
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("history").valueStream().map(e -> e.get("type").asString()))
                .containsExactly("PLANNED", "PICKING", "PACKED", "SHIPPED", "IN_TRANSIT", "EXCEPTION", "DELIVERED");
        assertThat(orderStatus(orderId)).isEqualTo("DELIVERED");

        JsonNode list = admin.get("/api/shipments?orderId=" + orderId + "&status=DELIVERED")
                .expect(200)
                .json();
        assertThat(list.get("totalItems").asLong()).isEqualTo(2);
        JsonNode consistency = fixtures.consistency();
        assertThat(consistency.get("consistent").asBoolean())
                .as(consistency.toString())
                .isTrue();
        assertThat(consistency
                        .get("checks")
                        .valueStream()
                        .filter(c -> c.get("name").asString().contains("shipments")))
                .isNotEmpty()
                .allMatch(c -> c.get("holds").asBoolean());
    }

    @Test
    void planningMoreThanIsReservedAndNotYetPlannedIsRefusedNamingTheLine() {
        String warehouse = fixtures.warehouse();
        String sku = shipping.product(gtin());
        fixtures.receive(sku, warehouse, 3);
        JsonNode order = shipping.order(fixtures.customer("100000.00"), null, sku, 5); // 3 reserved, 2 backordered
        String path = "/api/orders/" + order.get("id").asString() + "/shipments";

        Api.Response beyondReserved = admin.post(path, Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", 4))))
                .expect(422);
        assertThat(fields(beyondReserved.json())).containsExactly("lines[0].quantity");
        admin.post(path, Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", 2))))
                .expect(201);
        Api.Response alreadyPlanned = admin.post(path, Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", 2))))
                .expect(422);
        assertThat(alreadyPlanned.json().get("errors").get(0).get("message").asString())
                .contains("has 1 reserved and not yet on a shipment");
        Api.Response noSuchLine = admin.post(path, Map.of("lines", List.of(Map.of("lineNumber", 9, "quantity", 1))))
                .expect(422);
        assertThat(fields(noSuchLine.json())).containsExactly("lines[0].lineNumber");
        Api.Response zero = admin.post(path, Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", 0))))
                .expect(400);
        assertThat(fields(zero.json())).containsExactly("lines[0].quantity");
        Api.Response unknownWarehouse =
                admin.post(path, Map.of("warehouse", "NO-SUCH-WAREHOUSE")).expect(422);
        assertThat(fields(unknownWarehouse.json())).containsExactly("warehouse");

        JsonNode rest = admin.post(path, Map.of("warehouse", warehouse))
                .expect(201)
                .json()
                .get("shipments");
        assertThat(rest)
                .singleElement()
                .satisfies(s -> assertThat(s.get("totalQuantity").asLong()).isEqualTo(1));
        assertThat(admin.get("/api/shipments?orderId=" + order.get("number").asString())
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void concurrentPlannersOfOneOrderNeverPlanTheSameUnitsTwice() throws Exception {
        String warehouse = fixtures.warehouse();
        String sku = shipping.product(gtin());
        fixtures.receive(sku, warehouse, 6);
        String orderId = shipping.order(fixtures.customer("100000.00"), null, sku, 6)
                .get("id")
                .asString();
        int planners = 4;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(planners);
        List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < planners; i++) {
            statuses.add(pool.submit(() -> {
                start.await();
                return admin.post(
                                "/api/orders/" + orderId + "/shipments",
                                Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", 4))))
                        .status();
            }));
        }
        start.countDown();
        List<Integer> answers = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> f : statuses) {
            answers.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(answers).containsOnlyOnce(201).containsOnly(201, 422);
        JsonNode planned =
                admin.get("/api/shipments?orderId=" + orderId).expect(200).json();
        assertThat(planned.get("totalItems").asLong()).isEqualTo(1);
        assertThat(planned.get("items").get(0).get("quantity").asLong()).isEqualTo(4);
    }

    @Test
    void planningTwiceWithTheSameIdempotencyKeyCreatesOneShipmentAndAnswersTheSame() {
        String warehouse = fixtures.warehouse();
        String sku = shipping.product(gtin());
        fixtures.receive(sku, warehouse, 2);
        String orderId = shipping.order(fixtures.customer("100000.00"), null, sku, 2)
                .get("id")
                .asString();
        Api keyed = admin.header("Idempotency-Key", Fixtures.unique("plan"));

        Api.Response first =
                keyed.post("/api/orders/" + orderId + "/shipments", Map.of()).expect(201);
        Api.Response second =
                keyed.post("/api/orders/" + orderId + "/shipments", Map.of()).expect(201);

        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.json().get("shipments").get(0).get("id").asString())
                .isEqualTo(first.json().get("shipments").get(0).get("id").asString());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(admin.get("/api/shipments?orderId=" + orderId)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        keyed.post("/api/orders/" + orderId + "/shipments", Map.of("warehouse", warehouse))
                .expect(422);
    }

    @Test
    void withoutAServiceTheCheapestServiceThatMeetsThePromisedDateIsChosen() {
        UUID customer = fixtures.customer("100000.00");
        String warehouse = fixtures.warehouse();
        String sku = shipping.product(gtin());
        fixtures.receive(sku, warehouse, 2);
        // EXPRESS promises delivery two working days out: the parcel service (5 days) and UPS Standard (3) are too slow
        JsonNode express = shipping.order(customer, "EXPRESS", sku, 1);
        JsonNode standard = shipping.order(customer, "STANDARD", sku, 1);
        JsonNode expressShipment = shipping.pickAndPack(
                shipping.plan(express.get("id").asString()).get(0).get("id").asString());
        JsonNode standardShipment = shipping.pickAndPack(
                shipping.plan(standard.get("id").asString()).get(0).get("id").asString());

        JsonNode rates = admin.get("/api/shipments/" + expressShipment.get("id").asString() + "/rates")
                .expect(200)
                .json();
        assertThat(rates.get("promisedDate").asString())
                .isEqualTo(express.get("promisedDate").asString());
        JsonNode cheapestInTime = rates.get("options")
                .valueStream()
                .filter(o -> o.get("meetsPromisedDate").asBoolean())
                .min(java.util.Comparator.comparing(o ->
                        new java.math.BigDecimal(o.get("price").get("amount").asString())))
                .orElseThrow();
        JsonNode recommended = rates.get("options")
                .valueStream()
                .filter(o -> o.get("recommended").asBoolean())
                .findFirst()
                .orElseThrow();
        assertThat(recommended).isEqualTo(cheapestInTime);
        assertThat(rates.get("options").get(0).get("meetsPromisedDate").asBoolean())
                .isFalse(); // the cheapest of all is too slow
        assertThat(recommended.get("carrier").asString() + " "
                        + recommended.get("service").asString())
                .isEqualTo("DHL EXPRESS");

        JsonNode shipped = admin.post(
                        "/api/shipments/" + expressShipment.get("id").asString() + "/ship", Map.of())
                .expect(200)
                .json();
        assertThat(shipped.get("carrier").asString()).isEqualTo("DHL");
        assertThat(shipped.get("service").asString()).isEqualTo("EXPRESS");
        assertThat(shipped.get("shippingCost").get("amount").asString())
                .isEqualTo(recommended.get("price").get("amount").asString());
        assertThat(LocalDate.parse(shipped.get("expectedDeliveryDate").asString()))
                .isBeforeOrEqualTo(LocalDate.parse(express.get("promisedDate").asString()));
        assertThat(shipped.get("trackingNumber").asString()).matches("\\d{11}");
        String waybill = shipped.get("trackingNumber").asString();
        assertThat(Long.parseLong(waybill.substring(0, 10)) % 7).isEqualTo(waybill.charAt(10) - '0');

        JsonNode standardRates = admin.get(
                        "/api/shipments/" + standardShipment.get("id").asString() + "/rates")
                .expect(200)
                .json();
        JsonNode standardChoice = standardRates
                .get("options")
                .valueStream()
                .filter(o -> o.get("recommended").asBoolean())
                .findFirst()
                .orElseThrow();
        assertThat(standardChoice.get("carrier").asString() + " "
                        + standardChoice.get("service").asString())
                .isEqualTo("UPS STANDARD");
        JsonNode upsOnly = admin.post(
                        "/api/shipments/" + standardShipment.get("id").asString() + "/ship", Map.of("carrier", "UPS"))
                .expect(200)
                .json();
        assertThat(upsOnly.get("service").asString()).isEqualTo("STANDARD");
    }

    @Test
    void unknownCarriersAndServicesAreRefusedNamingTheField() {
        JsonNode packed = shipping.packedShipment(1);
        String path = "/api/shipments/" + packed.get("id").asString() + "/ship";

        assertThat(fields(admin.post(path, Map.of("carrier", "PIGEON"))
                        .expect(422)
                        .json()))
                .containsExactly("carrier");
        assertThat(fields(admin.post(path, Map.of("carrier", "UPS", "service", "TELEPORT"))
                        .expect(422)
                        .json()))
                .containsExactly("service");
        assertThat(fields(admin.post(path, Map.of("service", "STANDARD"))
                        .expect(400)
                        .json()))
                .containsExactly("carrier");
        assertThat(fields(admin.post(path, Map.of("carrier", "UPS", "trackingNumber", "1Z5R89390357567128"))
                        .expect(400)
                        .json()))
                .containsExactly("trackingNumber");
        assertThat(shipment(packed.get("id").asString()).get("status").asString())
                .isEqualTo("PACKED");
        assertThat(admin.get("/api/carriers")
                        .expect(200)
                        .json()
                        .valueStream()
                        .map(c -> c.get("code").asString()))
                .contains("UPS", "DHL", "POST");
    }

    @Test
    void aCustomerSeesOnlyItsOwnShipments() {
        JsonNode packed = shipping.packedShipment(1);
        JsonNode mine = admin.get("/api/orders/" + packed.get("orderId").asString())
                .expect(200)
                .json();
        Api owner =
                users.customerUser(port, UUID.fromString(mine.get("customerId").asString()));
        Api stranger = users.customerUser(port, fixtures.customer("100.00"));

        owner.get("/api/shipments/" + packed.get("number").asString()).expect(200);
        stranger.get("/api/shipments/" + packed.get("number").asString()).expect(404);
        assertThat(stranger.get("/api/shipments?orderId="
                                + packed.get("orderId").asString())
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
        assertThat(owner.get("/api/shipments")
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        owner.post("/api/shipments/" + packed.get("id").asString() + "/ship", Map.of())
                .expect(403);
        admin.get("/api/shipments/SHP-1999-999999").expect(404);
    }

    @Test
    void aCombinedPickListSumsQuantitiesPerBinAndSkuSortedByBin() {
        String warehouse = fixtures.warehouse();
        String a = shipping.product(gtin());
        String b = shipping.product(gtin());
        String c = shipping.product(gtin());
        fixtures.receive(a, warehouse, 10);
        fixtures.receive(b, warehouse, 10);
        fixtures.receive(c, warehouse, 10);
        shipping.bin(warehouse, a, "K-10");
        shipping.bin(warehouse, b, "A-01");
        UUID customer = fixtures.customer("100000.00");
        String first = shipping.plan(
                        shipping.order(customer, null, a, 2, b, 1).get("id").asString())
                .get(0)
                .get("number")
                .asString();
        String second = shipping.plan(
                        shipping.order(customer, null, a, 3, c, 4).get("id").asString())
                .get(0)
                .get("number")
                .asString();

        JsonNode list = admin.post("/api/pick-lists", Map.of("shipments", List.of(first, second)))
                .expect(200)
                .json();

        assertThat(list.get("warehouse").asString()).isEqualTo(warehouse);
        assertThat(list.get("totalQuantity").asLong()).isEqualTo(10);
        assertThat(list.get("lines")
                        .valueStream()
                        .map(l -> bin(l) + " " + l.get("sku").asString() + " x"
                                + l.get("quantity").asLong()))
                .containsExactly("A-01 " + b + " x1", "K-10 " + a + " x5", "- " + c + " x4");
        assertThat(list.get("lines").get(1).get("shipments")).hasSize(2);

        Api.Response otherWarehouse = admin.post(
                        "/api/pick-lists",
                        Map.of(
                                "shipments",
                                List.of(
                                        first,
                                        shipping.packedShipment(1).get("number").asString())))
                .expect(422);
        assertThat(fields(otherWarehouse.json())).containsExactly("shipments[1]");
    }

    private JsonNode shipment(String id) {
        return admin.get("/api/shipments/" + id).expect(200).json();
    }

    private String orderStatus(String orderId) {
        return admin.get("/api/orders/" + orderId)
                .expect(200)
                .json()
                .get("status")
                .asString();
    }

    private static JsonNode byWarehouse(JsonNode shipments, String warehouse) {
        return shipments
                .valueStream()
                .filter(s -> s.get("warehouse").asString().equals(warehouse))
                .findFirst()
                .orElseThrow();
    }

    private static String bin(JsonNode line) {
        JsonNode bin = line.get("binLocation");
        return bin == null || bin.isNull() ? "-" : bin.asString();
    }

    private static JsonNode line(JsonNode order, String sku) {
        return order.get("lines")
                .valueStream()
                .filter(l -> l.get("sku").asString().equals(sku))
                .findFirst()
                .orElseThrow();
    }

    /** A DHL Express waybill: 10 random digits and their mod-7 check digit. */
    private static String dhlWaybill() {
        String digits = "5" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
        return digits + Long.parseLong(digits) % 7;
    }
}
