package org.ordo.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ordo.shared.StateTable;

/**
 * The state diagrams of docs/domain.md are the status enums' transition tables, drawn by {@link StateDiagrams};
 * {@code -Dordo.docs.write=true} redraws them.
 */
class StateDiagramTests {

    private static final Path DOMAIN = Path.of("docs/domain.md");

    @Test
    void theDomainPageDrawsEachStateTableEdgeForEdge() throws IOException {
        GeneratedDocs.check(
                DOMAIN,
                StateDiagrams.drawInto(Files.readString(DOMAIN)),
                getClass().getSimpleName());
    }

    @Test
    void everyStateTableHasItsDiagram() {
        Set<String> tables = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.ordo").stream()
                        .filter(c -> c.isEnum() && c.isAssignableTo(StateTable.class))
                        .map(JavaClass::getName)
                        .collect(Collectors.toSet());
        Set<String> drawn =
                StateDiagrams.all().stream().map(d -> d.type.getName()).collect(Collectors.toSet());
        assertThat(drawn).isEqualTo(tables);
    }
}
