package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The e-mails to a customer in its customer 360 and in its portal, with how their delivery went. */
@OrdoTest
class MessageLogPageTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestUsers users;

    @Test
    void supportAndTheCustomerSeeEachMessageWithItsStatusAndAFailuresReasonOnlyToStaff() {
        UUID customer = new Fixtures(port).customer("0");
        UUID other = new Fixtures(port).customer("0");
        message(customer, "Your order SO-1 is confirmed", "SENT", null);
        message(customer, "Invoice INV-1", "FAILED", "550 mailbox unavailable");
        message(other, "Someone else's invoice", "SENT", null);

        PageClient support = new PageClient(port);
        support.logIn(users.staff("SUPPORT"), TestUsers.PASSWORD);
        assertThat(support.get("/customers/" + customer).body())
                .contains("id=\"customer-mails\"", "Your order SO-1 is confirmed", "Invoice INV-1", "Sent", "Failed")
                .contains("550 mailbox unavailable")
                .doesNotContain("Someone else&#39;s invoice");

        PageClient portal = new PageClient(port);
        portal.logIn(users.customer(customer), TestUsers.PASSWORD);
        assertThat(portal.get("/portal").body())
                .contains("E-mails we sent you", "Your order SO-1 is confirmed", "could not be delivered")
                .doesNotContain("550 mailbox unavailable", "Someone else");
    }

    @Test
    void anAdministratorTurnsOffTheShippingNoticeButNeverTheOrderConfirmation() {
        UUID customer = new Fixtures(port).customer("0");
        PageClient admin = new PageClient(port);
        admin.logIn(users.staff("ADMIN"), TestUsers.PASSWORD);
        assertThat(admin.get("/admin/customers/" + customer).body())
                .contains("id=\"mail-choices\"", "Shipped, with tracking", "(always sent)")
                .containsPattern("id=\"mail-SHIPPED\"[^>]*checked")
                .containsPattern("id=\"mail-ORDER_CONFIRMED\"[^>]*disabled");

        // only the payment notice stays ticked; the browser sends no disabled box
        assertThat(admin.post("/admin/customers/" + customer + "/notifications", Map.of("on", "PAYMENT_RECEIVED"))
                        .statusCode())
                .isEqualTo(302);
        JsonNode choices = Api.at(port)
                .asAdmin()
                .get("/api/customers/" + customer + "/notifications")
                .expect(200)
                .json();
        assertThat(enabled(choices, "SHIPPED")).isFalse();
        assertThat(enabled(choices, "PAYMENT_RECEIVED")).isTrue();
        assertThat(enabled(choices, "ORDER_CONFIRMED")).isTrue();
        assertThat(admin.get("/admin/customers/" + customer).body())
                .doesNotContainPattern("id=\"mail-SHIPPED\"[^>]*checked");
    }

    @Test
    void anAdministratorPreviewsTheShippingNoticeInChineseWithItsTrackingLink() {
        PageClient admin = new PageClient(port);
        admin.logIn(users.staff("ADMIN"), TestUsers.PASSWORD);
        String page =
                admin.get("/admin/mail-preview?kind=SHIPPED&language=zh-CN").body();
        assertThat(page)
                .contains("您的订单 SO-2026-000123 已发货", "运单号：00340434161234567890")
                .contains("https://www.dhl.com/global-en/home/tracking/tracking-express.html");
        assertThat(admin.get("/admin/mail-preview?kind=INVOICE_ISSUED&language=en")
                        .body())
                .contains("Invoice INV-2026-000045", "Please find attached invoice INV-2026-000045");
    }

    private static boolean enabled(JsonNode choices, String kind) {
        return choices.valueStream()
                .filter(c -> c.get("kind").asString().equals(kind))
                .findFirst()
                .orElseThrow()
                .get("enabled")
                .asBoolean();
    }

    private void message(UUID customer, String subject, String status, String error) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "INSERT INTO notification (id, customer_id, event_key, kind, language, recipient, subject, body_html, "
                        + "body_text, status, attempts, last_error, next_attempt_at, created_at, sent_at) "
                        + "VALUES (?, ?, ?, 'INVOICE_ISSUED', 'en', 'buyer@example.com', ?, '<p>x</p>', 'x', ?, 1, ?, ?, ?, ?)",
                UUID.randomUUID(),
                customer,
                "test:" + UUID.randomUUID(),
                subject,
                status,
                error,
                now,
                now,
                "SENT".equals(status) ? now : null);
    }
}
