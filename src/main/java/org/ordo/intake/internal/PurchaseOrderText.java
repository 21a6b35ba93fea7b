package org.ordo.intake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a purchase order's text says, before anything is matched: its PO number and its lines. Lines are read from a
 * table (a header row names the columns, each cell below belongs to the column it stands under) or, outside a table,
 * from lines such as "2 x Widget blue", "Widget blue x 2" or "5 pcs Widget blue @ 4.50".
 */
record PurchaseOrderText(String poNumber, List<RawLine> lines) {

    /** {@code quantity} and {@code unitPrice} may be null; {@code codes} are the item codes found on the line. */
    record RawLine(
            String text, List<String> codes, String description, Long quantity, String unitPrice, boolean weak) {}

    enum Column {
        POSITION,
        CODE,
        DESCRIPTION,
        QUANTITY,
        PRICE,
        OTHER
    }

    private record Header(List<DocumentText.Cell> cells, List<Column> columns) {}

    private static final Pattern PO_NUMBER = Pattern.compile(
            "(?i)\\b(?:P\\.?\\s?O\\.?|purchase\\s+order|order)\\s*(?:number|no\\.?|nr\\.?|#)?\\s*[:#]?\\s*"
                    + "([A-Z0-9][A-Z0-9\\-/]*\\d[A-Z0-9\\-/]*)");
    private static final String BULLET = "^(?:[-*\\u2022]\\s*)?";
    private static final Pattern QUANTITY_FIRST = Pattern.compile(
            BULLET + "(\\d{1,6})\\s*(?:x|\\u00d7|pcs\\.?|pc\\.?|pieces|units?|ea\\.?|off)\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUANTITY_LAST = Pattern.compile(
            BULLET + "(.*[A-Za-z].*?)\\s+(?:x|\\u00d7|qty:?)\\s*(\\d{1,6})(?:\\s*(?:pcs\\.?|pieces|units?))?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER_FIRST = Pattern.compile(BULLET + "(\\d{1,5})\\s+([A-Za-z].+)$");
    private static final Pattern PRICE =
            Pattern.compile("(?i)\\s*(?:@|at|a)\\s*(?:EUR|USD|GBP|CNY|\\u20ac|\\$|\\u00a3)?\\s*(\\d+(?:[.,]\\d{1,4})?)"
                    + "\\s*(?:EUR|USD|GBP|CNY|\\u20ac)?\\s*(?:each|ea\\.?|/\\s*pc|per\\s+(?:piece|unit))?\\s*$");
    private static final Pattern CODE = Pattern.compile("\\b(?=[A-Z0-9\\-_./]*\\d)[A-Z0-9][A-Z0-9\\-_./]{2,}\\b");
    private static final Pattern CODE_LABEL = Pattern.compile(
            "(?i)\\b(?:gtin|ean|upc|barcode|sku|item\\s*(?:code|no)|art(?:icle)?\\s*no|code|your\\s+ref|ref)\\b\\.?\\s*[:#]?\\s*");
    /** Amounts and prices, with or without their currency. */
    private static final Pattern NUMBERS =
            Pattern.compile("[A-Z\\u20ac$\u00a3\\s]*[\\d.,\\s]*\\d[\\d.,\\s]*[A-Z\\u20ac]*");

    private static final Pattern END_OF_TABLE =
            Pattern.compile("(?i)^(?:sub\\s*-?total|total|sum|net|vat|tax|grand)\\b");

    static PurchaseOrderText read(DocumentText text) {
        String number = null;
        List<RawLine> lines = new ArrayList<>();
        Header header = null;
        for (DocumentText.Line line : text.lines()) {
            if (number == null) {
                number = poNumber(line.text()).orElse(null);
            }
            Optional<Header> found = header(line);
            if (found.isPresent()) {
                header = found.get();
                continue;
            }
            if (header != null
                    && END_OF_TABLE.matcher(line.cells().get(0).text()).find()) {
                header = null;
                continue;
            }
            if (header != null) {
                tableRow(header, line, lines);
            } else {
                freeLine(line.text()).ifPresent(lines::add);
            }
        }
        return new PurchaseOrderText(number, List.copyOf(lines));
    }

    static Optional<String> poNumber(String line) {
        Matcher m = PO_NUMBER.matcher(line);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A row that names at least two columns, one of them the quantity. */
    private static Optional<Header> header(DocumentText.Line line) {
        List<Column> columns = line.cells().stream().map(c -> column(c.text())).toList();
        long named = columns.stream().filter(c -> c != Column.OTHER).count();
        return named >= 2 && columns.contains(Column.QUANTITY)
                ? Optional.of(new Header(line.cells(), columns))
                : Optional.empty();
    }

    static Column column(String title) {
        String t = title.toLowerCase(Locale.ROOT).trim();
        if (t.matches("(?:qty|quantity|qty\\.|quan\\.?|pcs|units|amount ordered|ordered|menge|\\u6570\\u91cf).*")) {
            return Column.QUANTITY;
        }
        if (t.matches(".*(?:desc|product|name|article name|item name|\\u54c1\\u540d|\\u540d\\u79f0).*")) {
            return Column.DESCRIPTION;
        }
        if (t.matches(".*(?:unit price|price|rate|\\u5355\\u4ef7).*")) {
            return Column.PRICE;
        }
        if (t.matches(".*(?:gtin|ean|upc|barcode|sku|code|item|art\\.|article|part|ref).*")) {
            return Column.CODE;
        }
        if (t.matches("(?:pos\\.?|line|#|no\\.?)")) {
            return Column.POSITION;
        }
        return Column.OTHER;
    }

    /** A cell belongs to the header cell it overlaps most, or else to the nearest one. */
    private static Column columnOf(Header header, DocumentText.Cell cell) {
        int best = 0;
        float bestScore = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < header.cells().size(); i++) {
            DocumentText.Cell h = header.cells().get(i);
            float overlap = Math.min(h.right(), cell.right()) - Math.max(h.x(), cell.x());
            float score = overlap > 0 ? overlap : -Math.abs(h.centre() - cell.centre());
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return header.columns().get(best);
    }

    private static void tableRow(Header header, DocumentText.Line line, List<RawLine> lines) {
        List<String> codes = new ArrayList<>();
        List<String> description = new ArrayList<>();
        Long quantity = null;
        String price = null;
        boolean described = header.columns().contains(Column.DESCRIPTION);
        for (DocumentText.Cell cell : line.cells()) {
            Column column = columnOf(header, cell);
            boolean words = cell.text().trim().contains(" ")
                    && !NUMBERS.matcher(cell.text()).matches();
            switch (column) {
                // an "Article" column may hold names rather than codes
                case CODE -> (words ? description : codes).add(cell.text().trim());
                case DESCRIPTION -> description.add(cell.text());
                case OTHER -> {
                    if (!described && !NUMBERS.matcher(cell.text()).matches()) {
                        description.add(cell.text());
                    }
                }
                case QUANTITY -> quantity = quantity(cell.text());
                case PRICE -> price = cell.text().trim();
                case POSITION -> {}
            }
        }
        String words = String.join(" ", description);
        if (quantity == null && codes.isEmpty() && !lines.isEmpty() && !words.isBlank()) {
            RawLine previous = lines.remove(lines.size() - 1);
            lines.add(new RawLine(
                    previous.text() + " " + line.text(),
                    previous.codes(),
                    (previous.description() + " " + words).trim(),
                    previous.quantity(),
                    previous.unitPrice(),
                    false));
            return;
        }
        if (quantity == null && codes.isEmpty() && words.isBlank()) {
            return;
        }
        codes.addAll(codesIn(words));
        lines.add(new RawLine(line.text(), List.copyOf(codes), withoutLabels(words), quantity, price, false));
    }

    static Optional<RawLine> freeLine(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        String price = null;
        Matcher p = PRICE.matcher(line);
        if (p.find() && p.start() > 0) {
            price = p.group(1);
            line = line.substring(0, p.start()).trim();
        }
        Matcher first = QUANTITY_FIRST.matcher(line);
        Matcher last = QUANTITY_LAST.matcher(line);
        Matcher bare = NUMBER_FIRST.matcher(line);
        String rest;
        Long quantity;
        boolean weak = false;
        if (first.matches()) {
            quantity = quantity(first.group(1));
            rest = first.group(2);
        } else if (last.matches()) {
            quantity = quantity(last.group(2));
            rest = last.group(1);
        } else if (bare.matches()) {
            quantity = quantity(bare.group(1));
            rest = bare.group(2);
            weak = true;
        } else {
            return Optional.empty();
        }
        return Optional.of(new RawLine(text.trim(), codesIn(rest), withoutLabels(rest), quantity, price, weak));
    }

    static List<String> codesIn(String text) {
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            codes.add(m.group());
        }
        return codes;
    }

    /** The words of a line without the labels of its codes; the codes stay, a name may hold one ("M10"). */
    private static String withoutLabels(String text) {
        String words = CODE_LABEL.matcher(text).replaceAll(" ");
        return words.replaceAll("[()\\[\\],;:]", " ").replaceAll("\\s+", " ").trim();
    }

    /** A whole number of units, "12", "12 pcs" or "12.00"; null for anything else. */
    static Long quantity(String text) {
        Matcher m = Pattern.compile("^\\s*(\\d{1,6})(?:[.,]0+)?\\b").matcher(text);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }
}
