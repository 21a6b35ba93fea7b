package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ordo.invoicing.InvoicingSupport;
import org.ordo.orders.OrderFulfillment;
import org.ordo.testing.Fixtures;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The shipping charge as people see it, with the demo configuration (STANDARD 4.90 EUR): the sales rep on the order,
 * the customer in the portal, the accountant on the invoice. A database of its own: the other journeys ship free.
 */
@TestPropertySource(
        properties = {
            "ordo.shipping.charging=true",
            "spring.datasource.url=jdbc:h2:mem:ordo-shipping-pages;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        })
class ShippingChargeJourneyTests extends BrowserJourney {

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TestUsers users;

    private void assertClean() {
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theShippingChargeIsOnTheOrderInThePortalAndOnTheInvoice() {
        Fixtures fixtures = new Fixtures(port);
        InvoicingSupport flow = new InvoicingSupport(port, fulfillment, tx, events);
        UUID customer = flow.customer("DE", Map.of());
        String warehouse = fixtures.warehouse();
        String standard = fixtures.product("10.00", "STANDARD");
        String reduced = fixtures.product("10.00", "REDUCED");
        fixtures.receive(standard, warehouse, 6);
        fixtures.receive(reduced, warehouse, 4);
        // 60.00 at 19 % and 40.00 at 7 %, shipping 4.90 taxed 0.56 + 0.14: 100.00 + 4.90 + 14.90
        JsonNode order = flow.order(customer, standard, 6, reduced, 4);
        String number = order.get("number").asString();

        logIn("sales", DEMO_PASSWORD);
        browser.open("/orders/" + order.get("id").asString());
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(css("h1"), number));
        assertThat(browser.find("#order-shipping").getText()).isEqualTo("€4.90");
        assertThat(browser.find("#order-total").getText()).isEqualTo("€119.80");
        assertClean();
        browser.screenshot("shipping-1-order");
        browser.reset();

        logIn(users.customer(customer), TestUsers.PASSWORD);
        browser.size(390, 844);
        browser.open("/portal/orders/" + number);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#order-shipping")));
        assertThat(browser.find("#order-shipping").getText()).isEqualTo("€4.90");
        assertThat(browser.find("#order-total").getText()).isEqualTo("€119.80");
        assertThat(browser.widerThanTheWindow())
                .as("elements wider than the phone")
                .isEqualTo("");
        assertClean();
        browser.screenshot("shipping-2-portal-order-phone");
        browser.reset();

        flow.ship(order, warehouse, 1, 6, 2, 4);
        JsonNode invoice = flow.awaitInvoice(order.get("id").asString());
        logIn("accounting", DEMO_PASSWORD);
        browser.open("/accounting/invoices/" + invoice.get("id").asString());
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        css("#invoice-number"), invoice.get("number").asString()));
        assertThat(browser.find("#invoice-shipping").getText()).isEqualTo("€4.90");
        assertThat(browser.find("#invoice-total").getText()).isEqualTo("€119.80");
        assertClean();
        browser.screenshot("shipping-3-invoice");
        browser.find("#lang-zh").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(css("body"), "运费"));
        assertClean();
        browser.screenshot("shipping-4-invoice-chinese");
        browser.find("#lang-en").click();
    }
}
