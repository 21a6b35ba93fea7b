package org.ordo.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.orders.OrderFulfillment;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * VAT across borders for the demo seller in Germany (ordo.company.country=DE, registered for OSS): what an order
 * and its invoice charge, and that each invoice is a valid EN 16931 document.
 */
@OrdoTest
class VatAcrossBordersTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    Fixtures fixtures;
    InvoicingSupport flow;
    Api admin;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        flow = new InvoicingSupport(port, fulfillment, tx, events);
        admin = Api.at(port).asAdmin();
    }

    /** A standard and a reduced rate line (100.00 and 10.00 net) shipped to {@code country}; its invoice. */
    private JsonNode invoiceTo(String country, Map<String, Object> customer) {
        String warehouse = fixtures.warehouse();
        String standard = fixtures.product("100.00", "STANDARD");
        String reduced = fixtures.product("10.00", "REDUCED");
        fixtures.receive(standard, warehouse, 1);
        fixtures.receive(reduced, warehouse, 1);
        JsonNode order = flow.order(flow.customer(country, customer), standard, 1, reduced, 1);
        flow.ship(order, warehouse, 1, 1, 2, 1);
        return flow.awaitInvoice(order.get("id").asString());
    }

    private String ubl(JsonNode invoice) {
        byte[] xml = admin.header("Accept", "application/xml")
                .get("/api/invoices/" + invoice.get("id").asString())
                .expect(200)
                .text()
                .getBytes(StandardCharsets.UTF_8);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(En16931.errors(xml)).as(text).isEmpty();
        return text;
    }

    private static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asString());
    }

    private static List<String> categoriesAndRates(JsonNode invoice) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : invoice.get("lines")) {
            lines.add(line.get("vatCategory").asString() + " "
                    + decimal(line.get("taxRate")).stripTrailingZeros().toPlainString());
        }
        return lines;
    }

    @Test
    void aGermanCustomerPaysGermanVatAtTheStandardAndReducedRate() {
        JsonNode invoice = invoiceTo("DE", Map.of());
        assertThat(categoriesAndRates(invoice)).containsExactly("S 0.19", "S 0.07");
        assertThat(decimal(invoice.at("/totals/tax/amount"))).isEqualByComparingTo("19.70");
        assertThat(ubl(invoice)).doesNotContain("TaxExemptionReason");
    }

    @Test
    void anAustrianCompanyWithAVatIdIsInvoicedAnIntraCommunitySupplyAtZeroPercent() {
        JsonNode invoice = invoiceTo("AT", Map.of("vatId", "ATU13585627"));
        assertThat(categoriesAndRates(invoice)).containsExactly("K 0", "K 0");
        assertThat(decimal(invoice.at("/totals/tax/amount"))).isZero();
        String xml = ubl(invoice);
        assertThat(xml)
                .contains("<cbc:CompanyID>ATU13585627</cbc:CompanyID>")
                .contains("<cbc:TaxExemptionReasonCode>VATEX-EU-IC</cbc:TaxExemptionReasonCode>")
                .contains("<cbc:TaxExemptionReason>Intra-community supply — reverse charge</cbc:TaxExemptionReason>");
    }

    @Test
    void aCreditNoteOfAnIntraCommunitySupplyKeepsTheReverseCharge() {
        JsonNode invoice = invoiceTo("AT", Map.of("vatId", "ATU13585627"));
        JsonNode note = admin.post(
                        "/api/invoices/" + invoice.get("id").asString() + "/credit-notes",
                        Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", 1)), "reason", "returned"))
                .expect(201)
                .json();
        assertThat(categoriesAndRates(note)).containsExactly("K 0");
        assertThat(ubl(note)).contains("<cbc:TaxExemptionReasonCode>VATEX-EU-IC</cbc:TaxExemptionReasonCode>");
    }

    @Test
    void aFrenchConsumerPaysFrenchVatUnderTheOneStopShop() {
        JsonNode invoice = invoiceTo("FR", Map.of());
        assertThat(categoriesAndRates(invoice)).containsExactly("S 0.2", "S 0.055");
        ubl(invoice);
    }

    @Test
    void goodsToSwitzerlandAreAnExportAtZeroPercentNotTheFallbackRates() {
        assertExport(invoiceTo("CH", Map.of()));
    }

    @Test
    void goodsToGreatBritainAreAnExportEvenForABritishCompany() {
        assertExport(invoiceTo("GB", Map.of("vatId", "GB123456789")));
    }

    @Test
    void goodsToTheUnitedStatesAreAnExport() {
        assertExport(invoiceTo("US", Map.of()));
    }

    private void assertExport(JsonNode invoice) {
        assertThat(categoriesAndRates(invoice)).containsExactly("G 0", "G 0");
        assertThat(decimal(invoice.at("/totals/tax/amount"))).isZero();
        assertThat(ubl(invoice))
                .contains("<cbc:TaxExemptionReasonCode>VATEX-EU-G</cbc:TaxExemptionReasonCode>")
                .contains("<cbc:TaxExemptionReason>Export outside the EU</cbc:TaxExemptionReason>");
    }

    @Test
    void aTaxExemptCustomerIsInvoicedExemptWithTheSellersReason() {
        JsonNode invoice = invoiceTo("DE", Map.of("taxExempt", true, "vatId", "DE811907980"));
        assertThat(categoriesAndRates(invoice)).containsExactly("E 0", "E 0");
        assertThat(ubl(invoice)).contains("<cbc:TaxExemptionReason>Exempt from VAT</cbc:TaxExemptionReason>");
    }

    @Test
    void theOrderLineCarriesTheRateAndVatCategoryItsInvoiceWillBill() {
        String warehouse = fixtures.warehouse();
        String standard = fixtures.product("100.00", "STANDARD");
        fixtures.receive(standard, warehouse, 1);
        JsonNode toAustria = flow.order(flow.customer("AT", Map.of("vatId", "ATU13585627")), standard, 1);
        JsonNode toSwitzerland = flow.order(flow.customer("CH", Map.of()), standard, 1);
        assertThat(decimal(toAustria.at("/lines/0/taxRate"))).isZero();
        assertThat(toAustria.at("/lines/0/vatCategory").asString()).isEqualTo("K");
        assertThat(decimal(toSwitzerland.at("/lines/0/taxRate"))).isZero();
        assertThat(toSwitzerland.at("/lines/0/vatCategory").asString()).isEqualTo("G");
    }
}
