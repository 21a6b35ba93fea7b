package org.ordo.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: {@code {"items": [...], "page": 0, "size": 50, "totalItems": 1234, "totalItemsExact": true}}.
 * Lists over tables that grow without bound (orders) count at most {@link #COUNT_LIMIT} matches, so that the first page
 * of a broad search stays fast on millions of rows: beyond that, {@code totalItems} is a lower bound (more than
 * {@value #COUNT_LIMIT}) and {@code totalItemsExact} is false. Page on until a page has fewer than {@code size} items.
 */
public record PageResult<T>(List<T> items, int page, int size, long totalItems, boolean totalItemsExact) {

    /** How many matches a bounded count counts before it stops. */
    public static final int COUNT_LIMIT = 10_000;

    public PageResult(List<T> items, int page, int size, long totalItems) {
        this(items, page, size, totalItems, true);
    }

    /**
     * A page whose count stopped at {@code COUNT_LIMIT + 1} ({@code counted} is what it reached): exact below that, else the
     * lower bound, which is never less than what this page shows to exist.
     */
    public static <T> PageResult<T> boundedCount(List<T> items, Paging paging, long counted) {
        if (counted <= COUNT_LIMIT) {
            return new PageResult<>(items, paging.page(), paging.size(), counted, true);
        }
        long seen = paging.offset() + items.size() + (items.size() == paging.size() ? 1 : 0);
        return new PageResult<>(items, paging.page(), paging.size(), Math.max(COUNT_LIMIT, seen), false);
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, totalItems, totalItemsExact);
    }
}
