package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module's SQL names only its own tables: what it needs of another module's data it asks that module's API, where the
 * module check sees the dependency. Who owns which table is listed in {@code src/test/resources/table-owners.txt};
 * every table and sequence the migrations create must be listed there.
 */
class TableOwnershipTests {

    private static final Path SOURCES = Path.of("src", "main", "java", "org", "ordo");
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final String OWNERS = "/table-owners.txt";
    /** The owner of the tables the libraries create: no module. */
    private static final String LIBRARIES = "libraries";
    /** Its documented read-only queries (key figures, reports) read every module's tables. */
    private static final Set<String> READS_EVERY_TABLE = Set.of("reporting");

    private static final Pattern CREATED =
            Pattern.compile("(?i)\\bCREATE\\s+(TABLE|SEQUENCE)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)");
    private static final Pattern TABLE_AFTER_KEYWORD =
            Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern WORD = Pattern.compile("[a-z_][a-z0-9_]*");
    /** What may stand between two string literals that are one SQL text: {@code "..." + COLUMNS + "..."}. */
    private static final Pattern CONCATENATION = Pattern.compile("\\s*\\+[\\s\\w.+]*");

    @Test
    void everyTableOfTheMigrationsHasOneOwner() throws IOException {
        Map<String, String> created = createdByMigrations();
        Map<String, String> owners = owners();
        Set<String> modules = modules();

        assertThat(new TreeSet<>(created.keySet()))
                .as("created by the migrations without an owner in table-owners.txt")
                .isSubsetOf(owners.keySet());
        owners.forEach((table, owner) -> {
            assertThat(owner).as("owner of %s in table-owners.txt", table).isIn(union(modules, Set.of(LIBRARIES)));
            if (!owner.equals(LIBRARIES)) {
                assertThat(created)
                        .as("%s in table-owners.txt is created by a migration", table)
                        .containsKey(table);
            }
        });
    }

    @Test
    void aModuleReadsOnlyItsOwnTables() throws IOException {
        Map<String, String> owners = owners();
        Set<String> sequences = new TreeSet<>();
        createdByMigrations().forEach((name, kind) -> {
            if (kind.equals("SEQUENCE")) {
                sequences.add(name);
            }
        });
        List<String> foreign = new ArrayList<>();
        for (String module : modules()) {
            if (READS_EVERY_TABLE.contains(module)) {
                continue;
            }
            for (Path file : javaFiles(SOURCES.resolve(module))) {
                for (String table : namedInSql(Files.readString(file), owners.keySet(), sequences)) {
                    if (!module.equals(owners.get(table))) {
                        foreign.add(SOURCES.relativize(file) + " names " + table + " (" + owners.get(table) + ")");
                    }
                }
            }
        }
        assertThat(foreign)
                .as("SQL naming another module's table: ask that module's API instead")
                .isEmpty();
    }

    @Test
    void theSqlOfStringsTextBlocksAndConcatenationsIsReadButNotComments() {
        String source = """
                // jdbc.sql("SELECT * FROM sales_order")
                /* UPDATE payment SET amount = 0 */
                class Store {
                    String lines = "SELECT l.quantity FROM shipment s JOIN " + COLUMNS + "order_line l ON l.order_id = s.order_id";
                    String block = \"""
                            UPDATE invoice SET total = 0
                            WHERE id IN (SELECT invoice_id FROM payment_allocation)\""";
                    String next = database.nextValueSql("order_number_seq");
                    char quote = '"';
                    void lock() {
                        jdbc.sql("SELECT sku FROM stock_level FOR UPDATE").param("warehouse", "x").query();
                        log.info("moved from warehouse {}", code);
                    }
                }""";
        Set<String> known = Set.of(
                "sales_order",
                "payment",
                "shipment",
                "order_line",
                "invoice",
                "payment_allocation",
                "stock_level",
                "warehouse",
                "order_number_seq");

        assertThat(namedInSql(source, known, Set.of("order_number_seq")))
                .containsExactly(
                        "invoice", "order_line", "order_number_seq", "payment_allocation", "shipment", "stock_level");
    }

    /** The tables of {@code known} that the SQL in this Java source names, and the {@code sequences} it names anywhere. */
    static Set<String> namedInSql(String javaSource, Set<String> known, Set<String> sequences) {
        String sql = stringLiterals(javaSource);
        Set<String> named = new TreeSet<>();
        Matcher table = TABLE_AFTER_KEYWORD.matcher(sql);
        while (table.find()) {
            if (known.contains(table.group(1))) {
                named.add(table.group(1));
            }
        }
        Matcher word = WORD.matcher(sql);
        while (word.find()) {
            if (sequences.contains(word.group())) {
                named.add(word.group());
            }
        }
        return named;
    }

    /**
     * The string literals and text blocks of a Java source, comments left out. Literals joined by {@code +} (with names in
     * between) read as one text; others are kept apart, so that {@code "... FOR UPDATE").param("warehouse"} names no table.
     */
    static String stringLiterals(String source) {
        StringBuilder text = new StringBuilder();
        int previousEnd = -1;
        int i = 0;
        while (i < source.length()) {
            int start = i;
            String literal = null;
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                literal = source.substring(i + 3, end);
                i = end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                int end = closing(source, i);
                literal = source.charAt(i) == '"' ? source.substring(i + 1, end) : null;
                i = end + 1;
            } else {
                i++;
            }
            if (literal != null) {
                boolean joined = previousEnd >= 0
                        && CONCATENATION
                                .matcher(source.substring(previousEnd, start))
                                .matches();
                text.append(joined ? " " : "\u0000").append(literal);
                previousEnd = i;
            }
        }
        return text.toString();
    }

    /** Where the string or character literal that opens at {@code open} closes, escapes skipped. */
    private static int closing(String source, int open) {
        char quote = source.charAt(open);
        int i = open + 1;
        while (source.charAt(i) != quote) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    /** Table and sequence names the migrations create, with what they are (TABLE or SEQUENCE). */
    private static Map<String, String> createdByMigrations() throws IOException {
        Map<String, String> created = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                String sql = Files.readString(file).replaceAll("--[^\\n]*", "");
                Matcher m = CREATED.matcher(sql);
                while (m.find()) {
                    created.put(m.group(2).toLowerCase(), m.group(1).toUpperCase());
                }
            }
        }
        return created;
    }

    /** table-owners.txt: table or sequence → owning module (or {@link #LIBRARIES}); each listed once. */
    private static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        try (InputStream in = TableOwnershipTests.class.getResourceAsStream(OWNERS)) {
            assertThat(in).as(OWNERS).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList()) {
                String content = line.replaceAll("#.*", "").trim();
                if (content.isEmpty()) {
                    continue;
                }
                String[] ownerAndTables = content.split(":", 2);
                assertThat(ownerAndTables)
                        .as("line of %s: 'owner: table ...'", OWNERS)
                        .hasSize(2);
                for (String table : ownerAndTables[1].trim().split("\\s+")) {
                    String earlier = owners.put(table, ownerAndTables[0].trim());
                    assertThat(earlier)
                            .as("%s listed twice in %s", table, OWNERS)
                            .isNull();
                }
            }
        }
        return owners;
    }

    /** The modules: the packages directly under org.ordo. */
    private static Set<String> modules() throws IOException {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return new TreeSet<>(dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .toList());
        }
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
