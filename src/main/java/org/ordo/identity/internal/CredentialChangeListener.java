package org.ordo.identity.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
 * Keeps {@link VerifiedCredentials} of every node true to the database. A change of a user's credentials is
 * {@linkplain #announce announced}: this node forgets the user at once and again after the commit, and on PostgreSQL a
 * {@code NOTIFY} in the same transaction reaches every node on commit. Each node listens on a connection of its own,
 * outside the pool, and confirms each change it heard; the changing request is answered once every node confirmed.
 *
 * <p>Entries are trusted only while that connection is proven alive: a heartbeat each {@link #HEARTBEAT} extends the
 * trust by {@link #TRUST}; a broken connection ends it at once, and after reconnecting the cache is cleared before it is
 * trusted again, since notifications sent meanwhile are lost. On the embedded H2 there is one node: forgetting locally is
 * enough and entries are always trusted.
 */
@Component
class CredentialChangeListener implements SmartLifecycle {

    static final String CHANNEL = "ordo_credentials";
    /** Where each node confirms that it heard a change (the change's id). */
    static final String HEARD = "ordo_credentials_heard";

    static final String APPLICATION_NAME = "ordo credential changes";
    static final Duration HEARD_WAIT = Duration.ofSeconds(2);
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    static final Duration TRUST = Duration.ofSeconds(3);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(CredentialChangeListener.class);

    private final VerifiedCredentials cache;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final boolean postgres;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;
    /** This node's changes waiting for the other nodes to confirm them, by change id. */
    private final Map<String, CountDownLatch> hearing = new ConcurrentHashMap<>();

    CredentialChangeListener(VerifiedCredentials cache, JdbcClient jdbc, DataSource dataSource, Database database) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.postgres = database.isPostgres();
        if (!postgres) {
            cache.trustAlways();
        }
    }

    /**
     * Something that authenticates {@code username} changed (password, roles, enabled, a failed login, a token): every
     * node forgets what it verified for the user. Call it inside the transaction that makes the change. On PostgreSQL
     * the request then waits, after the commit, until every listening node has said it heard the change (at most
     * {@link #HEARD_WAIT}), so that once it is answered no node lets the old credential in.
     */
    void announce(String username) {
        cache.forget(username);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publish(username, null);
            return;
        }
        String change = UUID.randomUUID().toString();
        CountDownLatch heard = postgres ? new CountDownLatch(listeners()) : null;
        if (heard != null) {
            hearing.put(change, heard);
        }
        publish(username, change);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                // a request that read the user before the commit may have stored the old state meanwhile
                cache.forget(username);
                if (heard != null) {
                    awaitHeard(change, heard, status == STATUS_COMMITTED);
                }
            }
        });
    }

    private void publish(String username, String change) {
        if (postgres) {
            jdbc.sql("SELECT pg_notify(?, ?)")
                    .params(CHANNEL, change == null ? username : change + " " + username)
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

    private void awaitHeard(String change, CountDownLatch heard, boolean committed) {
        try {
            if (committed && !heard.await(HEARD_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Not every node confirmed a credential change within {}", HEARD_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hearing.remove(change);
        }
    }

    @Override
    public void start() {
        if (!postgres || running) {
            return;
        }
        running = true;
        Thread listener = new Thread(this::listen, "credential-changes");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        cache.distrust();
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

    private void listen() {
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                hear(c);
            } catch (SQLException | RuntimeException e) {
                cache.distrust();
                if (running) {
                    log.warn(
                            "Listening for credential changes failed, reading users from the database until it is back: {}",
                            e.toString());
                }
            } finally {
                cache.distrust();
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
            cache.clear();
            cache.trustFor(TRUST);
            while (running) {
                apply(pg.getNotifications((int) HEARTBEAT.toMillis()), confirm);
                statement.execute("SELECT 1");
                // notifications that came with the heartbeat are applied before the trust is extended
                apply(pg.getNotifications(), confirm);
                cache.trustFor(TRUST);
            }
        }
    }

    /** Forgets the users changed and confirms each change; counts the confirmations of this node's changes. */
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
            int space = payload.indexOf(' ');
            cache.forget(space < 0 ? payload : payload.substring(space + 1));
            if (space > 0) {
                confirm.setString(1, payload.substring(0, space));
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
