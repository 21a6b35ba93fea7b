package org.ordo.edi.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.ordo.shared.Address;
import org.springframework.stereotype.Component;

/**
 * Makes a {@link PurchaseOrder} of an X12 850 or an EDIFACT ORDERS message: the PO number (BEG03, BGM 1004), the
 * requested delivery date (DTM 002 or 106, DTM+2), the ship-to party (N1*ST with N3/N4, NAD+ST or NAD+DP) and the lines
 * (PO1, LIN with PIA and QTY+21).
 */
@Component
class PurchaseOrderReader {

    static final String X12_ORDER = "850";
    static final String EDIFACT_ORDER = "ORDERS";

    boolean isOrder(EdiMessage.Transaction transaction) {
        return X12_ORDER.equals(transaction.type()) || EDIFACT_ORDER.equals(transaction.type());
    }

    PurchaseOrder read(EdiMessage.Transaction transaction, int position) {
        return X12_ORDER.equals(transaction.type()) ? x12(transaction, position) : edifact(transaction, position);
    }

    private PurchaseOrder x12(EdiMessage.Transaction t, int position) {
        String number = "";
        LocalDate requested = null;
        Address shipTo = null;
        List<PurchaseOrder.Line> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<EdiMessage.Segment> segments = t.segments();
        for (int i = 0; i < segments.size(); i++) {
            EdiMessage.Segment s = segments.get(i);
            switch (s.tag()) {
                case "BEG" -> number = s.value(3);
                case "DTM" -> {
                    if (requested == null && ("002".equals(s.value(1)) || "106".equals(s.value(1)))) {
                        requested = date(s.value(2), "yyyyMMdd", s, problems);
                    }
                }
                case "N1" -> {
                    if ("ST".equals(s.value(1))) {
                        shipTo = x12Address(s, segments, i);
                    }
                }
                case "PO1" -> lines.add(x12Line(s));
                default -> {
                    // other segments carry nothing Ordo takes from an order
                }
            }
        }
        return new PurchaseOrder(position, t.controlNumber(), number, requested, shipTo, lines, problems);
    }

    private static Address x12Address(EdiMessage.Segment n1, List<EdiMessage.Segment> segments, int at) {
        String line1 = null;
        String line2 = null;
        String city = null;
        String region = null;
        String postal = null;
        String country = "US"; // X12 addresses without N404 are in the United States
        for (int j = at + 1; j < segments.size(); j++) {
            EdiMessage.Segment s = segments.get(j);
            if ("N3".equals(s.tag()) && line1 == null) {
                line1 = s.value(1);
                line2 = blankToNull(s.value(2));
            } else if ("N4".equals(s.tag())) {
                city = s.value(1);
                region = blankToNull(s.value(2));
                postal = blankToNull(s.value(3));
                country = s.value(4).isEmpty() ? country : s.value(4);
            } else if (!"N2".equals(s.tag())
                    && !"N3".equals(s.tag())
                    && !"REF".equals(s.tag())
                    && !"PER".equals(s.tag())) {
                break;
            }
        }
        return new Address(n1.value(2), line1, line2, city, region, postal, country);
    }

    private static PurchaseOrder.Line x12Line(EdiMessage.Segment s) {
        List<PurchaseOrder.ItemCode> codes = new ArrayList<>();
        for (int e = 6; e < s.elements().size(); e += 2) {
            if (!s.value(e).isEmpty() && !s.value(e + 1).isEmpty()) {
                codes.add(new PurchaseOrder.ItemCode(s.value(e), s.value(e + 1)));
            }
        }
        return new PurchaseOrder.Line(s.value(1), s.value(2), codes);
    }

    private PurchaseOrder edifact(EdiMessage.Transaction t, int position) {
        String number = "";
        LocalDate requested = null;
        Address shipTo = null;
        List<PurchaseOrder.Line> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        EdifactLine line = null;
        for (EdiMessage.Segment s : t.segments()) {
            switch (s.tag()) {
                case "BGM" -> number = s.value(2);
                case "DTM" -> {
                    if ("2".equals(s.value(1, 1))) {
                        String format = "203".equals(s.value(1, 3)) ? "yyyyMMddHHmm" : "yyyyMMdd";
                        requested = date(s.value(1, 2), format, s, problems);
                    }
                }
                case "NAD" -> {
                    if (shipTo == null && ("ST".equals(s.value(1)) || "DP".equals(s.value(1)))) {
                        shipTo = edifactAddress(s);
                    }
                }
                case "LIN" -> {
                    line = finish(line, lines);
                    line = new EdifactLine(s.value(1));
                    line.code(s.value(3, 2), s.value(3, 1));
                }
                case "PIA" -> {
                    if (line != null) {
                        for (int e = 2; e <= s.elements().size(); e++) {
                            line.code(s.value(e, 2), s.value(e, 1));
                        }
                    }
                }
                case "QTY" -> {
                    if (line != null && "21".equals(s.value(1, 1))) {
                        line.quantity = s.value(1, 2);
                    }
                }
                case "UNS" -> line = finish(line, lines);
                default -> {
                    // other segments carry nothing Ordo takes from an order
                }
            }
        }
        finish(line, lines);
        return new PurchaseOrder(position, t.controlNumber(), number, requested, shipTo, lines, problems);
    }

    private static Address edifactAddress(EdiMessage.Segment nad) {
        String name = String.join(
                " ", nonBlank(nad.elements().size() >= 4 ? nad.elements().get(3) : List.of()));
        if (name.isBlank() && nad.elements().size() >= 5) {
            name = String.join(" ", nonBlank(nad.elements().get(4)));
        }
        return new Address(
                name,
                nad.value(5, 1),
                blankToNull(nad.value(5, 2)),
                nad.value(6),
                blankToNull(nad.value(7)),
                blankToNull(nad.value(8)),
                nad.value(9));
    }

    private static EdifactLine finish(EdifactLine line, List<PurchaseOrder.Line> lines) {
        if (line != null) {
            lines.add(new PurchaseOrder.Line(line.id, line.quantity, List.copyOf(line.codes)));
        }
        return null;
    }

    private static LocalDate date(String value, String pattern, EdiMessage.Segment s, List<String> problems) {
        try {
            String digits = value.length() > 8 ? value.substring(0, 8) : value;
            return LocalDate.parse(digits, DateTimeFormatter.ofPattern(pattern.substring(0, 8)));
        } catch (DateTimeParseException e) {
            problems.add(s.tag() + " (segment " + s.position() + "): not a date: " + value);
            return null;
        }
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().filter(v -> !v.isBlank()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A LIN group being read: its codes come from LIN and PIA, its quantity from QTY+21. */
    private static final class EdifactLine {
        final String id;
        final List<PurchaseOrder.ItemCode> codes = new ArrayList<>();
        String quantity = "";

        EdifactLine(String id) {
            this.id = id;
        }

        void code(String qualifier, String code) {
            if (!code.isEmpty()) {
                codes.add(new PurchaseOrder.ItemCode(qualifier, code));
            }
        }
    }
}
