package org.ordo.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The parts of {@code docs/} drawn from the code. Their tests compare the committed files with what the code gives
 * and fail when they differ; run with {@code -Dordo.docs.write=true}, the same tests rewrite the files instead.
 */
public final class GeneratedDocs {

    public static final String WRITE = "ordo.docs.write";

    private GeneratedDocs() {}

    public static boolean writing() {
        return Boolean.getBoolean(WRITE);
    }

    /** The command that rewrites what {@code testClass} checks. */
    public static String regenerate(String testClass) {
        return "./mvnw -B test -Dtest=" + testClass + " -D" + WRITE + "=true";
    }

    /** Writes {@code expected} to {@code file} when writing, else fails unless the file holds it. */
    public static void check(Path file, String expected, String testClass) throws IOException {
        if (writing()) {
            Files.writeString(file, expected);
            return;
        }
        assertThat(Files.readString(file))
                .as("%s is not what the code gives; regenerate it with: %s", file, regenerate(testClass))
                .isEqualTo(expected);
    }

    /** Fails unless {@code committed} holds the files of {@code fresh}, each with the same text, and no others. */
    public static void checkFolder(Path committed, Path fresh, String testClass) throws IOException {
        Set<String> names = new TreeSet<>(names(fresh));
        names.addAll(names(committed));
        List<String> stale = new ArrayList<>();
        for (String name : names) {
            Path expected = fresh.resolve(name);
            Path actual = committed.resolve(name);
            if (!Files.exists(actual)) {
                stale.add(name + " is missing");
            } else if (!Files.exists(expected)) {
                stale.add(name + " is no longer generated");
            } else if (!text(actual).equals(text(expected))) {
                stale.add(name + " differs");
            }
        }
        assertThat(stale)
                .as("%s is not what the code gives; regenerate it with: %s", committed, regenerate(testClass))
                .isEmpty();
    }

    private static Set<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    /** Line ends as the checkout has them do not count. */
    private static String text(Path file) throws IOException {
        return Files.readString(file).replace("\r\n", "\n");
    }
}
