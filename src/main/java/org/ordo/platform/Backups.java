package org.ordo.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ordo.platform.internal.H2Backup;
import org.ordo.platform.internal.PostgresBackup;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The operator's backup and restore commands, run instead of the server ({@code java -jar ordo.jar backup --to FILE},
 * {@code restore --from FILE [--force]}; docs/operations.md). They use the datasource the application would use: the
 * same application.yml, profiles, {@code ORDO_DB_*} variables and {@code --spring.datasource.*} arguments.
 */
public final class Backups {

    private static final Set<String> COMMANDS = Set.of("backup", "restore");

    private Backups() {}

    /** Whether the arguments ask for a command rather than the server. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command and returns the process's exit status: 0 done, 1 failed, 2 not understood. */
    public static int run(String[] args) {
        Invocation invocation;
        try {
            invocation = Invocation.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(
                    "usage: backup --to FILE | restore --from FILE [--force]  [--spring.datasource.url=...]");
            return 2;
        }
        try {
            Datasource datasource = Datasource.of(invocation.springArgs());
            if (invocation.backup()) {
                datasource.backup(invocation.file());
                System.out.println("Backed up " + datasource.describe() + " to " + invocation.file());
            } else {
                datasource.restore(invocation.file(), invocation.force());
                System.out.println("Restored " + invocation.file() + " into " + datasource.describe());
            }
            return 0;
        } catch (Exception e) {
            System.err.println(invocation.command() + " failed: " + e.getMessage());
            return 1;
        }
    }

    /** {@code backup --to FILE} or {@code restore --from FILE [--force]}; every other argument goes to Spring. */
    record Invocation(String command, Path file, boolean force, String[] springArgs) {

        boolean backup() {
            return command.equals("backup");
        }

        static Invocation parse(String[] args) {
            String command = args[0];
            String fileOption = command.equals("backup") ? "--to" : "--from";
            Path file = null;
            boolean force = false;
            List<String> rest = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals(fileOption) && i + 1 < args.length) {
                    file = Path.of(args[++i]);
                } else if (arg.startsWith(fileOption + "=")) {
                    file = Path.of(arg.substring(fileOption.length() + 1));
                } else if (arg.equals("--force") && !backup(command)) {
                    force = true;
                } else {
                    rest.add(arg);
                }
            }
            if (file == null) {
                throw new IllegalArgumentException(command + " needs " + fileOption + " FILE");
            }
            return new Invocation(command, file.toAbsolutePath(), force, rest.toArray(String[]::new));
        }

        private static boolean backup(String command) {
            return command.equals("backup");
        }
    }

    /** The configured datasource and the backup of its kind. */
    record Datasource(String url, String user, String password) {

        /** Reads the settings as the application would, without starting it (no beans, no migrations, no server). */
        static Datasource of(String[] springArgs) {
            SpringApplication settingsOnly = new SpringApplication(SettingsOnly.class);
            settingsOnly.setWebApplicationType(WebApplicationType.NONE);
            settingsOnly.setBannerMode(Banner.Mode.OFF);
            settingsOnly.setLogStartupInfo(false);
            try (ConfigurableApplicationContext context = settingsOnly.run(springArgs)) {
                Environment env = context.getEnvironment();
                return new Datasource(
                        env.getRequiredProperty("spring.datasource.url"),
                        env.getProperty("spring.datasource.username", ""),
                        env.getProperty("spring.datasource.password", ""));
            }
        }

        void backup(Path file) throws Exception {
            if (H2Backup.handles(url)) {
                new H2Backup(url, user, password).backup(file);
            } else if (PostgresBackup.handles(url)) {
                new PostgresBackup(url, user, password).backup(file);
            } else {
                throw new IllegalStateException("no backup for this database: " + describe());
            }
        }

        void restore(Path file, boolean force) throws Exception {
            if (H2Backup.handles(url)) {
                new H2Backup(url, user, password).restore(file, force);
            } else if (PostgresBackup.handles(url)) {
                new PostgresBackup(url, user, password).restore(file, force);
            } else {
                throw new IllegalStateException("no restore for this database: " + describe());
            }
        }

        /** The URL up to its parameters, which may hold a password. */
        String describe() {
            return url.split("[;?]", 2)[0];
        }
    }

    /** An empty primary source: the context exists only to resolve the environment. */
    static final class SettingsOnly {}
}
