package org.ordo.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the code and the docs cite is there to read: a cited Markdown file that the repository lacks fails. */
class CitedDocsTests {

    /**
     * A relative path ending in the Markdown extension. A URL's path follows "/" or ":", a file a script writes under a
     * variable follows "$": neither is a citation.
     */
    private static final Pattern CITED = Pattern.compile("(?<![\\w/.:$-])[\\w-][\\w./-]*\\.md\\b");

    private static final List<String> CITING = List.of("src/main", "src/test", "docs", "bench", "README.md");

    @Test
    void everyMarkdownFileTheCodeOrTheDocsCiteIsInTheRepository() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Set<Path> present = markdownFiles(root);
        List<String> missing = new ArrayList<>();
        for (Path file : citingFiles(root)) {
            Matcher cited = CITED.matcher(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            while (cited.find()) {
                String name = cited.group();
                // relative to the citing file (links between docs) or to the repository (paths in code and README)
                if (!present.contains(file.getParent().resolve(name).normalize())
                        && !present.contains(root.resolve(name).normalize())) {
                    missing.add(root.relativize(file) + " cites " + name);
                }
            }
        }
        assertThat(missing).as("Markdown files cited but not in the repository").isEmpty();
    }

    /** Compared by name, not asked of the file system, so a citation in the wrong case fails on every machine. */
    private static Set<Path> markdownFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md"))
                    .filter(f -> !root.relativize(f).startsWith("target")
                            && !root.relativize(f).startsWith(".git"))
                    .map(Path::normalize)
                    .collect(Collectors.toSet());
        }
    }

    private static List<Path> citingFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String place : CITING) {
            try (Stream<Path> walk = Files.walk(root.resolve(place))) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        return files;
    }
}
