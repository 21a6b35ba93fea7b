package org.ordo.imports.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ordo.imports.ImportRule;
import org.ordo.shared.OrdoException;

/**
 * An uploaded file read as CSV: UTF-8 with or without a byte order mark, fields separated by ';' or ',' (whichever the
 * header line has more of outside quotes), quoted fields may span lines. Column names match in any case, and with or
 * without spaces, '_' or '-' ({@code Unit Price} is {@code unit_price}).
 */
final class CsvFile {

    /** A data row: {@code line} is where it starts in the file (the header is line 1). */
    record Row(int line, Map<String, String> values) {

        String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    private CsvFile() {}

    /** The text of the file, without a byte order mark. */
    static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw OrdoException.invalid(List.of(ImportRule.NOT_UTF8.at("file")));
        }
    }

    /** The same name for every spelling of a column: lower case without spaces, '_' and '-'. */
    static String columnKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }

    static char delimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /**
     * The rows of {@code text} with their values under the canonical names of {@code columns}.
     *
     * @throws OrdoException invalid naming {@code file}: no rows, unreadable CSV, or unknown, missing or doubled columns
     */
    static List<Row> read(String text, List<String> columns, List<String> required) {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(format)
                .get()) {
            List<Row> rows = new ArrayList<>();
            List<String> header = null;
            long lineBefore = 0;
            for (CSVRecord record : parser) {
                int line = (int) lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                if (header == null) {
                    header = header(record, columns, required);
                } else {
                    rows.add(new Row(line, values(header, record)));
                }
            }
            if (rows.isEmpty()) {
                throw OrdoException.invalid(List.of(ImportRule.FILE_EMPTY.at("file")));
            }
            return rows;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw OrdoException.invalid(List.of(ImportRule.MALFORMED_CSV.at("file", lineOf(e))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> header(CSVRecord record, List<String> columns, List<String> required) {
        Map<String, String> known = new LinkedHashMap<>();
        columns.forEach(c -> known.put(columnKey(c), c));
        List<String> header = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : record) {
            String column = known.get(columnKey(name));
            if (column == null) {
                unknown.add(name);
            } else if (header.contains(column)) {
                throw OrdoException.invalid(List.of(ImportRule.DUPLICATE_COLUMN.at("file", column)));
            }
            header.add(column);
        }
        if (!unknown.isEmpty()) {
            throw OrdoException.invalid(List.of(ImportRule.UNKNOWN_COLUMN.at("file", unknown, columns)));
        }
        List<String> missing =
                required.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw OrdoException.invalid(List.of(ImportRule.MISSING_COLUMN.at("file", missing)));
        }
        return header;
    }

    private static Map<String, String> values(List<String> header, CSVRecord record) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
            values.put(header.get(i), record.get(i));
        }
        return values;
    }

    /** The line commons-csv names in its message ("(line 12)"), or 0 when it names none. */
    private static String lineOf(Exception e) {
        String message = String.valueOf(e.getMessage());
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("line (\\d+)").matcher(message);
        return m.find() ? m.group(1) : "?";
    }
}
