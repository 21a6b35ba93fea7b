package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.reporting.KeyFigures;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The quotation pages: sales write, send, revise and decline quotations; the customer reads, accepts and declines its
 * own in the portal; refusals are shown next to their fields or above the page in words.
 */
@OrdoTest
class QuotationPageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KeyFigures figures;

    Fixtures fixtures;
    String warehouse;
    UUID customer;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        warehouse = fixtures.warehouse();
        customer = fixtures.customer("100000.00", warehouse);
    }

    private PageClient loggedIn(String username) {
        PageClient page = new PageClient(port);
        page.logIn(username, TestUsers.PASSWORD);
        return page;
    }

    private PageClient sales() {
        PageClient page = loggedIn(users.staff("SALES"));
        page.get("/quotations/new"); // the form's CSRF token
        return page;
    }

    private static Map<String, String> form(UUID customer, String... skuQuantityDiscount) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("customerId", customer.toString());
        form.put("validUntil", LocalDate.now().plusDays(30).toString());
        for (int i = 0; i < skuQuantityDiscount.length / 3; i++) {
            form.put("lines[" + i + "].sku", skuQuantityDiscount[3 * i]);
            form.put("lines[" + i + "].quantity", skuQuantityDiscount[3 * i + 1]);
            form.put("lines[" + i + "].discount", skuQuantityDiscount[3 * i + 2]);
        }
        return form;
    }

    /** The quotation's number from the page a create or send redirected to. */
    private static String numberOf(HttpResponse<String> redirected) {
        assertThat(redirected.statusCode()).as(redirected.body()).isEqualTo(302);
        String location = redirected.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private String sentQuotation(PageClient sales, String sku, String quantity) {
        String number = numberOf(sales.post("/quotations/new", form(customer, sku, quantity, "")));
        assertThat(sales.post("/quotations/" + number + "/send", Map.of()).statusCode())
                .isEqualTo(302);
        return number;
    }

    @Test
    void salesWritesAQuotationPricedByThePricingRulesSendsItAndSeesWhatHappened() {
        String sku = fixtures.product("10.00");
        PageClient sales = sales();

        String number = numberOf(sales.post("/quotations/new", form(customer, sku, "3", "5", "", "", "")));
        String draft = sales.get("/quotations/" + number).body();
        HttpResponse<String> send = sales.post("/quotations/" + number + "/send", Map.of());
        String sent = sales.get("/quotations/" + number).body();
        String list = sales.get("/quotations?status=SENT&customer=" + customer).body();

        assertThat(draft).contains("Draft").contains(sku).contains("9.50").contains("28.50");
        assertThat(send.statusCode()).isEqualTo(302);
        assertThat(sent)
                .contains("id=\"quotation-status\">Sent")
                .contains("Revision 1 sent")
                .contains("Download PDF")
                .doesNotContain("id=\"quotation-send\"");
        assertThat(list).contains("data-quotation=\"" + number + "\"");
        assertThat(sales.get("/quotations?status=DRAFT&customer=" + customer).body())
                .doesNotContain(number);
    }

    @Test
    void showPricesPricesTheRowsAsTypedByThePricingRulesAndSavesNothing() {
        String sku = fixtures.product("10.00");
        PageClient sales = sales();
        Map<String, String> form = form(customer, sku, "3", "5", "NO-SUCH-SKU", "1", "");
        form.put("price", "1");

        HttpResponse<String> priced = sales.post("/quotations/new", form);

        assertThat(priced.statusCode()).isEqualTo(200);
        assertThat(priced.body()).contains("9.50").contains("28.50").contains("value=\"NO-SUCH-SKU\"");
        assertThat(sales.get("/quotations?customer=" + customer).body()).contains("id=\"quotations-none\"");
    }

    @Test
    void aCustomerFoundByNameIsChosenAndANameMatchingNoneIsSaidNextToTheField() {
        String sku = fixtures.product("10.00");
        String name = Api.at(port)
                .asAdmin()
                .get("/api/customers/" + customer)
                .expect(200)
                .json()
                .get("name")
                .asString();
        PageClient sales = sales();
        Map<String, String> byName = form(customer, sku, "1", "");
        byName.remove("customerId");
        byName.put("customer", name);
        Map<String, String> nobody = new LinkedHashMap<>(byName);
        nobody.put("customer", "no such customer " + UUID.randomUUID());

        HttpResponse<String> found = sales.post("/quotations/new", byName);
        HttpResponse<String> notFound = sales.post("/quotations/new", nobody);

        assertThat(found.statusCode()).isEqualTo(302);
        assertThat(notFound.statusCode()).isEqualTo(400);
        assertThat(notFound.body()).contains("id=\"customer-error\"").contains("No active customer matches.");
    }

    @Test
    void aLineTheQuotationsModuleRefusesIsShownAtItsRowAndAnUnreadableQuantityToo() {
        String sku = fixtures.product("10.00");
        PageClient sales = sales();

        HttpResponse<String> unknown =
                sales.post("/quotations/new", form(customer, "", "", "", "NO-SUCH-SKU", "2", "", sku, "1", ""));
        HttpResponse<String> unreadable = sales.post("/quotations/new", form(customer, sku, "two", ""));

        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body())
                .contains("id=\"lines[1].sku-error\"")
                .contains("NO-SUCH-SKU is not an active product.");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).contains("id=\"lines[0].quantity-error\"");
    }

    @Test
    void aDiscountBeyondTheSalesLimitKeepsTheQuotationFromBeingSentAndNamesItsLine() {
        String sku = fixtures.product("10.00");
        PageClient sales = sales();
        String number = numberOf(sales.post("/quotations/new", form(customer, sku, "1", "", sku, "2", "15")));

        HttpResponse<String> refused = sales.post("/quotations/" + number + "/send", Map.of());

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body())
                .contains("was not sent: a discount is beyond what your role may give")
                .contains("15 % is beyond the discount your role may give")
                .contains("id=\"quotation-status\">Draft");
        PageClient admin = loggedIn(users.staff("ADMIN"));
        admin.get("/quotations/" + number);
        assertThat(admin.post("/quotations/" + number + "/send", Map.of()).statusCode())
                .isEqualTo(302);
    }

    @Test
    void revisingASentQuotationShowsTheEarlierRevisionAndDecliningTwiceIsRefusedInWords() {
        String sku = fixtures.product("10.00");
        PageClient sales = sales();
        String number = sentQuotation(sales, sku, "2");
        sales.get("/quotations/" + number + "/revise");

        HttpResponse<String> revised = sales.post("/quotations/" + number + "/revise", form(customer, sku, "4", ""));
        String page = sales.get("/quotations/" + number).body();
        HttpResponse<String> declined = sales.post("/quotations/" + number + "/decline", Map.of());
        HttpResponse<String> again = sales.post("/quotations/" + number + "/decline", Map.of());

        assertThat(revised.statusCode()).isEqualTo(302);
        assertThat(page).contains("revision 2").contains("Earlier revisions").contains("data-revision=\"1\"");
        assertThat(declined.statusCode()).isEqualTo(302);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Quotation " + number + " is “Declined” and cannot be “Declined”");
    }

    @Test
    void theCustomerAcceptsASentQuotationInThePortalAndSeesTheOrderButNotAnExpiredOne() {
        String sku = fixtures.product("10.00");
        fixtures.receive(sku, warehouse, 10);
        PageClient sales = sales();
        String draft = numberOf(sales.post("/quotations/new", form(customer, sku, "2", "")));
        String open = sentQuotation(sales, sku, "3");
        String expired = sentQuotation(sales, sku, "1");
        jdbc.update(
                "UPDATE quotation SET valid_until = ? WHERE number = ?",
                java.sql.Date.valueOf(LocalDate.now().minusDays(1)),
                expired);
        PageClient portal = loggedIn(users.customer(customer));

        String list = portal.get("/portal/quotations").body();
        String expiredPage = portal.get("/portal/quotations/" + expired).body();
        HttpResponse<String> refused = portal.post("/portal/quotations/" + expired + "/accept", Map.of());
        portal.get("/portal/quotations/" + open);
        HttpResponse<String> accepted = portal.post("/portal/quotations/" + open + "/accept", Map.of());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String order =
                portal.get(location.substring(location.indexOf("/portal/"))).body();

        assertThat(list).contains(open).contains(expired).doesNotContain(draft);
        assertThat(expiredPage).contains("Expired").doesNotContain("id=\"quotation-accept\"");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("can no longer be sent or accepted");
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(order).contains("You accepted quotation " + open);
        assertThat(fixtures.level(sku, warehouse).get("reserved").asLong()).isEqualTo(3);
        assertThat(portal.get("/portal/quotations/" + draft).statusCode()).isEqualTo(404);
        assertThat(portal.get("/portal/quotations/" + open + "/pdf").headers().firstValue("Content-Type"))
                .hasValue("application/pdf");
    }

    @Test
    void theDashboardCountsAcceptedOfDecidedQuotationsAndTheValueOfThoseStillOpen() {
        String sku = fixtures.product("10.00");
        fixtures.receive(sku, warehouse, 10);
        PageClient sales = sales();
        LocalDate today = LocalDate.now();
        KeyFigures.QuotationFigures before = figures.quotations(today.minusDays(1), today.plusDays(1));

        String accepted = sentQuotation(sales, sku, "1");
        String declined = sentQuotation(sales, sku, "2");
        sentQuotation(sales, sku, "3");
        Api.at(port)
                .asAdmin()
                .post("/api/quotations/" + accepted + "/accept", Map.of())
                .expect(200);
        sales.post("/quotations/" + declined + "/decline", Map.of());
        KeyFigures.QuotationFigures after = figures.quotations(today.minusDays(1), today.plusDays(1));

        assertThat(after.conversion().numerator() - before.conversion().numerator())
                .isEqualTo(1);
        assertThat(after.conversion().denominator() - before.conversion().denominator())
                .isEqualTo(2);
        assertThat(after.open() - before.open()).isEqualTo(1);
        assertThat(eur(after).subtract(eur(before))).isEqualByComparingTo("30.00");
        assertThat(sales.get("/").body())
                .contains("id=\"quotation-conversion\"")
                .contains("Conversion rate");
    }

    private static java.math.BigDecimal eur(KeyFigures.QuotationFigures figures) {
        return figures.openValue().stream()
                .filter(m -> m.currencyCode().equals("EUR"))
                .map(org.ordo.shared.Money::amount)
                .findFirst()
                .orElse(java.math.BigDecimal.ZERO);
    }

    @Test
    void onlyThoseWhoTakeOrdersOpenTheQuotationPagesAndCustomersOnlyTheirPortal() {
        PageClient warehouseUser = loggedIn(users.staff("WAREHOUSE"));
        PageClient customerUser = loggedIn(users.customer(customer));

        assertThat(warehouseUser.get("/quotations").statusCode()).isEqualTo(403);
        assertThat(customerUser.get("/quotations").statusCode()).isEqualTo(403);
        assertThat(warehouseUser.get("/portal/quotations").statusCode()).isEqualTo(403);
    }
}
