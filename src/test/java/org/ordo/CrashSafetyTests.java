package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.order;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoProcess;
import org.ordo.testing.PostgresTestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * An order the API answered with 201 is on disk: the process killed with {@code kill -9} while orders stream in, then
 * started again, still has every acknowledged order, a clean consistency check, and never gives a number twice. Ordo runs
 * as a process of its own here, on the embedded default exactly as the README's first command starts it, and on
 * PostgreSQL.
 */
class CrashSafetyTests {

    private static final int CLIENTS = 4;
    private static final Duration LOAD_BEFORE_KILL = Duration.ofMillis(1500);

    @TempDir
    Path workDirectory;

    @Test
    void anOrderAcknowledgedOnTheEmbeddedDefaultSurvivesKill9() throws Exception {
        // the process runs in a fresh directory, so the default URL of application.yml puts its H2 files under ./data
        // there
        assertAcknowledgedOrdersSurviveKill9(List.of());
    }

    @Test
    void anOrderAcknowledgedOnPostgresqlSurvivesKill9() throws Exception {
        PostgresTestDatabase.Connection db = PostgresTestDatabase.createDatabase(
                "crash_" + UUID.randomUUID().toString().substring(0, 8));
        assertAcknowledgedOrdersSurviveKill9(List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password()));
    }

    private void assertAcknowledgedOrdersSurviveKill9(List<String> database) throws Exception {
        int port = OrdoProcess.freePort();
        Process first = OrdoProcess.startWithDemoData(workDirectory, database, port, "first");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try {
            placeOrdersUntilKilled(Api.at(port).asAdmin(), first, acknowledged);
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).as("orders acknowledged before the kill").isNotEmpty();

        Process second = OrdoProcess.startWithDemoData(workDirectory, database, port, "second");
        try {
            Api admin = Api.at(port).asAdmin();
            List<String> lost = new ArrayList<>();
            for (String number : acknowledged) {
                if (admin.get("/api/orders/" + number).status() != 200) {
                    lost.add(number);
                }
            }
            assertThat(lost)
                    .as("acknowledged orders missing after kill -9, of " + acknowledged.size())
                    .isEmpty();
            String next = admin.post("/api/orders", order(customer(admin), "OF-1001", 1))
                    .expect(201)
                    .json()
                    .get("number")
                    .asString();
            assertThat(acknowledged)
                    .as("a number given before the crash is never given again")
                    .doesNotContain(next);
            JsonNode consistency =
                    admin.get("/api/admin/consistency").expect(200).json();
            assertThat(consistency.get("consistent").asBoolean())
                    .as(consistency.toString())
                    .isTrue();
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Clients place orders as fast as they are answered; the process is killed while they do. */
    private static void placeOrdersUntilKilled(Api admin, Process process, Set<String> acknowledged)
            throws InterruptedException {
        UUID customer = customer(admin);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (process.isAlive()) {
                    try {
                        Api.Response placed = admin.post("/api/orders", order(customer, "OF-1001", 1, "PK-2003", 1));
                        if (placed.status() == 201) {
                            acknowledged.add(placed.json().get("number").asString());
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        Thread.sleep(LOAD_BEFORE_KILL.toMillis());
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no graceful end
        process.waitFor(30, TimeUnit.SECONDS);
        clients.shutdown();
        assertThat(clients.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
    }

    private static UUID customer(Api admin) {
        return UUID.fromString(admin.get("/api/customers?q=Schneider")
                .expect(200)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString());
    }
}
