package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

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
