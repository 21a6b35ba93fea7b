package org.ordo.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's documentation of the modules, as committed in docs/modules: the C4 component diagram of all
 * modules ({@code components.puml}), one diagram per module with its neighbours ({@code module-<name>.puml}), the
 * module canvases ({@code module-<name>.adoc}) and the page that collects them ({@code all-docs.adoc}).
 */
public final class ModuleDocs {

    public static final Path FOLDER = Path.of("docs/modules");

    private ModuleDocs() {}

    /** Writes the documentation into {@code folder}, replacing what was there. */
    public static void write(ApplicationModules modules, Path folder) throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString())).writeDocumentation();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                List<String> lines = Files.readAllLines(file);
                Files.write(file, file.toString().endsWith(".puml") ? sortRelations(lines) : sortBulletLists(lines));
            }
        }
    }

    // The Documenter lists relations, beans and events in the order the class files were found, which differs between
    // file systems (and so between machines). Sorted, the same code gives the same files everywhere; neither PlantUML
    // nor a reader of a canvas gives the order a meaning.

    private static List<String> sortRelations(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines);
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Rel(")) {
                at.add(i);
            }
        }
        List<String> relations = at.stream().map(lines::get).sorted().toList();
        for (int i = 0; i < at.size(); i++) {
            sorted.set(at.get(i), relations.get(i));
        }
        return sorted;
    }

    /**
     * Sorts each list of a canvas by its items. An item is a line {@code * `type`} with the lines that continue it (its
     * Javadoc, its {@code ** } sub-items); a list ends at a blank line not followed by another item, or at the next
     * table cell, and its first item may open the cell ({@code |* `type`}). Blank lines between items are dropped.
     */
    private static List<String> sortBulletLists(List<String> lines) {
        List<String> sorted = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            boolean opensCell = line.startsWith("|* `");
            if (!opensCell && !line.startsWith("* `")) {
                sorted.add(line);
                i++;
                continue;
            }
            List<List<String>> items = new ArrayList<>();
            items.add(new ArrayList<>(List.of(opensCell ? line.substring(1) : line)));
            for (i++; i < lines.size() && continuesList(lines, i); i++) {
                if (lines.get(i).isBlank()) {
                    continue; // between items of one list (the Documenter writes one after some items, not others)
                }
                if (lines.get(i).startsWith("* `")) {
                    items.add(new ArrayList<>());
                }
                items.get(items.size() - 1).add(lines.get(i));
            }
            List<String> list = items.stream()
                    .map(ModuleDocs::sortSubItems)
                    .map(item -> String.join("\n", item))
                    .sorted()
                    .flatMap(item -> Stream.of(item.split("\n", -1)))
                    .toList();
            sorted.add(opensCell ? "|" + list.get(0) : list.get(0));
            sorted.addAll(list.subList(1, list.size()));
        }
        return sorted;
    }

    /** Whether line {@code i} still belongs to the list: not a table cell, and not a blank line that ends it. */
    private static boolean continuesList(List<String> lines, int i) {
        String line = lines.get(i);
        if (line.startsWith("|")) {
            return false;
        }
        // a blank line before the next item or the next cell is dropped too: the documenter writes it after some items
        return !line.isBlank()
                || (i + 1 < lines.size()
                        && (lines.get(i + 1).startsWith("* `")
                                || lines.get(i + 1).startsWith("|")));
    }

    private static List<String> sortSubItems(List<String> item) {
        List<String> head = item.stream().filter(l -> !l.startsWith("** ")).toList();
        List<String> subItems =
                item.stream().filter(l -> l.startsWith("** ")).sorted().toList();
        List<String> sorted = new ArrayList<>(head);
        sorted.addAll(subItems);
        return sorted;
    }
}
