package org.ordo.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

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
}
