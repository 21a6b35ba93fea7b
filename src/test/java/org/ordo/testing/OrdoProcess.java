package org.ordo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ordo.OrdoApplication;

/**
 * Ordo as an operator runs it: a JVM of its own from the test classpath, working in a directory of the test's (so the
 * embedded default's ./data lands there), its output in {@code <name>.log} there. For what only a process shows: a kill,
 * a restart, a command that runs before the server.
 */
public final class OrdoProcess {

    private OrdoProcess() {}

    /** The command line of Ordo's main class with {@code arguments}. */
    public static List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                OrdoApplication.class.getName()));
        command.addAll(arguments);
        return command;
    }

    /** Ordo with the demo data on {@code port}, on the database {@code database} names; returns once it is healthy. */
    public static Process startWithDemoData(Path directory, List<String> database, int port, String name)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=demo"));
        arguments.addAll(database);
        return start(directory, arguments, port, name);
    }

    /** Ordo on {@code port} with these arguments (the database's among them); returns once it is healthy. */
    public static Process start(Path directory, List<String> settings, int port, String name)
            throws IOException, InterruptedException {
        List<String> arguments =
                new ArrayList<>(List.of("--server.port=" + port, "--ordo.admin-password=" + Api.ADMIN_PASSWORD));
        arguments.addAll(settings);
        Path log = directory.resolve(name + ".log");
        Process process = new ProcessBuilder(command(arguments))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Ordo did not start:\n" + tail(log));
            }
            try {
                if (Api.at(port).get("/actuator/health").status() == 200) {
                    return process;
                }
            } catch (UncheckedIOException notYetListening) {
                // still starting
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("Ordo did not become healthy in time:\n" + tail(log));
    }

    /** The last 40 lines of a log, for a failure's message. */
    public static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
