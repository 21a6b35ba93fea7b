package org.ordo.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.ordo.platform.ChangeNotices;
import org.ordo.platform.Database;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link ChangeNotices} on PostgreSQL {@code LISTEN}/{@code NOTIFY}: the changes of a transaction go out as one
 * {@code NOTIFY} on channel {@code ordo_changes} just before its commit (so every node gets them exactly when they are
 * committed), a line per cache and key after a first line with the change's id. Each node listens on a connection of
 * its own, outside the pool, and confirms each change it heard on {@code ordo_changes_heard}; the changing request waits after the
 * commit until every listening node confirmed it, at most {@link #HEARD_WAIT}.
 *
 * <p>A heartbeat each {@link #HEARTBEAT} proves the connection alive and extends the trust by {@link #TRUST}. The trust
 * is shorter than the wait, so a node that did not confirm a change in time has stopped trusting its caches by the time
 * the change is answered.
 */
@Component
class ChangeNoticeListener implements ChangeNotices, SmartLifecycle {

    static final String CHANNEL = "ordo_changes";
    static final String HEARD = "ordo_changes_heard";
    static final String APPLICATION_NAME = "ordo change notices";
    static final Duration HEARD_WAIT = Duration.ofSeconds(2);
    static final Duration HEARTBEAT = Duration.ofMillis(500);
    static final Duration TRUST = Duration.ofMillis(1500);
    /** Beyond this many keys of one cache a transaction announces all of it (a NOTIFY carries below 8000 bytes). */
    private static final int MAX_KEYS = 100;

    private static final int MAX_PAYLOAD = 7000;
    private static final String NO_CHANGE_ID = "-";
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(ChangeNoticeListener.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final boolean postgres;
    private final Map<String, List<Consumer<String>>> forgetting = new ConcurrentHashMap<>();
    /** This node's changes waiting for the listening nodes to confirm them, by change id. */
    private final Map<String, CountDownLatch> hearing = new ConcurrentHashMap<>();

    private volatile long trustedUntilNanos = System.nanoTime();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;

    ChangeNoticeListener(JdbcClient jdbc, DataSource dataSource, Database database) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.postgres = database.isPostgres();
    }

    @Override
    public void onChange(String cache, Consumer<String> forget) {
        forgetting.computeIfAbsent(cache, k -> new CopyOnWriteArrayList<>()).add(forget);
    }

    @Override
    public boolean trusted() {
        return !postgres || trustedUntilNanos - System.nanoTime() > 0;
    }

    @Override
    public void announce(String cache, String key) {
        // a notice carries a key per line: a key with a line break is announced as a change of all
        changed(cache, key.indexOf('\n') >= 0 ? null : key);
    }

    @Override
    public void announceAll(String cache) {
        changed(cache, null);
    }

    @Override
    public boolean changedInThisTransaction(String cache) {
        Pending pending = pending();
        return pending != null && pending.changes.containsKey(cache);
    }

    private void changed(String cache, String key) {
        if (cache.isEmpty() || cache.contains(" ") || cache.contains("\n")) {
            throw new IllegalArgumentException("a cache name is one word: " + cache);
        }
        forget(cache, key);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            Pending now = new Pending();
            now.add(cache, key);
            publish(NO_CHANGE_ID, now.payloadLines());
            return;
        }
        Pending pending = pending();
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.add(cache, key);
    }

    /** The changes of the current transaction so far (a suspended transaction's are not current). */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending pending && pending.owner() == this) {
                return pending;
            }
        }
        return null;
    }

    private void forget(String cache, String key) {
        forgetting.getOrDefault(cache, List.of()).forEach(f -> f.accept(key));
    }

    private void forgetEverything() {
        forgetting.values().forEach(list -> list.forEach(f -> f.accept(null)));
    }

    private void publish(String change, String lines) {
        if (postgres) {
            jdbc.sql("SELECT pg_notify(?, ?)")
                    .params(CHANNEL, change + "\n" + lines)
                    .query((rs, n) -> 1)
                    .list();
        }
    }

    /** The nodes listening now (this one included, while its connection is up). */
    private int listeners() {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()")
                .param(APPLICATION_NAME)
                .query(Integer.class)
                .single();
    }

    private void awaitHeard(String change, CountDownLatch heard) {
        try {
            if (!heard.await(HEARD_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Not every node confirmed a change within {}", HEARD_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hearing.remove(change);
        }
    }

    /** The caches and keys one transaction changes; null keys: all of the cache. */
    private final class Pending implements TransactionSynchronization {
        private final Map<String, Set<String>> changes = new LinkedHashMap<>();
        private String change;
        private CountDownLatch heard;

        ChangeNoticeListener owner() {
            return ChangeNoticeListener.this;
        }

        void add(String cache, String key) {
            if (changes.containsKey(cache) && changes.get(cache) == null) {
                return;
            }
            Set<String> keys = changes.computeIfAbsent(cache, k -> new LinkedHashSet<>());
            if (key == null || keys.size() >= MAX_KEYS) {
                changes.put(cache, null);
            } else {
                keys.add(key);
            }
        }

        String payloadLines() {
            StringBuilder lines = new StringBuilder();
            changes.forEach((cache, keys) -> {
                if (keys == null) {
                    lines.append(cache).append('\n');
                } else {
                    keys.forEach(
                            key -> lines.append(cache).append(' ').append(key).append('\n'));
                }
            });
            if (lines.length() > MAX_PAYLOAD) {
                return String.join("\n", changes.keySet());
            }
            return lines.toString().stripTrailing();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!postgres) {
                return;
            }
            change = UUID.randomUUID().toString();
            heard = new CountDownLatch(listeners());
            hearing.put(change, heard);
            publish(change, payloadLines());
        }

        @Override
        public void afterCompletion(int status) {
            // a request that read before the commit may have stored what was there before
            changes.forEach((cache, keys) -> {
                if (keys == null) {
                    forget(cache, null);
                } else {
                    keys.forEach(key -> forget(cache, key));
                }
            });
            if (heard == null) {
                return;
            }
            if (status == STATUS_COMMITTED) {
                awaitHeard(change, heard);
            } else {
                hearing.remove(change);
            }
        }
    }

    @Override
    public void start() {
        if (!postgres || running) {
            return;
        }
        running = true;
        Thread listener = new Thread(this::listen, "change-notices");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        distrust();
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
        }
        closeQuietly(connection);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void distrust() {
        trustedUntilNanos = System.nanoTime();
    }

    private void trustFor(Duration period) {
        trustedUntilNanos = System.nanoTime() + period.toNanos();
    }

    private void listen() {
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                hear(c);
            } catch (SQLException | RuntimeException e) {
                distrust();
                if (running) {
                    log.warn(
                            "Listening for changes failed, caches read from the database until it is back: {}",
                            e.toString());
                }
            } finally {
                distrust();
                connection = null;
            }
            pause(RECONNECT_DELAY);
        }
    }

    /** LISTEN, then clear what may have been missed, then apply notifications and heartbeats until the connection fails. */
    private void hear(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        try (Statement statement = c.createStatement();
                PreparedStatement confirm = c.prepareStatement("SELECT pg_notify('" + HEARD + "', ?)")) {
            statement.execute("LISTEN " + CHANNEL);
            statement.execute("LISTEN " + HEARD);
            // every change from now on is heard: what was remembered before may have missed some
            forgetEverything();
            trustFor(TRUST);
            while (running) {
                apply(pg.getNotifications((int) HEARTBEAT.toMillis()), confirm);
                statement.execute("SELECT 1");
                // notifications that came with the heartbeat are applied before the trust is extended
                apply(pg.getNotifications(), confirm);
                trustFor(TRUST);
            }
        }
    }

    /** Forgets what changed and confirms each change; counts the confirmations of this node's changes. */
    private void apply(PGNotification[] notifications, PreparedStatement confirm) throws SQLException {
        if (notifications == null) {
            return;
        }
        for (PGNotification notification : notifications) {
            String payload = notification.getParameter();
            if (HEARD.equals(notification.getName())) {
                CountDownLatch heard = hearing.get(payload);
                if (heard != null) {
                    heard.countDown();
                }
                continue;
            }
            String[] lines = payload.split("\n");
            for (int i = 1; i < lines.length; i++) {
                int space = lines[i].indexOf(' ');
                forget(
                        space < 0 ? lines[i] : lines[i].substring(0, space),
                        space < 0 ? null : lines[i].substring(space + 1));
            }
            if (!lines[0].equals(NO_CHANGE_ID)) {
                confirm.setString(1, lines[0]);
                confirm.executeQuery().close();
            }
        }
    }

    private Connection connect() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        properties.setProperty("user", pool.getUsername());
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("connectTimeout", "10");
        // a heartbeat that hangs (a silent network) ends the connection instead of the listening
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        Connection c = DriverManager.getConnection(pool.getJdbcUrl(), properties);
        c.setAutoCommit(true);
        return c;
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing for shutdown: nothing left to do with it
        }
    }
}
