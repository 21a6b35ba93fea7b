package org.ordo.edi;

import java.util.ArrayList;
import java.util.List;

/**
 * Test interchanges written by hand: X12 850 and EDIFACT ORDERS with the counts and control numbers right, in the
 * delimiters a test chooses. A line is "qualifier code quantity".
 */
public final class EdiFiles {

    /** X12 delimiters: element, component, segment terminator and what follows it (a line break or nothing). */
    public record X12Style(char element, char component, String terminator, String after) {
        public static final X12Style PLAIN = new X12Style('*', '>', "~", "\n");
    }

    private EdiFiles() {}

    public static String x12(X12Style style, String sender, String control, List<List<String>> transactions) {
        List<String> segments = new ArrayList<>();
        String e = String.valueOf(style.element());
        segments.add(String.join(
                e,
                "ISA",
                "00",
                "          ",
                "00",
                "          ",
                "ZZ",
                pad(sender),
                "ZZ",
                pad("ORDO"),
                "261205",
                "1200",
                "U",
                "00401",
                control,
                "0",
                "T",
                String.valueOf(style.component())));
        segments.add(String.join(e, "GS", "PO", sender, "ORDO", "20261205", "1200", "77", "X", "004010"));
        int st = 0;
        for (List<String> body : transactions) {
            st++;
            String stControl = String.format("%04d", st);
            segments.add(String.join(e, "ST", "850", stControl));
            body.forEach(s -> segments.add(s.replace('*', style.element()).replace('>', style.component())));
            segments.add(String.join(e, "SE", Integer.toString(body.size() + 2), stControl));
        }
        segments.add(String.join(e, "GE", Integer.toString(transactions.size()), "77"));
        segments.add(String.join(e, "IEA", "1", control));
        return String.join(style.terminator() + style.after(), segments) + style.terminator() + style.after();
    }

    /** The segments of an 850 between ST and SE: BEG, DTM*002, N1*ST with N3/N4, then PO1 per line. */
    public static List<String> po850(String poNumber, String requested, String... lines) {
        List<String> segments = new ArrayList<>();
        segments.add("BEG*00*SA*" + poNumber + "**20261205");
        if (requested != null) {
            segments.add("DTM*002*" + requested);
        }
        segments.add("N1*ST*Store 12*92*0012");
        segments.add("N3*Main Street 5");
        segments.add("N4*Springfield*IL*62701*US");
        int n = 0;
        for (String line : lines) {
            String[] p = line.split(" ");
            n++;
            segments.add("PO1*" + n + "*" + p[2] + "*EA*9.99**" + p[0] + "*" + p[1]);
        }
        segments.add("CTT*" + lines.length);
        return segments;
    }

    /**
     * An EDIFACT ORDERS interchange with a UNA service string of the given delimiters (component, element, decimal,
     * release, segment terminator); {@code name} may hold delimiters, which are escaped.
     */
    public static String orders(
            String una, String sender, String control, String poNumber, String name, String... lines) {
        char terminator = una.charAt(5);
        List<String> body = new ArrayList<>();
        body.add("BGM+220+" + poNumber + "+9");
        body.add("DTM+137:20261205:102");
        body.add("DTM+2:20991231:102");
        body.add("NAD+DP+4012345000009::9++" + escape(name, una) + "+Hauptstrasse 1+Berlin++10115+DE");
        int n = 0;
        for (String line : lines) {
            String[] p = line.split(" ");
            n++;
            body.add("LIN+" + n + "++" + p[1] + ":" + p[0]);
            body.add("QTY+21:" + p[2]);
        }
        body.add("UNS+S");
        List<String> segments = new ArrayList<>();
        segments.add("UNB+UNOC:3+" + sender + ":14+ORDO:ZZZ+261205:1200+" + control);
        segments.add("UNH+1+ORDERS:D:96A:UN");
        segments.addAll(body);
        segments.add("UNT+" + (body.size() + 2) + "+1");
        segments.add("UNZ+1+" + control);
        StringBuilder out = new StringBuilder("UNA").append(una);
        for (String s : segments) {
            out.append(translate(s, una)).append(terminator);
        }
        return out.toString();
    }

    /** Writes ':' '+' as the chosen delimiters, keeping escaped characters (marked by the release) as they are. */
    private static String translate(String segment, String una) {
        char component = una.charAt(0);
        char element = una.charAt(1);
        String special = "" + component + element + una.charAt(3) + una.charAt(5);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '\u0001') {
                char literal = segment.charAt(++i);
                out.append(special.indexOf(literal) >= 0 ? String.valueOf(una.charAt(3)) : "")
                        .append(literal);
            } else {
                out.append(c == ':' ? component : c == '+' ? element : c);
            }
        }
        return out.toString();
    }

    private static String escape(String text, String una) {
        StringBuilder out = new StringBuilder();
        String special = "" + una.charAt(0) + una.charAt(1) + una.charAt(3) + una.charAt(5) + ":+";
        for (char c : text.toCharArray()) {
            if (special.indexOf(c) >= 0) {
                out.append('\u0001');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String pad(String value) {
        return String.format("%-15s", value);
    }
}
