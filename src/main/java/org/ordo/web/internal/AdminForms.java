package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.ordo.platform.Csv;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Address;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the administration's forms and lists share: the module's field violations turned into errors next to the form's
 * fields, the HTTP status of a refusal, paging parameters, address fields, and CSV exports of everything a filter selects.
 */
final class AdminForms {

    static final int PAGE_SIZE = 25;
    /** An export stops here; a larger selection is narrowed with the filters. */
    static final int MAX_EXPORT = 50_000;

    private AdminForms() {}

    /**
     * The violations by form field: a path {@code a.b} names the field {@code aB} ({@code billingAddress.city} is
     * {@code billingAddressCity}), an index is dropped ({@code roles[0]} is {@code roles}); {@code renames} maps what the
     * form calls differently. A refusal without a field is under {@code form}.
     */
    static Map<String, String> errors(OrdoException refused, Map<String, String> renames) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : refused.violations()) {
            String field = fieldOf(v.field());
            errors.putIfAbsent(renames.getOrDefault(field, field), v.message());
        }
        if (errors.isEmpty()) {
            errors.put("form", refused.getMessage());
        }
        return errors;
    }

    static String fieldOf(String path) {
        String plain = path.replaceAll("\\[\\d+]", "");
        StringBuilder field = new StringBuilder();
        boolean upper = false;
        for (char c : plain.toCharArray()) {
            if (c == '.') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.toString();
    }

    /** 409 for a conflict or a stale version, 403 for what the roles forbid, 400 for invalid input. */
    static void status(OrdoException refused, HttpServletResponse response) {
        response.setStatus(
                switch (refused.kind()) {
                    case CONFLICT, STALE -> HttpServletResponse.SC_CONFLICT;
                    case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
                    case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
                    default -> HttpServletResponse.SC_BAD_REQUEST;
                });
    }

    static int page(String page) {
        if (page == null || page.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(page.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static int lastPage(PageResult<?> result) {
        return Math.max(0, (int) ((Math.min(result.totalItems(), Integer.MAX_VALUE) - 1) / result.size()));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** An address from its form fields: none when every field is blank; what is missing is reported by the module. */
    static Address address(
            String name, String line1, String line2, String city, String region, String postalCode, String country) {
        if (blankToNull(name) == null
                && blankToNull(line1) == null
                && blankToNull(line2) == null
                && blankToNull(city) == null
                && blankToNull(region) == null
                && blankToNull(postalCode) == null
                && blankToNull(country) == null) {
            return null;
        }
        return new Address(
                blankToNull(name),
                blankToNull(line1),
                blankToNull(line2),
                blankToNull(city),
                blankToNull(region),
                blankToNull(postalCode),
                country == null ? null : country.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** Every item a paged query selects, up to {@link #MAX_EXPORT}, read page by page. */
    static <T> List<T> all(IntFunction<PageResult<T>> pages) {
        List<T> items = new ArrayList<>();
        for (int page = 0; items.size() < MAX_EXPORT; page++) {
            PageResult<T> result = pages.apply(page);
            items.addAll(result.items());
            if (result.items().size() < result.size() || (long) (page + 1) * result.size() >= result.totalItems()) {
                break;
            }
        }
        return items.size() > MAX_EXPORT ? items.subList(0, MAX_EXPORT) : items;
    }

    static Paging exportPage(int page) {
        return Paging.of(page, Paging.MAX_SIZE);
    }

    static ResponseEntity<String> csv(String filename, List<String> header, List<List<Object>> rows) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(Csv.of(header, rows));
    }
}
