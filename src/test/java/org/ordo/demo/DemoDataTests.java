package org.ordo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.OwnDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The demo data on PostgreSQL, loaded into a database of its own on start: the promised amounts, orders in many
 * states, every invariant holding, and nothing loaded a second time.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ordo.demo-data=true", "ordo.admin-password=" + Api.ADMIN_PASSWORD})
@ContextConfiguration(initializers = OwnDatabase.class)
@DirtiesContext
class DemoDataTests {

    @LocalServerPort
    int port;

    @Autowired
    List<ApplicationRunner> runners;

    @Test
    void loadsWarehousesCatalogCustomersAndOrdersInManyStatesThatKeepEveryInvariant() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.get("/api/warehouses").expect(200).json().size()).isEqualTo(3);
        assertThat(total(admin, "/api/products")).isBetween(45L, 60L);
        assertThat(total(admin, "/api/customers")).isBetween(18L, 25L);
        assertThat(total(admin, "/api/orders")).isBetween(180L, 220L);
        assertThat(statuses(admin))
                .hasSizeGreaterThanOrEqualTo(6)
                .contains("CONFIRMED", "ON_HOLD", "CANCELLED", "IN_FULFILLMENT", "SHIPPED", "DELIVERED");

        JsonNode consistency = admin.get("/api/admin/consistency").expect(200).json();
        assertThat(consistency.get("consistent").asBoolean())
                .as(consistency.toString())
                .isTrue();
    }

    @Test
    void ordersAreSpreadOverThePastNinetyDaysAndShowTheDemoUserAsActor() {
        Api admin = Api.at(port).asAdmin();
        JsonNode newest =
                admin.get("/api/orders?size=1").expect(200).json().get("items").get(0);
        JsonNode oldest = admin.get("/api/orders?size=1&page=" + (total(admin, "/api/orders") - 1))
                .expect(200)
                .json()
                .get("items")
                .get(0);
        java.time.Instant now = java.time.Instant.now();
        assertThat(java.time.Instant.parse(oldest.get("placedAt").asString()))
                .isBefore(now.minus(java.time.Duration.ofDays(60)));
        assertThat(java.time.Instant.parse(newest.get("placedAt").asString())).isBefore(now);

        JsonNode history = admin.get("/api/orders/" + oldest.get("id").asString() + "/history")
                .expect(200)
                .json();
        assertThat(history.get(0).get("actor").asString()).isEqualTo("demo");
        JsonNode audit = admin.get(
                        "/api/audit?entity=ORDER&id=" + oldest.get("id").asString())
                .expect(200)
                .json();
        JsonNode entries = audit.has("items") ? audit.get("items") : audit;
        assertThat(entries.get(0).get("actor").asString()).isEqualTo("demo");
    }

    @Test
    void someBackordersWaitForSoldOutProductsWhileScarceOnesWereFilledByReceipts() {
        Api admin = Api.at(port).asAdmin();
        // sold out: two received at the start, nothing since, so its later orders wait
        JsonNode soldOut =
                admin.get("/api/inventory?sku=OF-1014").expect(200).json().get("items");
        long waiting = 0;
        for (JsonNode level : soldOut) {
            waiting += level.get("backordered").asLong();
            assertThat(level.get("available").asLong()).isZero();
        }
        assertThat(waiting).isPositive();
        // scarce: received again along the way and today, so nothing of it waits any more
        JsonNode scarce =
                admin.get("/api/inventory?sku=IT-4002").expect(200).json().get("items");
        for (JsonNode level : scarce) {
            assertThat(level.get("backordered").asLong()).isZero();
        }
    }

    @Test
    void createsTheDemoUsersWithTheDemoPassword() {
        for (String user : List.of("sales", "warehouse", "accounting", "support", "buyer")) {
            Api.at(port).basic(user, "demo-password-1").get("/api/users/me").expect(200);
        }
        Api portal = Api.at(port).basic("mueller", "demo-password-1");
        String customerId =
                portal.get("/api/users/me").expect(200).json().get("customerId").asString();
        portal.get("/api/customers/" + customerId).expect(200);
        JsonNode own = portal.get("/api/orders?size=500").expect(200).json().get("items");
        assertThat(own.size()).isPositive();
        own.forEach(o -> assertThat(o.get("customerId").asString()).isEqualTo(customerId));
    }

    @Test
    void theBuyerFindsTwoSuppliersOfferingTheDemoProductsAndAReplenishmentRunProposesTheScarceOnes() {
        Api buyer = Api.at(port).basic("buyer", "demo-password-1");
        JsonNode suppliers = buyer.get("/api/suppliers").expect(200).json().get("items");
        assertThat(suppliers).hasSize(2);
        for (JsonNode supplier : suppliers) {
            assertThat(buyer.get("/api/suppliers/" + supplier.get("id").asString() + "/items")
                            .expect(200)
                            .json()
                            .size())
                    .isPositive();
        }

        buyer.post("/api/replenishment/runs", java.util.Map.of()).expect(201);

        JsonNode proposals =
                buyer.get("/api/replenishment/proposals").expect(200).json();
        assertThat(proposals.valueStream().map(p -> p.get("sku").asString()).toList())
                .contains("OF-1014");
    }

    @Test
    void shippedDemoOrdersWentThroughTheWarehouseAndWereInvoiced() {
        Api admin = Api.at(port).asAdmin();
        assertThat(total(admin, "/api/shipments?status=DELIVERED")).isPositive();
        assertThat(total(admin, "/api/shipments?status=PLANNED")).isPositive();
        // invoices are written by a listener after each shipment commits
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> total(admin, "/api/invoices") >= total(admin, "/api/shipments?status=DELIVERED"));
        assertThat(admin.get("/api/admin/consistency")
                        .expect(200)
                        .json()
                        .get("consistent")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void shippedDemoOrdersTookDaysToShipAndArriveSoTheKeyFiguresSaySomething() {
        Api admin = Api.at(port).asAdmin();
        String to = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String from =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(100).toString();
        JsonNode kpis = admin.get("/api/reports/kpis?from=" + from + "&to=" + to)
                .expect(200)
                .json();
        assertThat(kpis.get("orderCycleTime").get("count").asLong()).isPositive();
        assertThat(kpis.get("orderCycleTime").get("medianHours").decimalValue())
                .isGreaterThan(new java.math.BigDecimal("24"));
        assertThat(kpis.get("orderProcessingTime").get("medianHours").decimalValue())
                .isGreaterThan(java.math.BigDecimal.ONE);
        assertThat(kpis.get("onTimeDeliveryRate").get("denominator").asLong()).isPositive();
    }

    @Test
    void customersPaidMostOfTheirInvoicesSoDeliveredOrdersAreCompleted() {
        Api admin = Api.at(port).asAdmin();
        assertThat(total(admin, "/api/payments")).isPositive();
        assertThat(total(admin, "/api/invoices?status=PAID")).isPositive();
        assertThat(total(admin, "/api/orders?status=COMPLETED")).isPositive();
        assertThat(total(admin, "/api/invoices?status=ISSUED") + total(admin, "/api/invoices?status=PARTIALLY_PAID"))
                .isPositive();
    }

    @Test
    void aRestartLoadsNothingASecondTime() throws Exception {
        Api admin = Api.at(port).asAdmin();
        long orders = total(admin, "/api/orders");
        for (ApplicationRunner runner : runners) {
            runner.run(new DefaultApplicationArguments());
        }
        assertThat(total(admin, "/api/orders")).isEqualTo(orders);
        assertThat(total(admin, "/api/products")).isEqualTo(50);
        JsonNode audit = admin.get("/api/audit?entity=DEMO_DATA&id=ordo-demo")
                .expect(200)
                .json();
        JsonNode entries = audit.has("items") ? audit.get("items") : audit;
        assertThat(entries.size()).isEqualTo(2);
        assertThat(entries.get(0).get("action").asString()).isEqualTo("LOADING");
        assertThat(entries.get(1).get("action").asString()).isEqualTo("LOADED");
    }

    @Test
    void someInvoicesAreOverdueAndRemindedOfAsTheDashboardAndTheAgingShow() {
        Api admin = Api.at(port).asAdmin();
        assertThat(total(admin, "/api/invoices?status=OVERDUE")).isPositive();
        JsonNode aging = admin.get("/api/reports/ar-aging").expect(200).json();
        JsonNode buckets = aging.get("totals").get(0).get("buckets");
        BigDecimal pastDue = amount(buckets, "days1To30")
                .add(amount(buckets, "days31To60"))
                .add(amount(buckets, "days61To90"))
                .add(amount(buckets, "over90"));
        assertThat(pastDue).isPositive();
        assertThat(amount(buckets, "current")).isPositive();

        long reminded = 0;
        for (JsonNode overdue : all(admin, "/api/invoices?status=OVERDUE")) {
            JsonNode invoice = admin.get("/api/invoices/" + overdue.get("id").asString())
                    .expect(200)
                    .json();
            assertThat(LocalDate.parse(invoice.get("dueDate").asString())).isBefore(LocalDate.now(ZoneOffset.UTC));
            reminded += invoice.get("reminders").isEmpty() ? 0 : 1;
        }
        assertThat(reminded).isPositive();
    }

    @Test
    void theStockWasThereBeforeTheLastThirtyDaysAndItsValueTurnsOverAboutOnceAYearOrMore() {
        Api admin = Api.at(port).asAdmin();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode kpis = admin.get("/api/reports/kpis?from=" + today.minusDays(29) + "&to=" + today)
                .expect(200)
                .json();
        JsonNode turnover = kpis.get("inventoryTurnover").get("byCurrency").get(0);
        BigDecimal perYear = turnover.get("perYear").decimalValue();
        // with the whole opening stock received on loading day it was a few hundredths
        assertThat(perYear).as(turnover.toString()).isBetween(new BigDecimal("0.75"), new BigDecimal("12"));
        assertThat(amount(turnover, "openingValue")).isPositive();
    }

    @Test
    void everyOrdersStepsFollowOneAnotherAndItsShipmentsAndInvoicesGiveTheDaysItsTimelineGives() {
        Api admin = Api.at(port).asAdmin();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int shippedOrders = 0;
        for (JsonNode order : all(admin, "/api/orders")) {
            String id = order.get("id").asString();
            Instant placed = Instant.parse(order.get("placedAt").asString());
            Instant previous = placed;
            LocalDate handedToCarrier = null;
            for (JsonNode step :
                    admin.get("/api/orders/" + id + "/history").expect(200).json()) {
                Instant at = Instant.parse(step.get("at").asString());
                assertThat(at).as("%s %s", order.get("number"), step).isAfterOrEqualTo(previous);
                previous = at;
                if ("SHIPMENT".equals(step.get("kind").asString())) {
                    handedToCarrier = LocalDate.ofInstant(at, ZoneOffset.UTC);
                }
            }
            for (JsonNode shipment : all(admin, "/api/shipments?orderId=" + id)) {
                assertThat(Instant.parse(shipment.get("plannedAt").asString())).isAfterOrEqualTo(placed);
                if (shipment.get("shippedAt").isNull()) {
                    continue;
                }
                shippedOrders++;
                Instant shippedAt = Instant.parse(shipment.get("shippedAt").asString());
                LocalDate shippedOn = LocalDate.ofInstant(shippedAt, ZoneOffset.UTC);
                assertThat(shippedOn)
                        .as("the portal's day for %s", order.get("number"))
                        .isEqualTo(handedToCarrier);
                if (!shipment.get("deliveredAt").isNull()) {
                    assertThat(Instant.parse(shipment.get("deliveredAt").asString()))
                            .isAfter(shippedAt);
                }
                JsonNode invoice = invoiceOf(admin, id, shipment.get("number").asString());
                assertThat(LocalDate.parse(invoice.get("supplyDate").asString()))
                        .isEqualTo(shippedOn);
                // dated the day the goods left, or a day or two later when an invoice numbered before it was
                assertThat(LocalDate.parse(invoice.get("issueDate").asString()))
                        .isBetween(shippedOn, shippedOn.plusDays(2))
                        .isBeforeOrEqualTo(today);
            }
        }
        assertThat(shippedOrders).isGreaterThan(50);
    }

    /** The invoice of one shipment, in full. */
    private static JsonNode invoiceOf(Api admin, String orderId, String shipmentNumber) {
        for (JsonNode listed : all(admin, "/api/invoices?orderId=" + orderId)) {
            JsonNode invoice = admin.get("/api/invoices/" + listed.get("id").asString())
                    .expect(200)
                    .json();
            if (shipmentNumber.equals(invoice.get("shipmentNumber").asString(""))) {
                return invoice;
            }
        }
        throw new AssertionError("shipment " + shipmentNumber + " has no invoice");
    }

    private static List<JsonNode> all(Api admin, String path) {
        List<JsonNode> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = admin.get(path + (path.contains("?") ? "&" : "?") + "size=100&page=" + page)
                    .expect(200)
                    .json()
                    .get("items");
            if (items.isEmpty()) {
                return all;
            }
            items.forEach(all::add);
        }
    }

    @Test
    void theJournalOfTheDemoDataBalancesToTheCentAndItsReceivablesAreTheOpenAmountOfTheAging() {
        Api admin = Api.at(port).asAdmin();
        JsonNode entries =
                admin.get("/api/accounting/journal").expect(200).json().get("entries");
        java.util.Map<String, BigDecimal> receivables = new java.util.TreeMap<>();
        Set<String> types = new HashSet<>();
        for (JsonNode entry : entries) {
            types.add(entry.get("documentType").asString());
            BigDecimal balance = BigDecimal.ZERO;
            for (JsonNode line : entry.get("lines")) {
                BigDecimal signed = new BigDecimal(line.get("debit").asString())
                        .subtract(new BigDecimal(line.get("credit").asString()));
                balance = balance.add(signed);
                if (line.get("account").asString().equals("1200")) {
                    receivables.merge(line.get("currency").asString(), signed, BigDecimal::add);
                }
            }
            assertThat(balance).as(entry.toString()).isZero();
        }
        assertThat(types).contains("INVOICE", "PAYMENT");

        java.util.Map<String, BigDecimal> open = new java.util.TreeMap<>();
        admin.get("/api/reports/ar-aging")
                .expect(200)
                .json()
                .get("totals")
                .forEach(t -> open.put(t.get("currency").asString(), amount(t.get("buckets"), "total")));
        assertThat(receivables.keySet()).isEqualTo(open.keySet());
        open.forEach((currency, amount) ->
                assertThat(receivables.get(currency)).as(currency).isEqualByComparingTo(amount));
    }

    private static BigDecimal amount(JsonNode node, String field) {
        return new BigDecimal(node.get(field).get("amount").asString());
    }

    private static long total(Api admin, String path) {
        return admin.get(path + (path.contains("?") ? "&" : "?") + "size=1")
                .expect(200)
                .json()
                .get("totalItems")
                .asLong();
    }

    private static Set<String> statuses(Api admin) {
        Set<String> statuses = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode items = admin.get("/api/orders?size=100&page=" + page)
                    .expect(200)
                    .json()
                    .get("items");
            if (items.isEmpty()) {
                return statuses;
            }
            items.forEach(o -> statuses.add(o.get("status").asString()));
        }
    }
}
