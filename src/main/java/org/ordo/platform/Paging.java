package org.ordo.platform;

import java.util.ArrayList;
import java.util.List;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;

/** A validated page request: page ≥ 0, 1 ≤ size ≤ 500 (docs/api.md). */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 500;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        List<FieldViolation> problems = new ArrayList<>();
        if (p < 0) {
            problems.add(new FieldViolation("page", "must be 0 or greater"));
        }
        if (s < 1 || s > MAX_SIZE) {
            problems.add(new FieldViolation("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return new Paging(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
