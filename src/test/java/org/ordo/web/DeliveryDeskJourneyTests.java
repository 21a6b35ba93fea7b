package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ordo.fulfillment.ShippingFixtures;
import org.ordo.testing.Api;
import tools.jackson.databind.JsonNode;

/**
 * Customer service opens the delivery desk from the navigation, finds the parcel the carrier reported damaged with the
 * carrier's words, and follows it to the order's timeline; re-ships a lost parcel and credits a damaged one; in Chinese
 * and at phone width too.
 */
class DeliveryDeskJourneyTests extends BrowserJourney {

    @Test
    void customerServiceFindsADamagedParcelOnTheDeskAndFollowsItToTheOrder() {
        String number = damagedParcel();
        logIn("support", DEMO_PASSWORD);

        browser.find("#nav-nav\\.deliveries").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#deliveries-table")));
        String row = "tr[data-shipment='" + number + "']";
        assertThat(browser.find(row).getText()).contains("Parcel damaged").contains("box crushed");
        browser.screenshot("delivery-desk-1-queue");

        browser.find(row + " .order-link").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#timeline")));
        assertThat(browser.find("#timeline").getText())
                .contains("Parcel damaged")
                .contains(number);
        browser.screenshot("delivery-desk-2-order-timeline");

        browser.open("/deliveries");
        browser.find("#lang-zh").sendKeys(Keys.ENTER);
        browser.waiting().until(d -> browser.find("h1").getText().contains("派送服务台"));
        assertThat(browser.find(row).getText()).contains("包裹破损");
        browser.screenshot("delivery-desk-3-queue-zh");

        browser.size(390, 844);
        browser.open("/deliveries");
        assertThat(browser.widerThanTheWindow()).isEmpty();
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        browser.screenshot("delivery-desk-4-queue-phone-zh");

        // the language is the user's: give support back its English for the journeys after this one
        browser.size(1366, 768);
        browser.find("#lang-en").sendKeys(Keys.ENTER);
        browser.waiting().until(d -> browser.find("h1").getText().contains("Delivery desk"));
    }

    @Test
    void customerServiceReshipsALostParcelAndCreditsADamagedOneAfterBeingToldWhatIsTooMuch() {
        String lost = parcel("LOST", "not found at the hub");
        String damaged = parcel("DAMAGED", "box crushed");
        awaitInvoiceOf(damaged);
        logIn("support", DEMO_PASSWORD);
        browser.open("/deliveries");

        open(lost);
        WebElement reason = browser.find("#reship-reason-" + lost);
        reason.sendKeys("carrier confirmed the loss", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#done").getText()).contains(lost).contains("replacement order");
        assertThat(browser.all("tr[data-shipment='" + lost + "']")).isEmpty();
        browser.screenshot("delivery-desk-5-reshipped");

        open(damaged);
        browser.find("#credit-amount-" + damaged).sendKeys("1000");
        browser.find("#credit-reason-" + damaged).sendKeys("box crushed", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css(".credit-form .invalid-feedback")));
        assertThat(browser.find(".credit-form .invalid-feedback").getText()).contains("left to credit");
        browser.screenshot("delivery-desk-6-credit-too-much");

        WebElement amount = browser.find("#credit-amount-" + damaged);
        amount.clear();
        amount.sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#done").getText()).contains(damaged).contains("CN-");
        browser.screenshot("delivery-desk-7-credited");

        browser.find("#lang-zh").sendKeys(Keys.ENTER);
        browser.waiting().until(d -> browser.find("h1").getText().contains("派送服务台"));
        browser.size(390, 844);
        browser.open("/deliveries");
        if (!browser.all("details[data-actions]").isEmpty()) {
            browser.find("details[data-actions] summary").sendKeys(Keys.ENTER);
        }
        assertThat(browser.widerThanTheWindow()).isEmpty();
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        browser.screenshot("delivery-desk-8-actions-phone-zh");
        browser.size(1366, 768);
        browser.find("#lang-en").sendKeys(Keys.ENTER);
        browser.waiting().until(d -> browser.find("h1").getText().contains("Delivery desk"));
    }

    /** Opens the actions of a parcel on the desk. */
    private void open(String number) {
        browser.find("details[data-actions='" + number + "'] summary").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(css("#reship-reason-" + number)));
    }

    private void awaitInvoiceOf(String shipmentNumber) {
        Api admin = Api.at(port).asAdmin();
        String orderId = admin.get("/api/shipments/" + shipmentNumber)
                .expect(200)
                .json()
                .get("orderId")
                .asString();
        browser.waiting()
                .until(d -> admin.get("/api/invoices?orderId=" + orderId)
                                .expect(200)
                                .json()
                                .get("items")
                                .size()
                        > 0);
    }

    private String parcel(String news, String reason) {
        Api admin = Api.at(port).asAdmin();
        JsonNode packed = new ShippingFixtures(port).packedShipment(1);
        String id = packed.get("id").asString();
        JsonNode shipped = admin.post("/api/shipments/" + id + "/ship", Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200)
                .json();
        admin.post("/api/shipments/" + id + "/events", Map.of("type", news, "reason", reason))
                .expect(200);
        return shipped.get("number").asString();
    }

    private String damagedParcel() {
        Api admin = Api.at(port).asAdmin();
        JsonNode packed = new ShippingFixtures(port).packedShipment(1);
        String id = packed.get("id").asString();
        JsonNode shipped = admin.post("/api/shipments/" + id + "/ship", Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200)
                .json();
        admin.post(
                        "/api/shipments/" + id + "/events",
                        Map.of("type", "DAMAGED", "reason", "box crushed", "location", "Hub Kassel"))
                .expect(200);
        return shipped.get("number").asString();
    }
}
