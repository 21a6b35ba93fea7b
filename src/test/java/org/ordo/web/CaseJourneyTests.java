package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Customer service cases in the browser: support opens a case from an order, answers the customer and resolves it,
 * watching the time left in the queue; a customer opens one about its order in the portal and reads the reply but not
 * the internal note, and another customer cannot open it. In Chinese and at phone width too.
 */
class CaseJourneyTests extends BrowserJourney {

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void supportOpensACaseFromAnOrderAnswersTheCustomerAndResolvesIt() {
        UUID customer = new Fixtures(port).customer("1000.00");
        String order = order(customer);
        String late = lateCase(customer, order);
        logIn("support", DEMO_PASSWORD);

        browser.open("/orders/" + order);
        browser.find("#order-cases").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#case-filters")));
        browser.find("#case-new").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#case-form")));
        // the order's queue hands its customer and order to the new case
        assertThat(browser.find("#customerId").getAttribute("value")).isEqualTo(customer.toString());
        assertThat(browser.find("#orderId").getAttribute("value")).isEqualTo(order);
        new Select(browser.find("#type")).selectByValue("COMPLAINT");
        browser.find("#subject").sendKeys("Wrong colour delivered");
        browser.find("#message")
                .sendKeys("Customer called:", Keys.SHIFT, Keys.ENTER, Keys.SHIFT, "blue instead of red");
        browser.screenshot("case-1-new-case");
        browser.find("#case-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#case-status")));
        String number = browser.find("#case-facts dd").getText();
        assertThat(number).startsWith("CASE-");
        assertThat(browser.find("#case-left").getText()).matches("\\d+ h \\d+ min left");
        // a message keeps its lines: the page's own style sheet says so, no inline style the policy would block
        assertThat(browser.find("#case-messages li[data-kind='INTERNAL_NOTE'] .case-message-body")
                        .getCssValue("white-space"))
                .isEqualTo("pre-wrap");
        assertThat(browser.consoleErrors()).isEmpty();

        browser.find("#body").sendKeys("Sorry! A red one ships today.");
        browser.find("#reply-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#case-done")));
        assertThat(browser.find("#case-messages li[data-kind='STAFF_REPLY']").getText())
                .contains("A red one ships today");
        browser.screenshot("case-2-replied");

        new Select(browser.find("#status")).selectByValue("RESOLVED");
        browser.find("#change-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(css("#case-status"), "Resolved"));
        browser.screenshot("case-3-resolved");

        browser.find("#nav-nav\\.cases").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#case-filters")));
        new Select(browser.find("#status")).selectByValue("OPEN");
        browser.find("#filter-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("status=OPEN"));
        assertThat(browser.all("tr[data-case='" + number + "']")).isEmpty();
        // the case nobody answered in time says so, in red
        assertThat(browser.find("tr[data-case='" + late + "'] .case-left").getText())
                .matches("\\d+ h \\d+ min overdue");
        assertThat(browser.find("tr[data-case='" + late + "'] .case-left").getAttribute("class"))
                .contains("text-danger");
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.all("#cases-table .case-left"))
                .allSatisfy(left -> assertThat(left.getText()).matches(".*(left|overdue)"));
        browser.screenshot("case-4-queue");

        browser.find("#lang-zh").sendKeys(Keys.ENTER);
        browser.waiting().until(d -> browser.find("h1").getText().contains("客服"));
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.find("tr[data-case='" + late + "'] .case-left").getText())
                .startsWith("已超期");
        browser.screenshot("case-5-queue-zh");
        browser.size(390, 844);
        browser.open("/cases?status=OPEN");
        assertThat(browser.widerThanTheWindow()).isEmpty();
        browser.screenshot("case-6-queue-phone-zh");
        browser.open("/cases/" + number);
        assertThat(browser.widerThanTheWindow()).isEmpty();
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        browser.screenshot("case-7-case-phone-zh");

        // the language is the user's: give support back its English for the journeys after this one
        browser.size(1366, 768);
        browser.find("#lang-en").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("html[lang=en]")));
    }

    @Test
    void aCustomerOpensACaseInThePortalReadsTheReplyAndAnotherCustomerCannotOpenIt() {
        Fixtures fixtures = new Fixtures(port);
        UUID customer = fixtures.customer("1000.00");
        String order = order(customer);
        logIn(users.customer(customer), TestUsers.PASSWORD);

        browser.open("/portal/orders/" + order);
        browser.find("#case-link").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#case-form")));
        assertThat(browser.all("#customerId")).isEmpty();
        assertThat(browser.find("#orderId").getAttribute("value")).isEqualTo(order);
        new Select(browser.find("#type")).selectByValue("INQUIRY");
        browser.find("#subject").sendKeys("When does it ship?");
        browser.find("#message").sendKeys("I need it before Friday.");
        browser.find("#case-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#case-status")));
        String number = browser.find("#case-facts dd").getText();
        assertThat(browser.all("#change-form")).isEmpty();
        assertThat(browser.all("#note-submit")).isEmpty();
        // the targets are the desk's own, like the due dates the portal leaves out
        assertThat(browser.all("#case-left")).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("case-portal-1-opened");

        Api admin = Api.at(port).asAdmin();
        admin.post("/api/cases/" + number + "/messages", Map.of("kind", "INTERNAL_NOTE", "body", "Stock arrives Thu"))
                .expect(201);
        admin.post("/api/cases/" + number + "/messages", Map.of("kind", "STAFF_REPLY", "body", "It ships Thursday."))
                .expect(201);

        browser.open("/portal");
        browser.find("#nav-nav\\.portal\\.cases").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#cases-table")));
        browser.find("tr[data-case='" + number + "'] .case-link").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#case-messages")));
        assertThat(browser.find("#case-messages").getText())
                .contains("It ships Thursday.", "I need it before Friday.")
                .doesNotContain("Stock arrives Thu");
        browser.screenshot("case-portal-2-reply");

        browser.find("#lang-zh").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("html[lang=zh-CN]")));
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        browser.screenshot("case-portal-3-reply-zh");
        browser.size(390, 844);
        browser.open("/portal/cases");
        assertThat(browser.widerThanTheWindow()).isEmpty();
        browser.screenshot("case-portal-4-list-phone-zh");
        browser.open("/portal/cases/" + number);
        assertThat(browser.widerThanTheWindow()).isEmpty();
        browser.screenshot("case-portal-5-reply-phone-zh");
        browser.open("/portal/cases/new?order=" + order);
        assertThat(browser.widerThanTheWindow()).isEmpty();
        browser.screenshot("case-portal-6-new-phone-zh");
        browser.size(1366, 768);
        browser.find("#lang-en").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("html[lang=en]")));
        browser.reset();

        logIn(users.customer(fixtures.customer("1000.00")), TestUsers.PASSWORD);
        browser.open("/portal/cases/" + number);
        assertThat(browser.find("h1").getText()).isEqualTo("Not found");
        assertThat(browser.consoleErrors()).singleElement().asString().contains("status of 404");
        assertThat(browser.webDriver().getPageSource()).doesNotContain("It ships Thursday.");
        browser.open("/portal/cases");
        assertThat(browser.all("tr[data-case='" + number + "']")).isEmpty();
        browser.screenshot("case-portal-7-another-customer");
    }

    /** A case opened by the desk whose first answer was due three hours ago. */
    private String lateCase(UUID customer, String order) {
        String number = Api.at(port)
                .asAdmin()
                .post(
                        "/api/cases",
                        Map.of(
                                "customerId",
                                customer.toString(),
                                "orderId",
                                order,
                                "type",
                                "INQUIRY",
                                "subject",
                                "Call back about the invoice address",
                                "message",
                                "Asked by phone"))
                .expect(201)
                .json()
                .get("number")
                .asString();
        Timestamp threeHoursAgo = Timestamp.from(Instant.now().minus(Duration.ofHours(3)));
        jdbc.update(
                "UPDATE service_case SET first_response_due = ?, due_at = ? WHERE number = ?",
                threeHoursAgo,
                threeHoursAgo,
                number);
        return number;
    }

    private String order(UUID customer) {
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00");
        fixtures.receive(sku, warehouse, 5);
        return Api.at(port)
                .asAdmin()
                .post("/api/orders", Fixtures.order(customer, sku, 1))
                .expect(201)
                .json()
                .get("number")
                .asString();
    }
}
