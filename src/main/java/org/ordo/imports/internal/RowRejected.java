package org.ordo.imports.internal;

import java.util.List;
import org.ordo.shared.FieldViolation;

/** A row's cells break the file's rules before any module is asked: each violation names its column. */
class RowRejected extends RuntimeException {

    private final int line;
    private final transient List<FieldViolation> violations;

    RowRejected(int line, List<FieldViolation> violations) {
        super("line " + line + " rejected", null, false, false);
        this.line = line;
        this.violations = List.copyOf(violations);
    }

    int line() {
        return line;
    }

    List<FieldViolation> violations() {
        return violations;
    }
}
