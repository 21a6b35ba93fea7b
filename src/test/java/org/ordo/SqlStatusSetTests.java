package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ordo.platform.Sql;

/**
 * A set of states in a query comes from its status enum ({@link Sql#list} or a bind parameter), never as text typed into the
 * query: so the code and the queries cannot disagree about which states are open, issued or shipped.
 */
class SqlStatusSetTests {

    private static final Path SOURCES = Path.of("src", "main", "java", "org", "ordo");
    /** {@code IN ('A', 'B')} in a query, or a literal {@code "('A', 'B')"} that is put into one. */
    private static final Pattern TYPED_IN_LIST =
            Pattern.compile("(?:\\bIN\\s*|\u0000)\\(\\s*'[^']*'(\\s*,\\s*'[^']*')*\\s*\\)");

    @Test
    void noQueryTypesASetOfStates() throws IOException {
        List<String> typed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = TYPED_IN_LIST.matcher(TableOwnershipTests.stringLiterals(Files.readString(file)));
                while (m.find()) {
                    typed.add(SOURCES.relativize(file) + ": "
                            + m.group().replace("\u0000", "").trim());
                }
            }
        }
        assertThat(typed)
                .as("IN lists typed into SQL: build them from the status enum")
                .isEmpty();
        assertThat(TableOwnershipTests.stringLiterals("""
                String COUNTS = "('ISSUED', 'PAID')";
                String query = "WHERE type = 'INVOICE' AND status IN ('ISSUED', 'OVERDUE')";"""))
                .satisfies(sql ->
                        assertThat(TYPED_IN_LIST.matcher(sql).results().count()).isEqualTo(2));
    }

    @Test
    void aSetOfStatesIsWrittenAsTheListOfTheirNames() {
        assertThat(Sql.list(List.of(Thread.State.NEW, Thread.State.BLOCKED))).isEqualTo("('NEW', 'BLOCKED')");
        assertThatThrownBy(() -> Sql.list(List.<Thread.State>of())).isInstanceOf(IllegalArgumentException.class);
    }
}
