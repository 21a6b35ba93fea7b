package org.ordo.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.orders.OrderEntry;
import org.ordo.orders.OrderFulfillment;
import org.ordo.orders.OrderQuote;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The shipping charge from order to e-invoice, with the demo configuration (STANDARD 4.90 EUR, EXPRESS 12.90 EUR,
 * STANDARD free from 150.00 EUR of goods): priced at placement and on change, taxed like the goods, on the order's first
 * invoice as an EN 16931 document-level charge.
 */
@OrdoTest
@TestPropertySource(properties = "ordo.shipping.charging=true")
class ShippingChargeTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    OrderEntry entry;

    Fixtures fixtures;
    InvoicingSupport flow;
    Api admin;
    String warehouse;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        flow = new InvoicingSupport(port, fulfillment, tx, events);
        admin = Api.at(port).asAdmin();
        warehouse = fixtures.warehouse();
    }

    private String product(String price, String taxCategory) {
        String sku = fixtures.product(price, taxCategory);
        fixtures.receive(sku, warehouse, 100);
        return sku;
    }

    private static String amount(JsonNode totals, String field) {
        return totals.get(field).get("amount").asString();
    }

    private byte[] ubl(String number) {
        return admin.header("Accept", "application/xml")
                .get("/api/invoices/" + number)
                .expect(200)
                .text()
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFreeShippingPromotionShipsFreeByAnyMethodOnceTheGoodsReachItsAmount() {
        String sku = product("50000.00", "STANDARD");
        java.time.LocalDate today = java.time.LocalDate.now();
        admin.post(
                        "/api/promotions",
                        Map.of(
                                "name", "Free shipping from 90 000",
                                "kind", "FREE_SHIPPING",
                                "amount", Fixtures.money("90000.00", "EUR"),
                                "validFrom", today.minusDays(1).toString(),
                                "validTo", today.plusDays(1).toString()))
                .expect(201);
        UUID customer = fixtures.customer("1000000.00");

        JsonNode below = admin.post(
                        "/api/orders/quote",
                        Map.of(
                                "customerId", customer.toString(),
                                "shippingMethod", "EXPRESS",
                                "lines", List.of(Map.of("sku", sku, "quantity", 1))))
                .expect(200)
                .json();
        JsonNode reached = admin.post(
                        "/api/orders/quote",
                        Map.of(
                                "customerId", customer.toString(),
                                "shippingMethod", "EXPRESS",
                                "lines", List.of(Map.of("sku", sku, "quantity", 2))))
                .expect(200)
                .json();

        assertThat(below.get("shipping").get("amount").asString()).isEqualTo("12.90");
        assertThat(reached.get("shipping").get("amount").asString()).isEqualTo("0.00");
    }

    @Test
    void anOrderIsChargedForShippingTaxedLikeItsGoodsAndItsInvoiceCarriesTheChargeAsAValidEn16931Charge() {
        String standard = product("10.00", "STANDARD");
        String reduced = product("10.00", "REDUCED");
        JsonNode order = flow.order(flow.customer("DE", Map.of()), standard, 6, reduced, 4);
        String id = order.get("id").asString();
        // goods 60.00 at 19 % (11.40) and 40.00 at 7 % (2.80); STANDARD 4.90 split 2.94 (0.56) and 1.96 (0.14)
        JsonNode totals = order.get("totals");
        assertThat(amount(totals, "shipping")).isEqualTo("4.90");
        assertThat(amount(totals, "tax")).isEqualTo("14.90");
        assertThat(amount(totals, "total")).isEqualTo("119.80");

        // EXPRESS: 12.90 split 7.74 (1.47) and 5.16 (0.36)
        totals = admin.patch("/api/orders/" + id, Map.of("shippingMethod", "EXPRESS"))
                .expect(200)
                .json()
                .get("totals");
        assertThat(amount(totals, "shipping")).isEqualTo("12.90");
        assertThat(amount(totals, "tax")).isEqualTo("16.03");
        assertThat(amount(totals, "total")).isEqualTo("128.93");

        flow.ship(admin.get("/api/orders/" + id).expect(200).json(), warehouse, 1, 6, 2, 4);
        JsonNode invoice = flow.awaitInvoice(id);
        assertThat(amount(invoice.get("totals"), "shipping")).isEqualTo("12.90");
        assertThat(amount(invoice.get("totals"), "tax")).isEqualTo("16.03");
        assertThat(amount(invoice.get("totals"), "total")).isEqualTo("128.93");
        byte[] xml = ubl(invoice.get("number").asString());
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(En16931.errors(xml)).as(text).isEmpty();
        assertThat(text)
                .contains("<cbc:ChargeIndicator>true</cbc:ChargeIndicator>")
                .contains("<cbc:Amount currencyID=\"EUR\">7.74</cbc:Amount>")
                .contains("<cbc:Amount currencyID=\"EUR\">5.16</cbc:Amount>")
                .contains("<cbc:ChargeTotalAmount currencyID=\"EUR\">12.90</cbc:ChargeTotalAmount>");
        assertThat(consistencyOf(6, 7)).allMatch(c -> c.get("holds").asBoolean(), "invariants 6 and 7 hold");
    }

    @Test
    void onlyTheFirstInvoiceOfAnOrderCarriesTheChargeAndReturnedGoodsDoNotRefundIt() {
        String sku = product("10.00", "STANDARD");
        JsonNode order = flow.order(flow.customer("DE", Map.of()), sku, 3);
        String id = order.get("id").asString();
        flow.ship(order, warehouse, 1, 1);
        flow.ship(order, warehouse, 1, 2);
        JsonNode documents = flow.awaitDocuments(id, 2);
        List<String> shipping = documents
                .valueStream()
                .map(d -> amount(flow.invoice(d.get("id").asString()).get("totals"), "shipping"))
                .sorted()
                .toList();
        assertThat(shipping).containsExactly("0.00", "4.90");

        JsonNode first = documents
                .valueStream()
                .map(d -> flow.invoice(d.get("id").asString()))
                .filter(d -> amount(d.get("totals"), "shipping").equals("4.90"))
                .findFirst()
                .orElseThrow();
        JsonNode note = admin.post(
                        "/api/invoices/" + first.get("id").asString() + "/credit-notes",
                        Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", 1)), "reason", "returned"))
                .expect(201)
                .json();
        // 10.00 + 19 % back, the shipping stays charged
        assertThat(amount(note.get("totals"), "total")).isEqualTo("-11.90");
        assertThat(amount(note.get("totals"), "shipping")).isEqualTo("0.00");
    }

    @Test
    void anIntraCommunitySupplyShipsAtZeroVatAndGoodsAtTheThresholdShipFree() {
        String sku = product("10.00", "STANDARD");
        JsonNode reverseCharge = flow.order(flow.customer("AT", Map.of("vatId", "ATU13585627")), sku, 2);
        assertThat(amount(reverseCharge.get("totals"), "shipping")).isEqualTo("4.90");
        assertThat(amount(reverseCharge.get("totals"), "tax")).isEqualTo("0.00");
        assertThat(amount(reverseCharge.get("totals"), "total")).isEqualTo("24.90");
        flow.ship(reverseCharge, warehouse, 1, 2);
        JsonNode invoice = flow.awaitInvoice(reverseCharge.get("id").asString());
        byte[] xml = ubl(invoice.get("number").asString());
        assertThat(En16931.errors(xml))
                .as(new String(xml, StandardCharsets.UTF_8))
                .isEmpty();

        JsonNode free = flow.order(flow.customer("DE", Map.of()), sku, 15);
        assertThat(amount(free.get("totals"), "shipping")).isEqualTo("0.00");
        assertThat(amount(free.get("totals"), "total")).isEqualTo("178.50");
        // below the threshold after a change: charged again
        JsonNode changed = admin.patch(
                        "/api/orders/" + free.get("id").asString(),
                        Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", 14))))
                .expect(200)
                .json();
        assertThat(amount(changed.get("totals"), "shipping")).isEqualTo("4.90");
        assertThat(amount(changed.get("totals"), "total")).isEqualTo("172.43");
    }

    @Test
    void theQuoteOfOrderEntryShowsTheChargeTheOrderIsPlacedWith() {
        String standard = product("10.00", "STANDARD");
        String reduced = product("10.00", "REDUCED");
        UUID customer = flow.customer("DE", Map.of());
        OrderQuote quote = entry.quote(new OrderEntry.NewOrder(
                customer,
                null,
                null,
                "EXPRESS",
                null,
                List.of(new OrderEntry.NewLine(standard, 6), new OrderEntry.NewLine(reduced, 4))));
        assertThat(quote.problems()).isEmpty();
        Map<String, Object> body = new java.util.LinkedHashMap<>(Fixtures.order(customer, standard, 6, reduced, 4));
        body.put("shippingMethod", "EXPRESS");
        JsonNode totals = admin.post("/api/orders", body).expect(201).json().get("totals");
        assertThat(quote.shipping().amount()).isEqualByComparingTo(amount(totals, "shipping"));
        assertThat(quote.tax().amount()).isEqualByComparingTo(amount(totals, "tax"));
        assertThat(quote.total().amount()).isEqualByComparingTo(amount(totals, "total"));
        assertThat(amount(totals, "total")).isEqualTo("128.93");
    }

    private List<JsonNode> consistencyOf(int... invariants) {
        List<Integer> wanted = java.util.Arrays.stream(invariants).boxed().toList();
        return fixtures.consistency()
                .get("checks")
                .valueStream()
                .filter(c -> wanted.contains(c.get("invariant").asInt()))
                .toList();
    }
}
