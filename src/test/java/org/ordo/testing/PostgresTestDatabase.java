package org.ordo.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL the tests run against: {@code ORDO_TEST_DB_URL} (with {@code ORDO_TEST_DB_USER} and
 * {@code ORDO_TEST_DB_PASSWORD}) when set, otherwise a throw-away embedded PostgreSQL started once per JVM.
 * Each JVM gets a fresh database so runs never see each other's data.
 */
public final class PostgresTestDatabase {

    public record Connection(String url, String user, String password) {}

    private static Connection connection;
    private static EmbeddedPostgres embedded;

    private PostgresTestDatabase() {}

    public static synchronized Connection get() {
        if (connection == null) {
            connection = start();
        }
        return connection;
    }

    /**
     * A new, empty database {@code name} on the same server, for a test that needs a database of its own (e.g. one
     * that must start from nothing). Dropped when the JVM exits.
     */
    public static synchronized Connection createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        Connection server = get();
        try (java.sql.Connection c =
                        java.sql.DriverManager.getConnection(server.url(), server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        afterSpring(() -> {
            try (java.sql.Connection c =
                            java.sql.DriverManager.getConnection(server.url(), server.user(), server.password());
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // the server may be gone already (the embedded one is discarded anyway)
            }
        });
        return new Connection(withDatabase(server.url(), name), server.user(), server.password());
    }

    /** {@code jdbc:postgresql://host:port/db?params} with another database. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return path.substring(0, path.lastIndexOf('/') + 1) + database + params;
    }

    private static Connection start() {
        String external = System.getenv("ORDO_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            return new Connection(external, env("ORDO_TEST_DB_USER", "postgres"), env("ORDO_TEST_DB_PASSWORD", ""));
        }
        try {
            embedded = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            String database = "ordo_test";
            try (java.sql.Connection c = embedded.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            // Stop PostgreSQL only after Spring has closed the application contexts, which still talk to it while
            // closing
            // (the event publication registry reads its table): otherwise each context waits out the pool's timeout.
            afterSpring(PostgresTestDatabase::stop);
            return new Connection(embedded.getJdbcUrl("postgres", database), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database", e);
        }
    }

    private static void stop() {
        try {
            embedded.close();
        } catch (IOException ignored) {
            // the JVM is going away
        }
    }

    /**
     * Runs {@code cleanup} when the JVM exits, but only after Spring has closed the application contexts: they still talk
     * to the database while closing (the event publication registry reads its table), and a database gone too early makes
     * each of them wait out the pool's connection timeout. Spring's shutdown handlers run right after its contexts are
     * closed; a plain JVM hook covers a run in which no Spring application was started (it waits for the handler first,
     * since JVM hooks run concurrently with Spring's).
     */
    private static void afterSpring(Runnable cleanup) {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable once = () -> {
            if (ran.compareAndSet(false, true)) {
                try {
                    cleanup.run();
                } finally {
                    done.countDown();
                }
            }
        };
        org.springframework.boot.SpringApplication.getShutdownHandlers().add(once);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                if (springHookRunning()) {
                                    done.await(25, java.util.concurrent.TimeUnit.SECONDS);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            once.run();
                        },
                        "embedded-postgres-cleanup"));
    }

    private static boolean springHookRunning() throws InterruptedException {
        // JVM hooks start together: give Spring's a moment to show up before deciding there is none
        for (int i = 0; i < 20; i++) {
            if (Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().startsWith("SpringApplicationShutdownHook"))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
