package org.ordo.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Customer service opens, works and answers cases through /api/cases; the state table decides what may follow. */
@OrdoTest
class CaseApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Api admin;
    Api support;
    Fixtures fixtures;
    UUID customer;
    JsonNode order;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        support = Api.at(port).basic(users.staff("SUPPORT"), TestUsers.PASSWORD);
        fixtures = new Fixtures(port);
        customer = fixtures.customer("10000.00");
        order = order(customer);
    }

    @Test
    void aCaseIsNumberedLinkedAndGivenTheTargetsOfItsType() {
        JsonNode c = open(Map.of("orderId", order.get("number").asString(), "type", "COMPLAINT"))
                .expect(201)
                .json();

        assertThat(c.get("number").asString()).matches("CASE-\\d{4}-\\d{6}");
        assertThat(c.get("status").asString()).isEqualTo("OPEN");
        assertThat(c.get("orderId").asString()).isEqualTo(order.get("id").asString());
        assertThat(c.get("customerId").asString()).isEqualTo(customer.toString());
        java.time.Instant created = java.time.Instant.parse(c.get("createdAt").asString());
        // a complaint: first response within 4 hours, resolution within 2 days (ordo.service.targets defaults)
        assertThat(java.time.Instant.parse(c.get("firstResponseDue").asString()))
                .isEqualTo(created.plusSeconds(4 * 3600));
        assertThat(java.time.Instant.parse(c.get("resolutionDue").asString()))
                .isEqualTo(created.plusSeconds(2 * 86400));
        assertThat(c.get("messages").get(0).get("kind").asString()).isEqualTo("INTERNAL_NOTE");

        JsonNode found = support.get("/api/cases?orderId=" + order.get("number").asString())
                .expect(200)
                .json();
        assertThat(found.get("items").get(0).get("number").asString())
                .isEqualTo(c.get("number").asString());
        assertThat(support.get("/api/cases/" + c.get("number").asString())
                        .expect(200)
                        .json()
                        .get("id")
                        .asString())
                .isEqualTo(c.get("id").asString());
    }

    @Test
    void aCaseGoesFromOpenThroughProgressToResolvedAndClosedAndRefusesToSkipOrGoBack() {
        String id = open(Map.of("type", "INQUIRY")).expect(201).json().get("id").asString();

        JsonNode refused = support.patch("/api/cases/" + id, Map.of("status", "CLOSED"))
                .expect(409)
                .json();
        assertThat(refused.get("errorCode").asString()).isEqualTo("illegal-transition");
        assertThat(refused.get("detail").asString()).contains("is open and cannot be closed");
        assertThat(refused.get("allowedStates")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("IN_PROGRESS", "WAITING_ON_CUSTOMER", "RESOLVED");

        support.patch("/api/cases/" + id, Map.of("status", "WAITING_ON_CUSTOMER"))
                .expect(200);
        support.patch("/api/cases/" + id, Map.of("status", "IN_PROGRESS")).expect(200);
        JsonNode resolved = support.patch("/api/cases/" + id, Map.of("status", "RESOLVED"))
                .expect(200)
                .json();
        assertThat(resolved.get("resolvedAt").isNull()).isFalse();
        assertThat(resolved.get("dueAt").isNull()).isTrue();
        support.patch("/api/cases/" + id, Map.of("status", "CLOSED")).expect(200);

        support.patch("/api/cases/" + id, Map.of("status", "IN_PROGRESS")).expect(409);
        JsonNode noMore = support.post("/api/cases/" + id + "/messages", Map.of("body", "Anything else?"))
                .expect(409)
                .json();
        assertThat(noMore.get("detail").asString()).contains("is closed");
        assertThat(support.get("/api/cases/" + id)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CLOSED");
    }

    @Test
    void theFirstStaffReplyIsTheFirstResponseAndReopeningAResolvedCaseIsCounted() {
        String id = open(Map.of("type", "INQUIRY")).expect(201).json().get("id").asString();

        support.post("/api/cases/" + id + "/messages", Map.of("kind", "INTERNAL_NOTE", "body", "Checking stock"))
                .expect(201);
        JsonNode noted = support.get("/api/cases/" + id).expect(200).json();
        assertThat(noted.get("firstRespondedAt").isNull()).isTrue();
        assertThat(noted.get("status").asString()).isEqualTo("OPEN");

        JsonNode replied = support.post("/api/cases/" + id + "/messages", Map.of("body", "It ships on Monday."))
                .expect(201)
                .json();
        assertThat(replied.get("firstRespondedAt").isNull()).isFalse();
        assertThat(replied.get("status").asString()).isEqualTo("IN_PROGRESS");

        support.patch("/api/cases/" + id, Map.of("status", "RESOLVED")).expect(200);
        JsonNode reopened = support.patch("/api/cases/" + id, Map.of("status", "IN_PROGRESS"))
                .expect(200)
                .json();
        assertThat(reopened.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(reopened.get("resolvedAt").isNull()).isTrue();
    }

    @Test
    void assigningAndPrioritisingAreAuditedAndAnUnknownAssigneeIsAFieldError() {
        String assignee = users.staff("SUPPORT");
        String id = open(Map.of("type", "CHANGE_REQUEST"))
                .expect(201)
                .json()
                .get("id")
                .asString();

        JsonNode changed = support.patch("/api/cases/" + id, Map.of("assignee", assignee, "priority", "URGENT"))
                .expect(200)
                .json();
        assertThat(changed.get("assignee").asString()).isEqualTo(assignee);
        assertThat(changed.get("priority").asString()).isEqualTo("URGENT");
        assertThat(support.get("/api/cases?assignee=" + assignee)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);

        Api.Response unknown = support.patch("/api/cases/" + id, Map.of("assignee", "nobody-" + UUID.randomUUID()))
                .expect(400);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Fixtures.fields(unknown.json())).containsExactly("assignee");

        JsonNode trail =
                admin.get("/api/audit?entity=CASE&id=" + id).expect(200).json();
        assertThat(trail.valueStream().map(e -> e.get("action").asString()).toList())
                .contains("CREATED", "UPDATED");
    }

    @Test
    void badInputIsAProblemNamingEachField() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customer.toString());
        body.put("type", "GRUMBLE");
        body.put("subject", "x".repeat(201));
        JsonNode problem = support.post("/api/cases", body).expect(400).json();
        assertThat(Fixtures.fields(problem)).containsExactlyInAnyOrder("type", "subject", "message");
        assertThat(problem.get("errors").get(0).has("code")).isTrue();

        JsonNode shipmentWithoutOrder = open(Map.of("type", "INQUIRY", "shipmentId", "SHP-2026-000001"))
                .expect(400)
                .json();
        assertThat(Fixtures.fields(shipmentWithoutOrder)).containsExactly("shipmentId");

        support.get("/api/cases?status=SLEEPING").expect(400);
        support.patch("/api/cases/CASE-1999-000000", Map.of("status", "RESOLVED"))
                .expect(404);
    }

    @Test
    void anotherCustomersOrderCannotBeTheSubjectOfACase() {
        UUID other = fixtures.customer("10000.00");
        JsonNode problem = support.post(
                        "/api/cases",
                        Map.of(
                                "customerId", other.toString(),
                                "orderId", order.get("id").asString(),
                                "type", "INQUIRY",
                                "subject", "Where is it?",
                                "message", "Asked by phone"))
                .expect(400)
                .json();
        assertThat(Fixtures.fields(problem)).containsExactly("orderId");
        assertThat(support.get("/api/cases?customerId=" + other)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
    }

    @Test
    void salesReadCasesAndCustomersAndWarehouseStaffReachNoneThroughTheApi() {
        String id = open(Map.of("type", "INQUIRY")).expect(201).json().get("id").asString();
        Api sales = Api.at(port).basic(users.staff("SALES"), TestUsers.PASSWORD);
        sales.get("/api/cases/" + id).expect(200);
        sales.patch("/api/cases/" + id, Map.of("status", "RESOLVED")).expect(403);

        Api own = users.customerUser(port, customer);
        own.get("/api/cases").expect(403);
        own.get("/api/cases/" + id).expect(403);
        own.post("/api/cases/" + id + "/messages", Map.of("body", "hello")).expect(403);
        Api.at(port)
                .basic(users.staff("WAREHOUSE"), TestUsers.PASSWORD)
                .get("/api/cases")
                .expect(403);
    }

    private Api.Response open(Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customer.toString());
        body.put("subject", "Question about my order");
        body.put("message", "The customer called about the delivery date.");
        body.putAll(extra);
        return support.post("/api/cases", body);
    }

    private JsonNode order(UUID customerId) {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00");
        fixtures.receive(sku, warehouse, 5);
        return admin.post("/api/orders", Fixtures.order(customerId, sku, 2))
                .expect(201)
                .json();
    }

    static List<String> kinds(JsonNode view) {
        return view.get("messages")
                .valueStream()
                .map(m -> m.get("kind").asString())
                .toList();
    }
}
