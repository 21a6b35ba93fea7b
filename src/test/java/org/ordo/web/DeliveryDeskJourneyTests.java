package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ordo.fulfillment.ShippingFixtures;
import org.ordo.testing.Api;
import tools.jackson.databind.JsonNode;

/**
 * Customer service opens the delivery desk from the navigation, finds the parcel the carrier reported damaged with the
 * carrier's words, and follows it to the order's timeline; in Chinese and at phone width too.
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
