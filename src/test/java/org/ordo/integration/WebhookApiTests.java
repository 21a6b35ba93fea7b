package org.ordo.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@OrdoTest
class WebhookApiTests {

    @LocalServerPort
    int port;

    /** Nothing is sent to the made-up endpoints of these tests after them. */
    @org.junit.jupiter.api.AfterEach
    void disableCreated() {
        admin().get("/api/webhooks")
                .json()
                .valueStream()
                .filter(s -> s.get("url").asString().contains(".example")
                        || s.get("url").asString().contains(":9/"))
                .forEach(s -> admin().delete("/api/webhooks/" + s.get("id").asString())
                        .expect(200));
    }

    private Api admin() {
        return Api.at(port).asAdmin();
    }

    @Test
    void aSubscriptionGetsAGeneratedStandardWebhooksSecretShownOnlyOnce() {
        JsonNode created = admin().post(
                        "/api/webhooks",
                        Map.of("url", "https://erp.example/hooks", "eventTypes", List.of("order.placed")))
                .expect(201)
                .json();
        assertThat(created.get("secret").asString()).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(created.get("enabled").asBoolean()).isTrue();

        JsonNode again = admin().get("/api/webhooks/" + created.get("id").asString())
                .expect(200)
                .json();
        assertThat(again.get("secret").isNull()).isTrue();
        assertThat(again.get("eventTypes").get(0).asString()).isEqualTo("order.placed");
    }

    @Test
    void anUnsafeUrlABadSecretAndAnUnknownEventTypeAreProblemsNamingTheirFields() {
        Api.Response response = admin().post(
                        "/api/webhooks",
                        Map.of(
                                "url", "http://erp.example/hooks",
                                "secret", "whsec_short",
                                "eventTypes", List.of("order.placed", "order.exploded")))
                .expect(400);

        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors.valueStream()
                        .map(e ->
                                e.get("field").asString() + " " + e.get("code").asString()))
                .containsExactlyInAnyOrder(
                        "url webhook-https-url", "secret webhook-secret-format", "eventTypes[1] webhook-event-type");
    }

    @Test
    void plainHttpIsAcceptedOnlyToThisMachine() {
        admin().post("/api/webhooks", Map.of("url", "http://localhost:9/hook", "eventTypes", List.of("*")))
                .expect(201);
        admin().post("/api/webhooks", Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("*")))
                .expect(201);
        admin().post("/api/webhooks", Map.of("url", "ftp://erp.example/hook", "eventTypes", List.of("*")))
                .expect(400);
    }

    @Test
    void aDisabledSubscriptionStaysListedAndIsEnabledAgainByAPatch() {
        String id = admin().post("/api/webhooks", Map.of("url", "https://a.example/h", "eventTypes", List.of("*")))
                .expect(201)
                .json()
                .get("id")
                .asString();

        assertThat(admin().delete("/api/webhooks/" + id)
                        .expect(200)
                        .json()
                        .get("enabled")
                        .asBoolean())
                .isFalse();
        assertThat(admin().get("/api/webhooks")
                        .expect(200)
                        .json()
                        .valueStream()
                        .filter(s -> s.get("id").asString().equals(id))
                        .count())
                .isEqualTo(1);
        JsonNode enabled = admin().patch(
                        "/api/webhooks/" + id, Map.of("enabled", true, "eventTypes", List.of("invoice.issued")))
                .expect(200)
                .json();
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(enabled.get("eventTypes").get(0).asString()).isEqualTo("invoice.issued");
    }

    @Test
    void onlyAdministratorsManageWebhooks() {
        Api.at(port).anonymous().get("/api/webhooks").expect(401);
        assertThat(admin().get("/api/webhooks/event-types")
                        .expect(200)
                        .json()
                        .valueStream()
                        .map(t -> t.get("type").asString()))
                .contains("order.placed", "invoice.issued", "purchase_order.received");
    }
}
