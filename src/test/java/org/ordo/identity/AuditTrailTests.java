package org.ordo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ordo.identity.Problems.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@OrdoTest
class AuditTrailTests {

    private static final String TRIGGER = "audit_entry_no_update_or_delete";

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
    }

    @Test
    void entriesOfOneThingComeOldestFirstWithStatesAsObjects() {
        String entity = tamperEntity();
        try {
            String id = recordChain(entity, 3);
            JsonNode entries = admin.get("/api/audit?entity=" + entity + "&id=" + id)
                    .expect(200)
                    .json();
            assertThat(entries.size()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                JsonNode e = entries.get(i);
                assertThat(e.get("sequence").asInt()).isEqualTo(i + 1);
                assertThat(e.get("entity").asString()).isEqualTo(entity);
                assertThat(e.get("entityId").asString()).isEqualTo(id);
                assertThat(e.get("after").isObject()).isTrue();
                assertThat(e.get("after").get("step").asInt()).isEqualTo(i + 1);
                assertThat(e.get("at").asString()).endsWith("Z");
            }
            assertThat(entries.get(0).get("before").isNull()).isTrue();
            assertThat(entries.get(0).get("previousHash").asString()).isEqualTo("0".repeat(64));
            assertThat(entries.get(1).get("previousHash").asString())
                    .isEqualTo(entries.get(0).get("hash").asString());
            assertThat(entries.get(0).get("id").asLong())
                    .isLessThan(entries.get(2).get("id").asLong());
        } finally {
            removeChains(entity);
        }
    }

    @Test
    void theApiFindsATrailByNumberOrNameAndLabelsItsEntries() {
        JsonNode customer = admin.post(
                        "/api/customers", Map.of("name", "Audit " + UUID.randomUUID(), "currency", "EUR"))
                .expect(201)
                .json();
        String number = customer.get("number").asString();
        String name = customer.get("name").asString();
        for (String reference : List.of(
                number,
                number.toLowerCase(),
                name.toUpperCase(),
                customer.get("id").asString())) {
            JsonNode entries = admin.get("/api/audit?entity=CUSTOMER&id=" + reference.replace(" ", "%20"))
                    .expect(200)
                    .json();
            assertThat(entries).as(reference).hasSize(1);
            assertThat(entries.get(0).get("entityId").asString())
                    .isEqualTo(customer.get("id").asString());
            assertThat(entries.get(0).get("label").asString()).isEqualTo(number + " " + name);
        }
        assertThat(admin.get("/api/audit?entity=CUSTOMER&id=CUS-NOSUCH")
                        .expect(200)
                        .json())
                .isEmpty();
    }

    @Test
    void missingParametersAreNamed() {
        assertThat(fields(admin.get("/api/audit").expect(400).json())).containsExactlyInAnyOrder("entity", "id");
        assertThat(fields(admin.get("/api/audit?entity=USER").expect(400).json()))
                .containsExactly("id");
        assertThat(fields(admin.get("/api/audit?id=admin").expect(400).json())).containsExactly("entity");
    }

    @Test
    void supportMayReadTheTrailButSalesMayNot() {
        String support = Users.create(admin, "sup", Role.SUPPORT);
        String sales = Users.create(admin, "sal", Role.SALES);
        Api.at(port)
                .basic(support, Users.PASSWORD)
                .get("/api/audit?entity=USER&id=" + sales)
                .expect(200);
        var denied = Api.at(port)
                .basic(sales, Users.PASSWORD)
                .get("/api/audit?entity=USER&id=" + sales)
                .expect(403);
        assertThat(denied.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void databaseRefusesToChangeOrDeleteAnEntry() {
        String entity = tamperEntity();
        try {
            String id = recordChain(entity, 1);
            assertThatThrownBy(() -> jdbc.update(
                            "UPDATE audit_entry SET action = 'FORGED' WHERE entity = ? AND entity_id = ?", entity, id))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(
                            () -> jdbc.update("DELETE FROM audit_entry WHERE entity = ? AND entity_id = ?", entity, id))
                    .hasMessageContaining("append-only");
        } finally {
            removeChains(entity);
        }
    }

    @Test
    void intactTrailPassesTheConsistencyCheck() {
        Users.create(admin, "ok", Role.SALES);
        assertThat(invariant12().get("holds").asBoolean()).isTrue();
    }

    @Test
    void changedEntryIsReportedByTheConsistencyCheck() {
        String entity = tamperEntity();
        try {
            String id = recordChain(entity, 3);
            long tampered = entryId(entity, id, 2);
            asSuperuser(
                    "UPDATE audit_entry SET after_state = '{\"step\":2,\"total\":\"0.01\"}' WHERE id = " + tampered);

            JsonNode report = admin.get("/api/admin/consistency").expect(200).json();
            assertThat(report.get("consistent").asBoolean()).isFalse();
            JsonNode check = invariant12(report);
            assertThat(check.get("holds").asBoolean()).isFalse();
            List<JsonNode> mine = violationsOf(check, entity);
            assertThat(mine).singleElement().satisfies(v -> {
                assertThat(v.get("id").asLong()).isEqualTo(tampered);
                assertThat(v.get("entityId").asString()).isEqualTo(id);
                assertThat(v.get("sequence").asInt()).isEqualTo(2);
                assertThat(v.get("problem").asString()).contains("changed");
            });
        } finally {
            removeChains(entity);
        }
        assertThat(invariant12().get("holds").asBoolean()).isTrue();
    }

    @Test
    void removedEntryIsReportedByTheConsistencyCheck() {
        String entity = tamperEntity();
        try {
            String id = recordChain(entity, 3);
            long removed = entryId(entity, id, 2);
            long next = entryId(entity, id, 3);
            asSuperuser("DELETE FROM audit_entry WHERE id = " + removed);

            JsonNode report = admin.get("/api/admin/consistency").expect(200).json();
            assertThat(report.get("consistent").asBoolean()).isFalse();
            JsonNode check = invariant12(report);
            assertThat(check.get("holds").asBoolean()).isFalse();
            assertThat(violationsOf(check, entity)).singleElement().satisfies(v -> {
                assertThat(v.get("id").asLong()).isEqualTo(next);
                assertThat(v.get("sequence").asInt()).isEqualTo(3);
                assertThat(v.get("problem").asString()).contains("removed");
            });
        } finally {
            removeChains(entity);
        }
        assertThat(invariant12().get("holds").asBoolean()).isTrue();
    }

    /** A kind of thing no other test uses, so that tampering with it disturbs nobody else. */
    private static String tamperEntity() {
        return "TEST_TAMPER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private String recordChain(String entity, int length) {
        String id = "thing-" + UUID.randomUUID();
        for (int step = 1; step <= length; step++) {
            int n = step;
            transactions.executeWithoutResult(
                    tx -> audit.record(entity, id, "STEP", n == 1 ? null : Map.of("step", n - 1), Map.of("step", n)));
        }
        return id;
    }

    private long entryId(String entity, String id, int sequence) {
        return jdbc.queryForObject(
                "SELECT id FROM audit_entry WHERE entity = ? AND entity_id = ? AND chain_seq = ?",
                Long.class,
                entity,
                id,
                sequence);
    }

    /**
     * Does what only a database superuser or the table's owner can: switches the append-only trigger off for one
     * statement. DDL is transactional in PostgreSQL, so no other session ever sees the trigger disabled.
     */
    private void asSuperuser(String sql) {
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("ALTER TABLE audit_entry DISABLE TRIGGER " + TRIGGER);
            jdbc.execute(sql);
            jdbc.execute("ALTER TABLE audit_entry ENABLE TRIGGER " + TRIGGER);
        });
    }

    /**
     * Removes the test's chains entirely so that the shared trail is consistent again for other tests. That this
     * goes unnoticed is the known limit of per-entity chains: a whole chain removed leaves nothing behind to break.
     */
    private void removeChains(String entity) {
        asSuperuser("DELETE FROM audit_entry WHERE entity = '" + entity + "'");
    }

    private JsonNode invariant12() {
        return invariant12(admin.get("/api/admin/consistency").expect(200).json());
    }

    private static JsonNode invariant12(JsonNode report) {
        JsonNode checks = report.get("checks");
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).get("invariant").asInt() == 12) {
                return checks.get(i);
            }
        }
        throw new AssertionError("no check of invariant 12 in " + report);
    }

    private static List<JsonNode> violationsOf(JsonNode check, String entity) {
        List<JsonNode> found = new ArrayList<>();
        JsonNode violations = check.get("violations");
        for (int i = 0; i < violations.size(); i++) {
            if (entity.equals(violations.get(i).get("entity").asString())) {
                found.add(violations.get(i));
            }
        }
        return found;
    }
}
