package org.ordo.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ordo.catalog.DistanceSales;
import org.ordo.catalog.TaxRates;
import org.ordo.invoicing.InvoicingSupport;
import org.ordo.orders.OrderFulfillment;
import org.ordo.platform.ChangeNotices;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The EU-wide threshold of distance sales: a seller in Germany not registered for OSS charges consumers in France German
 * VAT until the distance sales of the year before or of this year pass the threshold, French VAT from then on; the
 * orders count those sales.
 */
@OrdoTest
class DistanceSalesThresholdTests {

    private static final LocalDate ON = LocalDate.of(2026, 6, 1);
    private static final BigDecimal THRESHOLD = new BigDecimal("10000.00");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DistanceSales orders;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ChangeNotices notices;

    /** The rates of a seller in Germany not registered for OSS whose distance sales were these, per year. */
    private TaxRates seller(Map<Integer, String> salesByYear, List<Integer> yearsAsked) {
        DistanceSales sales = (countries, year) -> {
            yearsAsked.add(year);
            assertThat(countries).contains("FR", "AT").doesNotContain("DE", "CH");
            return new BigDecimal(salesByYear.getOrDefault(year, "0"));
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("sales", sales));
        return new TaxRateStore(jdbc, notices, "DE", false, THRESHOLD, beans.getBeanProvider(DistanceSales.class));
    }

    private static BigDecimal standardRate(TaxRates.Destination destination) {
        return destination.of("STANDARD", BigDecimal.ZERO).rate().stripTrailingZeros();
    }

    @Test
    void belowTheThresholdBothYearsAConsumerAbroadPaysTheSellersVat() {
        TaxRates rates = seller(Map.of(2025, "9000.00", 2026, "10000.00"), new ArrayList<>());
        assertThat(standardRate(rates.forSale("FR", null, false, ON))).isEqualByComparingTo("0.19");
    }

    @Test
    void pastTheThresholdLastYearAConsumerAbroadPaysTheVatOfTheirCountry() {
        TaxRates rates = seller(Map.of(2025, "10000.01"), new ArrayList<>());
        assertThat(standardRate(rates.forSale("FR", null, false, ON))).isEqualByComparingTo("0.20");
    }

    @Test
    void pastTheThresholdThisYearAConsumerAbroadPaysTheVatOfTheirCountry() {
        TaxRates rates = seller(Map.of(2025, "0", 2026, "12000.00"), new ArrayList<>());
        assertThat(standardRate(rates.forSale("FR", null, false, ON))).isEqualByComparingTo("0.20");
    }

    @Test
    void domesticAndBusinessSalesNeverCountTheDistanceSales() {
        List<Integer> asked = new ArrayList<>();
        TaxRates rates = seller(Map.of(2025, "50000.00"), asked);
        assertThat(standardRate(rates.forSale("DE", null, false, ON))).isEqualByComparingTo("0.19");
        assertThat(rates.forSale("AT", "ATU13585627", false, ON).blanket().vatCategory())
                .isEqualTo("K");
        assertThat(rates.forSale("CH", null, false, ON).blanket().vatCategory()).isEqualTo("G");
        assertThat(asked).isEmpty();
    }

    @Test
    void theOrdersCountTheirConsumerSalesToOtherMemberStatesInEurosLessWhatWasCancelled() {
        Fixtures fixtures = new Fixtures(port);
        InvoicingSupport flow = new InvoicingSupport(port, fulfillment, tx, events);
        Api admin = Api.at(port).asAdmin();
        Set<String> abroad = Set.of("FR", "AT");
        int year = LocalDate.now().getYear();
        BigDecimal before = orders.netInEuros(abroad, year);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("40.00", "STANDARD");
        fixtures.receive(sku, warehouse, 20);

        JsonNode consumer = flow.order(flow.customer("FR", Map.of()), sku, 3);
        flow.order(flow.customer("DE", Map.of()), sku, 2);
        flow.order(flow.customer("AT", Map.of("vatId", "ATU13585627")), sku, 2);
        assertThat(orders.netInEuros(abroad, year)).isEqualByComparingTo(before.add(new BigDecimal("120.00")));

        admin.post(
                        "/api/orders/" + consumer.get("id").asString() + "/cancel",
                        Map.of("reason", "changed mind", "lines", List.of(Map.of("lineNumber", 1, "quantity", 1))))
                .expect(200);
        assertThat(orders.netInEuros(abroad, year)).isEqualByComparingTo(before.add(new BigDecimal("80.00")));
    }
}
