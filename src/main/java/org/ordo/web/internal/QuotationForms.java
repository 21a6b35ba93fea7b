package org.ordo.web.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.pricing.Pricing;
import org.ordo.quotations.QuotationRequests;
import org.springframework.util.MultiValueMap;

/**
 * The quotation form as typed: the customer, the validity date, a note and rows of SKU, quantity and discount percent.
 * Blank rows are left out; a field the API names ({@code lines[1].quantity}) is shown at the row it came from.
 */
final class QuotationForms {

    /** Rows the form offers besides those already filled. */
    static final int EMPTY_ROWS = 3;
    /** Rows read at most: the quotations module's limit of lines and the empty rows around them. */
    static final int MAX_ROWS = 600;

    record Row(String sku, String quantity, String discount) {
        boolean blank() {
            return sku.isBlank() && quantity.isBlank() && discount.isBlank();
        }
    }

    record Form(String customer, String customerId, String validUntil, String note, List<Row> rows) {

        /** The rows are {@code lines[0].sku}, {@code lines[0].quantity}, {@code lines[0].discount}, … up to the first gap. */
        static Form of(MultiValueMap<String, String> params) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < MAX_ROWS && params.containsKey(rowField(i, "sku")); i++) {
                rows.add(new Row(
                        nz(params.getFirst(rowField(i, "sku"))).trim(),
                        nz(params.getFirst(rowField(i, "quantity"))).trim(),
                        nz(params.getFirst(rowField(i, "discount"))).trim()));
            }
            return new Form(
                    nz(params.getFirst("customer")),
                    nz(params.getFirst("customerId")),
                    nz(params.getFirst("validUntil")),
                    nz(params.getFirst("note")),
                    rows);
        }

        static Form of(QuotationRequests.QuotationView q, String customerName) {
            List<Row> rows = q.lines().stream()
                    .map(l -> new Row(
                            l.sku(),
                            Long.toString(l.quantity()),
                            l.discountPercent() == null
                                    ? ""
                                    : l.discountPercent().stripTrailingZeros().toPlainString()))
                    .toList();
            return new Form(
                    customerName,
                    q.customerId().toString(),
                    q.validUntil().toString(),
                    q.note() == null ? "" : q.note(),
                    rows);
        }

        static Form empty(String customerId, LocalDate validUntil) {
            return new Form("", customerId, validUntil.toString(), "", List.of());
        }

        /** The filled rows and as many empty ones as the form offers to add. */
        List<Row> shownRows() {
            List<Row> shown = new ArrayList<>(rows);
            for (int i = 0; i < EMPTY_ROWS; i++) {
                shown.add(new Row("", "", ""));
            }
            return shown;
        }
    }

    /** The typed values as the request's terms; what cannot be read goes into {@code errors} by field. */
    record Terms(LocalDate validUntil, List<QuotationRequests.LineRequest> lines, List<Integer> rowOfLine) {}

    private QuotationForms() {}

    static Terms terms(Form form, Map<String, String> errors, Map<String, String> texts) {
        LocalDate validUntil = null;
        try {
            validUntil = form.validUntil().isBlank()
                    ? null
                    : LocalDate.parse(form.validUntil().trim());
        } catch (DateTimeParseException e) {
            errors.put("validUntil", texts.get("date"));
        }
        List<QuotationRequests.LineRequest> lines = new ArrayList<>();
        List<Integer> rowOfLine = new ArrayList<>();
        for (int i = 0; i < form.rows().size(); i++) {
            Row row = form.rows().get(i);
            if (row.blank()) {
                continue;
            }
            Long quantity = wholeNumber(row.quantity());
            if (quantity == null && !row.quantity().isBlank()) {
                errors.put(rowField(i, "quantity"), texts.get("quantity"));
            }
            BigDecimal percent = decimal(row.discount());
            if (percent == null && !row.discount().isBlank()) {
                errors.put(rowField(i, "discount"), texts.get("discount"));
            }
            Pricing.ManualDiscount discount =
                    percent == null || percent.signum() == 0 ? null : new Pricing.ManualDiscount(percent, null);
            lines.add(new QuotationRequests.LineRequest(row.sku(), quantity, discount));
            rowOfLine.add(i);
        }
        return new Terms(validUntil, lines, rowOfLine);
    }

    /** The form's field of an API field: {@code lines[2].sku} at the row the third filled line came from. */
    static String formField(String apiField, List<Integer> rowOfLine) {
        if (apiField == null || !apiField.startsWith("lines[")) {
            return apiField;
        }
        int close = apiField.indexOf(']');
        try {
            int line = Integer.parseInt(apiField.substring(6, close));
            String rest = apiField.substring(close + 1);
            int row = line < rowOfLine.size() ? rowOfLine.get(line) : line;
            String name = rest.startsWith(".") ? rest.substring(1) : "sku";
            return rowField(row, name.startsWith("discount") ? "discount" : name);
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return "lines";
        }
    }

    static String rowField(int row, String name) {
        return "lines[" + row + "]." + name;
    }

    static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long wholeNumber(String s) {
        try {
            return s.isBlank() ? null : Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String s) {
        try {
            return s.isBlank() ? null : new BigDecimal(s.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
