package org.ordo.web.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.ordo.platform.Csv;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the customer portal's and customer service's lists share: the page number as typed, CSV and PDF downloads. */
final class Downloads {

    /** Rows an export holds at most, so that one click cannot read a whole large table into memory. */
    static final int MAX_EXPORT_ROWS = 50_000;

    private Downloads() {}

    /** The page number of a list link; anything malformed is the first page. */
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
        return Math.max(0, (int) ((result.totalItems() - 1) / Math.max(1, result.size())));
    }

    /** Every row the filters select, read page by page through the module's indexed search. */
    static <T> List<List<Object>> rows(IntFunction<PageResult<T>> pages, Function<T, List<Object>> row) {
        List<List<Object>> rows = new ArrayList<>();
        for (int page = 0; rows.size() < MAX_EXPORT_ROWS; page++) {
            PageResult<T> result = pages.apply(page);
            result.items().forEach(item -> rows.add(row.apply(item)));
            if ((long) (page + 1) * result.size() >= result.totalItems()
                    || result.items().isEmpty()) {
                break;
            }
        }
        return rows;
    }

    static Paging exportPage(int page) {
        return Paging.of(page, Paging.MAX_SIZE);
    }

    static ResponseEntity<String> csv(String fileName, List<String> header, List<List<Object>> rows) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName + ".csv", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(Csv.of(header, rows));
    }

    static ResponseEntity<byte[]> pdf(String fileName, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName + ".pdf", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content);
    }
}
