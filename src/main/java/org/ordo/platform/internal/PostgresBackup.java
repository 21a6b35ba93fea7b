package org.ordo.platform.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL database to and from a {@code pg_dump} archive in custom format, with the client binaries on the PATH.
 * {@code pg_dump} reads one snapshot, so the archive is consistent while orders keep coming in. The password goes to
 * the tools through {@code PGPASSWORD}, never on a command line that {@code ps} shows.
 */
public final class PostgresBackup {

    private static final Pattern SSL_MODE = Pattern.compile("[?&]sslmode=([a-z-]+)");

    private final String jdbcUrl;
    private final String user;
    private final String password;

    public PostgresBackup(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public static boolean handles(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    public void backup(Path file) throws IOException, InterruptedException {
        run(List.of("pg_dump", "--format=custom", "--file=" + file));
    }

    /**
     * Into an empty database (create it first); into one that holds tables only when {@code force}, which then drops
     * what the archive brings before creating it again.
     */
    public void restore(Path file, boolean force) throws IOException, InterruptedException, SQLException {
        if (!file.toFile().isFile()) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        List<String> command = new ArrayList<>(
                List.of("pg_restore", "--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges"));
        if (tables() > 0) {
            if (!force) {
                throw new IllegalStateException(
                        "the database is not empty; restore into a new, empty database or add --force to replace it");
            }
            command.addAll(List.of("--clean", "--if-exists"));
        }
        command.add(file.toString());
        run(command);
    }

    private long tables() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) AS tables FROM information_schema.tables"
                        + " WHERE table_schema <> 'pg_catalog' AND table_schema <> 'information_schema'")) {
            rs.next();
            return rs.getLong("tables");
        }
    }

    private void run(List<String> tool) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(tool);
        command.addAll(List.of("--no-password", "--username=" + user, "--dbname=" + libpqUri()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("PGPASSWORD", password);
        int status = builder.start().waitFor();
        if (status != 0) {
            throw new IllegalStateException(tool.get(0) + " exited with " + status);
        }
    }

    /** {@code jdbc:postgresql://host:port/db?…} as libpq reads it; of the JDBC parameters only {@code sslmode}. */
    String libpqUri() {
        String rest = jdbcUrl.substring("jdbc:postgresql:".length());
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        String uri = path.startsWith("//") ? "postgresql:" + path : "postgresql:///" + path;
        Matcher sslMode = SSL_MODE.matcher(rest);
        return sslMode.find() ? uri + "?sslmode=" + sslMode.group(1) : uri;
    }
}
