package org.ordo.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OwnDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * Without a mail server but with {@code ordo.notifications.log-only} (as the demo profile sets it), messages are still
 * written, LOGGED instead of sent, so the customer's page shows what it would have been told.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ordo.admin-password=" + Api.ADMIN_PASSWORD,
            "server.shutdown=immediate",
            "ordo.shipping.charging=false",
            "ordo.notifications.log-only=true",
            "ordo.notifications.send-delay=PT0.5S"
        })
@ContextConfiguration(initializers = OwnDatabase.class)
@DirtiesContext
class LoggedMailTests {

    @LocalServerPort
    int port;

    @Test
    void withoutAMailServerTheDemoLogsItsMessagesOnceAndNeverSendsThem() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        UUID customer = fixtures.customer("100000.00");
        String sku = fixtures.product("10.00");
        fixtures.receive(sku, fixtures.warehouse(), 1);
        JsonNode order = admin.post("/api/orders", Fixtures.order(customer, sku, 1))
                .expect(201)
                .json();
        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");

        JsonNode messages = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> admin.get("/api/customers/" + customer + "/messages")
                                .expect(200)
                                .json(),
                        m -> m.size() == 1);
        JsonNode logged = messages.get(0);
        assertThat(logged.get("kind").asString()).isEqualTo("ORDER_CONFIRMED");
        assertThat(logged.get("status").asString()).isEqualTo("LOGGED");
        assertThat(logged.get("subject").asString())
                .isEqualTo("Your order " + order.get("number").asString() + " is confirmed");
        Thread.sleep(1500); // a sender run or two later it is still only logged
        JsonNode later = admin.get("/api/customers/" + customer + "/messages")
                .expect(200)
                .json();
        assertThat(later).hasSize(1);
        assertThat(later.get(0).get("status").asString()).isEqualTo("LOGGED");
        assertThat(later.get(0).get("attempts").asInt()).isZero();
        assertThat(later.get(0).get("sentAt").isNull()).isTrue();
    }
}
