package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ordo.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Quotations in the browser: a sales rep writes a quotation for a demo customer and sends it; the customer accepts it
 * in the portal and lands on the order, its stock reserved; an expired quotation offers no Accept. In Chinese and at
 * phone width too.
 */
class QuotationJourneyTests extends BrowserJourney {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRepSendsAQuotationAndTheCustomerAcceptsItInThePortalButNotAnExpiredOne() {
        logIn("sales", DEMO_PASSWORD);
        browser.find("#nav-nav\\.quotations").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#quotation-filters")));
        browser.find("#quotation-new").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#quotation-form")));
        browser.find("#customer").sendKeys("Müller Bürotechnik");
        browser.webDriver().findElement(By.id("lines[0].sku")).sendKeys("OF-1001");
        browser.webDriver().findElement(By.id("lines[0].quantity")).sendKeys("4");
        browser.webDriver().findElement(By.id("lines[1].sku")).sendKeys("OF-1002");
        browser.webDriver().findElement(By.id("lines[1].quantity")).sendKeys("2");
        browser.webDriver().findElement(By.id("lines[1].discount")).sendKeys("5");
        browser.screenshot("quotation-1-new");
        browser.find("#quotation-save").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#quotation-status")));
        assertThat(browser.all("#quotation-lines tbody tr")).hasSize(2);
        // the saved page shows a done message too: wait for it to go before looking for the sent page's
        var send = browser.find("#quotation-send");
        send.sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.stalenessOf(send));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#quotation-done")));
        assertThat(browser.find("#quotation-status").getText()).isEqualTo("Sent");
        assertThat(browser.find("#quotation-timeline").getText()).contains("Revision 1 sent");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("quotation-2-sent");
        String url = browser.webDriver().getCurrentUrl();
        String number = url.substring(url.lastIndexOf('/') + 1);
        String expired = expiredQuotation(number);
        browser.open("/quotations");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#quotations-table")));
        browser.size(390, 844);
        assertThat(browser.widerThanTheWindow()).isEqualTo("");
        browser.screenshot("quotation-3-list-phone");
        browser.size(1366, 768);

        browser.reset();
        logIn("mueller", DEMO_PASSWORD);
        browser.find("#nav-nav\\.portal\\.quotations").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#quotations-table")));
        assertThat(browser.find("#quotations-table").getText()).contains(number).contains(expired);
        browser.open("/portal/quotations/" + expired);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#quotation-expired")));
        assertThat(browser.all("#quotation-accept")).isEmpty();
        browser.screenshot("quotation-4-portal-expired");
        browser.open("/portal/quotations/" + number);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#quotation-accept")));
        browser.find("#lang-zh").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(css("h1"), "报价单"));
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        browser.screenshot("quotation-5-portal-chinese");
        browser.size(390, 844);
        assertThat(browser.widerThanTheWindow()).isEqualTo("");
        browser.screenshot("quotation-6-portal-chinese-phone");
        browser.size(1366, 768);
        browser.find("#lang-en").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("html[lang=en]")));

        browser.find("#quotation-accept").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#done").getText()).contains("You accepted quotation " + number);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("quotation-7-portal-order");
        String orderUrl = browser.webDriver().getCurrentUrl();
        JsonNode order = Api.at(port)
                .asAdmin()
                .get("/api/orders/" + orderUrl.substring(orderUrl.lastIndexOf('/') + 1))
                .expect(200)
                .json();
        for (JsonNode line : order.get("lines")) {
            assertThat(line.get("reservedQuantity").asLong())
                    .isEqualTo(line.get("quantity").asLong());
        }
    }

    /** A second quotation for the same customer, sent and then past its validity date. */
    private String expiredQuotation(String sent) {
        Api admin = Api.at(port).asAdmin();
        String customer = admin.get("/api/quotations/" + sent)
                .expect(200)
                .json()
                .get("customerId")
                .asString();
        JsonNode draft = admin.post(
                        "/api/quotations",
                        Map.of(
                                "customerId", customer,
                                "validUntil", LocalDate.now().plusDays(5).toString(),
                                "lines", List.of(Map.of("sku", "OF-1001", "quantity", 1))))
                .expect(201)
                .json();
        String number = draft.get("number").asString();
        admin.post("/api/quotations/" + number + "/send", Map.of()).expect(200);
        jdbc.update(
                "UPDATE quotation SET valid_until = ? WHERE number = ?",
                java.sql.Date.valueOf(LocalDate.now().minusDays(1)),
                number);
        return number;
    }
}
