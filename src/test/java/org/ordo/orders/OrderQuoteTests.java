package org.ordo.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.platform.Paging;
import org.ordo.shared.Address;
import org.ordo.shared.FieldViolation;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A quote is what placing the same order would give, by the same rules, and it changes nothing. */
@OrdoTest
class OrderQuoteTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderEntry entry;

    @Autowired
    Orders orders;

    Fixtures fixtures;
    Api admin;
    String warehouse;
    String plenty;
    String scarce;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        admin = Api.at(port).asAdmin();
        warehouse = fixtures.warehouse();
        plenty = fixtures.product("12.35");
        scarce = fixtures.product("7.99", "REDUCED");
        fixtures.receive(plenty, warehouse, 100);
        fixtures.receive(scarce, warehouse, 2);
    }

    private static OrderEntry.NewOrder newOrder(UUID customer, Object... skuAndQuantity) {
        List<OrderEntry.NewLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(new OrderEntry.NewLine((String) skuAndQuantity[i], ((Number) skuAndQuantity[i + 1]).longValue()));
        }
        return new OrderEntry.NewOrder(customer, "WEB", null, null, null, lines);
    }

    @Test
    void aQuoteHasThePricesTaxTotalsBackordersAndPromiseThatPlacingGives() {
        UUID customer = fixtures.customer("100000.00");

        OrderQuote quote = entry.quote(newOrder(customer, plenty, 3, scarce, 5));

        assertThat(quote.problems()).isEmpty();
        JsonNode placed = admin.post("/api/orders", order(customer, plenty, 3, scarce, 5))
                .expect(201)
                .json();
        JsonNode totals = placed.get("totals");
        assertThat(quote.subtotal().amount())
                .isEqualByComparingTo(totals.get("subtotal").get("amount").asString());
        assertThat(quote.tax().amount())
                .isEqualByComparingTo(totals.get("tax").get("amount").asString());
        assertThat(quote.total().amount())
                .isEqualByComparingTo(totals.get("total").get("amount").asString());
        assertThat(quote.currency()).isEqualTo("EUR");
        assertThat(quote.promisedDate())
                .isEqualTo(LocalDate.parse(placed.get("promisedDate").asString()));
        for (int i = 0; i < 2; i++) {
            JsonNode line = placed.get("lines").get(i);
            OrderQuote.Line quoted = quote.line(i);
            assertThat(quoted.lineNet().amount())
                    .isEqualByComparingTo(line.get("lineNet").get("amount").asString());
            assertThat(quoted.tax().amount())
                    .isEqualByComparingTo(line.get("tax").get("amount").asString());
            assertThat(quoted.backordered())
                    .isEqualTo(line.get("backorderedQuantity").asLong());
        }
        // what the quote saw of the stock: 2 of the scarce product, so 3 of 5 would wait
        assertThat(quote.line(1).available()).isEqualTo(2);
        assertThat(quote.line(1).availableByWarehouse()).containsEntry(warehouse, 2L);
        assertThat(quote.line(1).backordered()).isEqualTo(3);
        assertThat(quote.line(1).promisedDate()).isAfter(quote.line(0).promisedDate());
        assertThat(quote.line(0).isBackordered()).isFalse();
    }

    @Test
    void quotingWritesAndHoldsNothing() {
        UUID customer = fixtures.customer("100000.00");

        for (int i = 0; i < 3; i++) {
            entry.quote(newOrder(customer, plenty, 10, scarce, 2));
        }

        assertThat(fixtures.level(plenty, warehouse).get("reserved").asLong()).isZero();
        assertThat(fixtures.level(scarce, warehouse).get("reserved").asLong()).isZero();
        assertThat(orders.search(new Orders.Search(Set.of(), customer, null, null, null, null), Paging.of(0, 10))
                        .totalItems())
                .isZero();
        // the stock is still there for the next order
        assertThat(entry.quote(newOrder(customer, scarce, 2)).line(0).backordered())
                .isZero();
    }

    @Test
    void whatIsWrongWithALineOrTheCustomerIsReportedAndTheRestIsStillQuoted() {
        UUID customer = fixtures.customer("100000.00");

        OrderQuote quote = entry.quote(newOrder(customer, plenty, 2, "NO-SUCH-SKU", 1, scarce, 0));

        assertThat(quote.problems())
                .extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("lines[1].sku", "lines[2].quantity");
        assertThat(quote.lines()).extracting(OrderQuote.Line::index).containsExactly(0);
        assertThat(quote.subtotal().amount()).isEqualByComparingTo("24.70");

        OrderQuote anonymous = entry.quote(newOrder(null, plenty, 2));
        assertThat(anonymous.problems()).extracting(FieldViolation::field).containsExactly("customerId");
        assertThat(anonymous.currency()).isNull();
        assertThat(anonymous.total()).isNull();
        // without a customer there is no price, but there is stock
        assertThat(anonymous.line(0).available()).isEqualTo(100);

        OrderQuote past = entry.quote(new OrderEntry.NewOrder(
                customer,
                "WEB",
                null,
                "BY-PIGEON",
                null,
                List.of(new OrderEntry.NewLine(plenty, 1)),
                new Address(null, "Street 1", null, "Berlin", null, "10115", "DE"),
                LocalDate.now(ZoneOffset.UTC).minusDays(1)));
        assertThat(past.problems())
                .extracting(FieldViolation::field)
                .contains("shippingMethod", "requestedDeliveryDate", "shippingAddress.name");
        assertThat(past.lines()).hasSize(1);
    }

    @Test
    void aQuoteForeseesTheCreditHoldThatPlacingThenApplies() {
        UUID customer = fixtures.customer("50.00");

        OrderQuote small = entry.quote(newOrder(customer, plenty, 1));
        OrderQuote large = entry.quote(newOrder(customer, plenty, 10));

        assertThat(small.credit().hold()).isFalse();
        assertThat(small.credit().limit().amount()).isEqualByComparingTo("50.00");
        assertThat(small.credit().exposure().amount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(small.credit().available().amount()).isEqualByComparingTo("50.00");
        assertThat(large.credit().hold()).isTrue();
        assertThat(admin.post("/api/orders", order(customer, plenty, 10))
                        .expect(201)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ON_HOLD");
        // the held order now counts as exposure for the next quote
        OrderQuote next = entry.quote(newOrder(customer, plenty, 1));
        assertThat(next.credit().exposure().amount())
                .isEqualByComparingTo(large.total().amount());
        assertThat(next.credit().hold()).isTrue();
    }

    @Test
    void anOrderTakenWithAnAddressAndADateKeepsThem() {
        UUID customer = fixtures.customer("100000.00");
        Address elsewhere = new Address("Site office", "Baustelle 7", null, "Potsdam", null, "14467", "DE");
        LocalDate requested = LocalDate.now(ZoneOffset.UTC).plusDays(40);

        OrderSnapshot placed = entry.place(new OrderEntry.NewOrder(
                customer,
                "WEB",
                "PO-1",
                "EXPRESS",
                null,
                List.of(new OrderEntry.NewLine(plenty, 1)),
                elsewhere,
                requested));

        assertThat(placed.shippingAddress()).isEqualTo(elsewhere);
        assertThat(placed.requestedDeliveryDate()).isEqualTo(requested);
        assertThat(placed.promisedDate()).isEqualTo(requested);
        assertThat(placed.channel()).isEqualTo("WEB");
        assertThat(entry.shippingMethods()).first().isEqualTo("STANDARD");
        assertThat(entry.shippingMethods()).contains("EXPRESS");
    }
}
