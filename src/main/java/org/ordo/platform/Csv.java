package org.ordo.platform;

import java.util.List;

/**
 * RFC 4180 CSV for every export (reports, and every list of the pages): fields with commas, quotes or line breaks are
 * quoted, quotes doubled; CRLF line ends.
 */
public final class Csv {

    /** The media type of an export, with its charset so spreadsheets read non-ASCII names right. */
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private Csv() {}

    public static String of(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header.stream().map(h -> (Object) h).toList());
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    private static void line(StringBuilder out, List<Object> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = fields.get(i);
            String text =
                    value == null ? "" : value instanceof java.math.BigDecimal b ? b.toPlainString() : value.toString();
            // a leading =, +, - or @ would be run as a formula by spreadsheets, and so would one after a leading tab or
            // CR
            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
                text = "'" + text;
            }
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = "\"" + text.replace("\"", "\"\"") + "\"";
            }
            out.append(text);
        }
        out.append("\r\n");
    }
}
