package org.ordo.platform.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.ErrorCode;
import org.h2.tools.DeleteDbFiles;
import org.h2.tools.Restore;

/**
 * The embedded H2 file database to and from a zip, both while Ordo is stopped: the embedded database belongs to the
 * one process that has it open (H2 locks the file), so the command refuses while Ordo runs rather than copy a file
 * still being written. The backup is H2's {@code BACKUP TO}; the restore unpacks the zip where the URL points.
 */
public final class H2Backup {

    private static final String DATA_FILE = ".mv.db";

    private final String jdbcUrl;
    private final String user;
    private final String password;

    public H2Backup(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public static boolean handles(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    public void backup(Path file) throws SQLException {
        // IFEXISTS: a mistyped URL must not back up a new, empty database
        try (Connection c = DriverManager.getConnection(jdbcUrl + ";IFEXISTS=TRUE", user, password);
                Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new IllegalStateException("the database is open (is Ordo running?): stop it first", e);
            }
            throw e;
        }
    }

    /** Refuses to replace an existing database unless {@code force}, and always while Ordo has it open. */
    public void restore(Path file, boolean force) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        Path database = databasePath();
        Path directory = database.toAbsolutePath().getParent();
        String name = database.getFileName().toString();
        Path dataFile = directory.resolve(name + DATA_FILE);
        if (Files.exists(dataFile)) {
            if (!force) {
                throw new IllegalStateException(
                        "a database exists at " + dataFile + "; stop Ordo and add --force to replace it");
            }
            refuseWhileOpen(dataFile);
            DeleteDbFiles.execute(directory.toString(), name, true);
        }
        Files.createDirectories(directory);
        Restore.execute(file.toString(), directory.toString(), name);
        if (!Files.exists(dataFile)) {
            throw new IllegalStateException(file + " holds no H2 database");
        }
    }

    /** H2 holds a lock on the file while a process has the database open. */
    private static void refuseWhileOpen(Path dataFile) throws IOException {
        try (FileChannel channel = FileChannel.open(dataFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("the database is open (is Ordo running?): stop it first");
            }
        }
    }

    /** {@code jdbc:h2:file:./data/ordo;…} → {@code ./data/ordo}; only file databases can be restored. */
    Path databasePath() {
        String location = jdbcUrl.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (location.startsWith("file:")) {
            location = location.substring("file:".length());
        } else if (location.matches("^(mem|tcp|ssl|zip|nio\\w*):.*")) {
            throw new IllegalStateException("restore needs an embedded file database, not " + location);
        }
        if (location.startsWith("~")) {
            location = System.getProperty("user.home") + location.substring(1);
        }
        return Path.of(location);
    }
}
