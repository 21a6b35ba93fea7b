package org.ordo.imports.internal;

import java.util.ArrayList;
import java.util.List;
import org.ordo.imports.ImportKind;
import org.ordo.imports.Imports.RowOutcome;
import org.ordo.shared.FieldViolation;

/** How the rows of one kind of file are applied: through the owning module's API, with its rules. */
interface RowImporter {

    String APPLIED = "APPLIED";
    String UNCHANGED = "UNCHANGED";
    String REJECTED = "REJECTED";

    ImportKind kind();

    /** Every column, by its documented name. */
    List<String> columns();

    List<String> required();

    /** The units each applied in one transaction, in file order: one row each unless a kind groups them. */
    default List<List<CsvFile.Row>> units(List<CsvFile.Row> rows) {
        return rows.stream().map(List::of).toList();
    }

    /**
     * Applies one unit in the caller's transaction.
     *
     * @return each row's outcome
     * @throws RowRejected or {@link org.ordo.shared.OrdoException} when a row breaks a rule: the caller rolls the
     *     unit back and reports {@link #rejected}
     */
    List<RowOutcome> apply(List<CsvFile.Row> unit);

    /** The column a field of the module's API stands for, null when none does. */
    String columnOf(String field);

    /**
     * What a refusal of the unit says about its rows: each violation at its column, on {@code line} (null when the
     * module refused: then the first row's).
     */
    default List<RowOutcome> rejected(List<CsvFile.Row> unit, Integer line, List<FieldViolation> violations) {
        int at = line == null ? unit.get(0).line() : line;
        List<RowOutcome> outcomes = new ArrayList<>();
        for (FieldViolation v : violations) {
            String column = columnOf(v.field());
            String reason = column == null && v.field() != null ? v.field() + " " + v.message() : v.message();
            outcomes.add(new RowOutcome(at, REJECTED, column, reason, v.code(), null));
        }
        return outcomes;
    }
}
