package org.ordo.web.internal;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address of a list page with its filters, for paging links and exports: blank filters are left out, so links stay
 * short and say what was chosen; the first page is the default and has no parameter.
 */
final class ListLink {

    private final UriComponentsBuilder uri;

    private ListLink(String path) {
        this.uri = UriComponentsBuilder.fromPath(path);
    }

    static ListLink to(String path) {
        return new ListLink(path);
    }

    /** Adds the filter when it has a value. */
    ListLink filter(String name, String value) {
        if (value != null && !value.isBlank()) {
            uri.queryParam(name, value);
        }
        return this;
    }

    /** Adds the parameter even when empty: for a choice whose absence means something else than "all". */
    ListLink always(String name, String value) {
        uri.queryParam(name, value == null ? "" : value);
        return this;
    }

    /** The address of page {@code page} (0-based). */
    String page(int page) {
        if (page > 0) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }

    /** The address without a page, e.g. of an export. */
    String build() {
        return page(0);
    }
}
