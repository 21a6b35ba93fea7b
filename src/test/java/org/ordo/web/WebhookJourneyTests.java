package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;

/**
 * An administrator subscribes the ERP to order events: a URL that is not https is told next to the field, the signing
 * secret is shown once, the order placed next is delivered and shows in the endpoint's log, and is sent again by hand;
 * the page also in Chinese and at phone width.
 */
class WebhookJourneyTests extends BrowserJourney {

    @Test
    void anAdministratorSubscribesTheErpAndSeesAnOrdersEventsDelivered() throws IOException {
        AtomicInteger received = new AtomicInteger();
        HttpServer erp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        erp.createContext("/ordo-events", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        erp.start();
        try {
            logIn("admin", Api.ADMIN_PASSWORD);
            browser.open("/admin/webhooks");
            browser.find("#url").sendKeys("http://erp.example/ordo-events");
            browser.find("#type-order\\.placed").sendKeys(Keys.SPACE);
            browser.find("#type-order\\.confirmed").sendKeys(Keys.SPACE);
            browser.find("#subscribe").sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#url-error")));
            assertThat(browser.find("#url-error").getText()).contains("https");
            assertThat(browser.find("#type-order\\.placed").isSelected()).isTrue();
            browser.screenshot("webhooks-1-url-refused");

            String url = "http://localhost:" + erp.getAddress().getPort() + "/ordo-events";
            browser.find("#url").clear();
            browser.find("#url").sendKeys(url);
            browser.find("#subscribe").sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#webhook-secret")));
            assertThat(browser.find("#webhook-secret").getAttribute("value")).startsWith("whsec_");
            assertThat(browser.find("#done").getText()).contains(url);
            browser.screenshot("webhooks-2-subscribed-secret-once");

            placeAnOrder();
            browser.waiting().until(d -> received.get() >= 2);
            browser.waiting().until(d -> {
                browser.webDriver().navigate().refresh();
                return browser.all("#deliveries-table .delivery-status").stream()
                                .filter(e -> e.getText().equals("delivered"))
                                .count()
                        >= 2;
            });
            assertThat(browser.all("#webhook-secret")).isEmpty();
            browser.screenshot("webhooks-3-delivery-log");

            browser.all(".replay-one").get(0).sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
            assertThat(browser.find("#done").getText()).contains("queued again");
            browser.waiting().until(d -> received.get() >= 3);

            browser.find("#lang-zh").sendKeys(Keys.ENTER);
            browser.waiting()
                    .until(d -> browser.find("h1").getText().equals("Webhook")
                            && browser.find("#log-title").getText().contains("投递"));
            assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
            browser.screenshot("webhooks-4-log-zh");

            browser.size(390, 844);
            browser.webDriver().navigate().refresh();
            assertThat(browser.widerThanTheWindow()).isEmpty();
            browser.screenshot("webhooks-5-phone-zh");
            browser.size(1366, 768);
            browser.find("#lang-en").sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.textToBe(css("h1"), "Webhooks"));
        } finally {
            erp.stop(0);
        }
    }

    private void placeAnOrder() {
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("5.00");
        fixtures.receive(sku, warehouse, 5);
        UUID customer = fixtures.customer("10000.00");
        Api.at(port)
                .asAdmin()
                .post("/api/orders", Fixtures.order(customer, sku, 1))
                .expect(201);
    }
}
