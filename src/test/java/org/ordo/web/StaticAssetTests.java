package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The styles every page loads are well formed: one unclosed rule would swallow every rule after it. */
class StaticAssetTests {

    @Test
    void everyStyleRuleIsClosed() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "resources", "static"))) {
            for (Path css : files.filter(f -> f.toString().endsWith(".css")).toList()) {
                String text = Files.readString(css).replaceAll("(?s)/\\*.*?\\*/", "");
                int depth = 0;
                for (char c : text.toCharArray()) {
                    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                    assertThat(depth)
                            .as("%s closes a rule it never opened", css)
                            .isNotNegative();
                }
                assertThat(depth).as("%s leaves %d rules open", css, depth).isZero();
                assertThat(text).as("%s", css).doesNotContain("<<<<<<<").doesNotContain(">>>>>>>");
            }
        }
    }
}
