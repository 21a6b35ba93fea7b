package org.ordo.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.PostgresInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A staff reply on a case reaches the customer by e-mail (GreenMail on a free loopback port); a note does not. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ordo.admin-password=" + Api.ADMIN_PASSWORD,
            "server.shutdown=immediate",
            "ordo.identity.throttle.max-failures=100000",
            "ordo.shipping.charging=false",
            "spring.mail.host=127.0.0.1",
            "spring.mail.properties.mail.smtp.connectiontimeout=2000",
            "spring.mail.properties.mail.smtp.timeout=2000",
            "ordo.notifications.send-delay=PT0.5S",
            "ordo.notifications.retry-backoff=PT1S",
            "ordo.notifications.portal-url=https://shop.example"
        })
@ContextConfiguration(initializers = PostgresInitializer.class)
class CaseMailTests {

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aStaffReplyIsMailedToTheCustomerInItsLanguageAndAnInternalNoteIsNot() throws Exception {
        Api admin = Api.at(port).asAdmin();
        String email = "case-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String name = Fixtures.unique("Customer");
        Map<String, Object> customerBody = new LinkedHashMap<>();
        customerBody.put("name", name);
        customerBody.put("email", email);
        customerBody.put("language", "zh-CN");
        customerBody.put("currency", "EUR");
        customerBody.put("creditLimit", Fixtures.money("1000.00", "EUR"));
        customerBody.put("paymentTermsDays", 30);
        customerBody.put("billingAddress", Fixtures.address(name));
        UUID customer = UUID.fromString(admin.post("/api/customers", customerBody)
                .expect(201)
                .json()
                .get("id")
                .asString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customer.toString());
        body.put("type", "INQUIRY");
        body.put("subject", "Invoice copy");
        body.put("message", "Asked for a copy by phone");
        String number =
                admin.post("/api/cases", body).expect(201).json().get("number").asString();

        admin.post("/api/cases/" + number + "/messages", Map.of("kind", "INTERNAL_NOTE", "body", "Ask accounting"))
                .expect(201);
        admin.post("/api/cases/" + number + "/messages", Map.of("body", "The copy is attached to your account."))
                .expect(201);

        MimeMessage mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> received(email), m -> !m.isEmpty())
                .get(0);
        assertThat(mail.getSubject()).isEqualTo("回复：服务工单 " + number);
        String text = text(mail, "text/plain");
        assertThat(text)
                .contains("The copy is attached to your account.", "https://shop.example/portal/cases/" + number);
        assertThat(text).doesNotContain("Ask accounting");
        Thread.sleep(1500);
        assertThat(received(email)).hasSize(1);
    }

    private static List<MimeMessage> received(String recipient) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            Address[] to = m.getAllRecipients();
            if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(recipient))) {
                found.add(m);
            }
        }
        return found;
    }

    private static String text(Part part, String type) throws Exception {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = text(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
