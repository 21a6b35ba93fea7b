package org.ordo.orders;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The order state diagram in docs/domain.md is the transition table of {@link OrderStatus}, edge for edge. */
class OrderStatusDiagramTests {

    private static final Pattern EDGE = Pattern.compile("^\\s*([A-Z_]+)\\s*-->\\s*([A-Z_]+)\\b", Pattern.MULTILINE);

    @Test
    void theDocumentedOrderStateDiagramMatchesTheTransitionTable() throws IOException {
        String doc = Files.readString(Path.of("docs/domain.md"));
        String diagram = doc.substring(doc.indexOf("<!-- order-states:start -->"), doc.indexOf("<!-- order-states:end -->"));
        Set<String> documented = new TreeSet<>();
        Matcher m = EDGE.matcher(diagram);
        while (m.find()) {
            documented.add(m.group(1) + " -> " + m.group(2));
        }
        Set<String> table = new TreeSet<>();
        for (OrderStatus from : OrderStatus.values()) {
            from.allowedNext().forEach(to -> table.add(from + " -> " + to));
        }
        assertThat(documented).isEqualTo(table);
    }
}
