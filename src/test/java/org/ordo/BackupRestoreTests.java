package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.order;

import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoProcess;
import org.ordo.testing.PostgresTestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The operator's backup, restored into an empty database, holds every order acknowledged before it started, and Ordo
 * started on it finds its figures consistent (docs/operations.md). On PostgreSQL it is taken while orders stream in;
 * the embedded database is backed up after Ordo stopped, and the command refuses while Ordo runs. The commands run as
 * the operator runs them: the application's main with {@code backup} or {@code restore}, in a process of its own.
 */
class BackupRestoreTests {

    private static final int CLIENTS = 3;
    private static final Duration LOAD_BEFORE_BACKUP = Duration.ofMillis(1000);
    private static final Duration LOAD_AFTER_BACKUP = Duration.ofMillis(500);
    private static final String H2_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

    @TempDir
    Path workDirectory;

    @Test
    void aPostgresqlBackupUnderLoadRestoresEveryOrderAcknowledgedBeforeIt() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        PostgresTestDatabase.Connection source = PostgresTestDatabase.createDatabase("backup_source_" + suffix);
        PostgresTestDatabase.Connection target = PostgresTestDatabase.createDatabase("backup_target_" + suffix);
        assertBackupUnderLoadRestores(postgres(source), postgres(target), workDirectory.resolve("ordo.dump"));
    }

    @Test
    void anEmbeddedBackupOfTheStoppedDatabaseRestoresEveryAcknowledgedOrder() throws Exception {
        String source = "jdbc:h2:file:" + workDirectory.resolve("source/ordo") + H2_OPTIONS;
        String target = "jdbc:h2:file:" + workDirectory.resolve("restored/ordo") + H2_OPTIONS;
        Path backup = workDirectory.resolve("ordo.zip");
        int port = OrdoProcess.freePort();
        Process ordo = OrdoProcess.startWithDemoData(workDirectory, h2(source), port, "source");
        Set<String> acknowledged;
        try {
            acknowledged = placeOrdersFor(
                    LOAD_BEFORE_BACKUP.plus(LOAD_AFTER_BACKUP), Api.at(port).asAdmin());
            assertThat(command("backup", List.of("--to", backup.toString()), h2(source)))
                    .as("a backup of the embedded database while Ordo has it open is refused")
                    .isEqualTo(1);
        } finally {
            ordo.destroy();
            ordo.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(command("backup", List.of("--to", backup.toString()), h2(source)))
                .as("backup")
                .isZero();
        assertRestoresInto(h2(target), backup, acknowledged);
    }

    private void assertBackupUnderLoadRestores(List<String> source, List<String> target, Path backup) throws Exception {
        int port = OrdoProcess.freePort();
        Process ordo = OrdoProcess.startWithDemoData(workDirectory, source, port, "source");
        Set<String> acknowledgedBeforeBackup;
        try {
            Api admin = Api.at(port).asAdmin();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = placeOrdersUntil(stop, admin, acknowledged);
            Thread.sleep(LOAD_BEFORE_BACKUP.toMillis());
            acknowledgedBeforeBackup = Set.copyOf(acknowledged);
            assertThat(command("backup", List.of("--to", backup.toString()), source))
                    .as("backup")
                    .isZero();
            Thread.sleep(LOAD_AFTER_BACKUP.toMillis());
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            ordo.destroy();
            ordo.waitFor(30, TimeUnit.SECONDS);
        }
        assertRestoresInto(target, backup, acknowledgedBeforeBackup);
    }

    private static Set<String> placeOrdersFor(Duration load, Api admin) throws InterruptedException {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = placeOrdersUntil(stop, admin, acknowledged);
        Thread.sleep(load.toMillis());
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        return Set.copyOf(acknowledged);
    }

    private void assertRestoresInto(List<String> target, Path backup, Set<String> acknowledgedBeforeBackup)
            throws Exception {
        assertThat(acknowledgedBeforeBackup)
                .as("orders acknowledged before the backup")
                .isNotEmpty();
        int port = OrdoProcess.freePort();

        assertThat(command("restore", List.of("--from", backup.toString()), target))
                .as("restore into an empty database")
                .isZero();
        assertThat(command("restore", List.of("--from", backup.toString()), target))
                .as("a second restore without --force refuses to overwrite the restored database")
                .isEqualTo(1);

        Process restored = OrdoProcess.startWithDemoData(workDirectory, target, port, "restored");
        try {
            assertRestoredHolds(Api.at(port).asAdmin(), acknowledgedBeforeBackup);
        } finally {
            restored.destroy();
            restored.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void assertRestoredHolds(Api admin, Set<String> acknowledgedBeforeBackup) {
        List<String> lost = new ArrayList<>();
        for (String number : acknowledgedBeforeBackup) {
            if (admin.get("/api/orders/" + number).status() != 200) {
                lost.add(number);
            }
        }
        assertThat(lost)
                .as("orders acknowledged before the backup missing after the restore, of "
                        + acknowledgedBeforeBackup.size())
                .isEmpty();
        JsonNode consistency = admin.get("/api/admin/consistency").expect(200).json();
        assertThat(consistency.get("consistent").asBoolean())
                .as(consistency.toString())
                .isTrue();
    }

    /** Clients place orders as fast as they are answered until told to stop. */
    private static ExecutorService placeOrdersUntil(AtomicBoolean stop, Api admin, Set<String> acknowledged) {
        UUID customer = UUID.fromString(admin.get("/api/customers?q=Schneider")
                .expect(200)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (!stop.get()) {
                    Api.Response placed = admin.post("/api/orders", order(customer, "OF-1001", 1, "PK-2003", 1));
                    if (placed.status() == 201) {
                        acknowledged.add(placed.json().get("number").asString());
                    }
                }
            });
        }
        return clients;
    }

    private static List<String> postgres(PostgresTestDatabase.Connection db) {
        return List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password());
    }

    private static List<String> h2(String url) {
        return List.of(
                "--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--spring.datasource.password=");
    }

    /** {@code backup} or {@code restore} as the operator runs it; returns its exit status. */
    private int command(String name, List<String> options, List<String> database)
            throws IOException, InterruptedException {
        List<String> command = OrdoProcess.command(List.of());
        command.add(name);
        command.addAll(options);
        command.addAll(database);
        Path log = workDirectory.resolve(name + "-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish:\n" + OrdoProcess.tail(log));
        }
        System.out.println(name + ":\n" + OrdoProcess.tail(log));
        return process.exitValue();
    }
}
