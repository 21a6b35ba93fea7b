package org.ordo.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {"items": [...], "page": 0, "size": 50, "totalItems": 1234}}. */
public record PageResult<T>(List<T> items, int page, int size, long totalItems) {

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, totalItems);
    }
}
