package org.ordo.edi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The answer to one purchase order, per line: an X12 855 (BAK AD accepted, AC accepted with backorders, RD rejected;
 * ACK IA, IB, IR, or IH for a good line of an order held for others) or an EDIFACT ORDRSP (BGM 29, 4 or 27; LIN action
 * 5 accepted, 3 changed with the backordered quantity as QTY+83, 7 not accepted).
 */
final class OrderResponseRenderer {

    /** What became of one line; {@code sku} null when its item is not known. */
    record LineOutcome(
            PurchaseOrder.Line line, String sku, long quantity, long backordered, String status, String error) {

        LineOutcome rejected(String why) {
            return new LineOutcome(line, sku, quantity, 0, "REJECTED", why);
        }
    }

    private final AcknowledgementRenderer.OurId our;
    private final LongSupplier controlNumbers;

    OrderResponseRenderer(AcknowledgementRenderer.OurId our, LongSupplier controlNumbers) {
        this.our = our;
        this.controlNumbers = controlNumbers;
    }

    String respond(EdiMessage message, PurchaseOrder po, boolean placed, List<LineOutcome> lines) {
        return "X12".equals(message.standard()) ? x12(message, po, placed, lines) : ordrsp(message, po, placed, lines);
    }

    private String x12(EdiMessage message, PurchaseOrder po, boolean placed, List<LineOutcome> lines) {
        X12Envelope envelope = new X12Envelope(our, message.envelope(), controlNumbers.getAsLong(), "PR");
        envelope.startTransaction("855", 1);
        boolean backordered = lines.stream().anyMatch(l -> "BACKORDERED".equals(l.status()));
        String purpose = !placed ? "RD" : backordered ? "AC" : "AD";
        envelope.add("BAK", "00", purpose, po.number(), AcknowledgementRenderer.today("yyyyMMdd"));
        for (LineOutcome l : lines) {
            List<Object> po1 = new ArrayList<>(List.of("PO1", l.line().partnerLine(), l.quantity(), "EA", "", ""));
            if (l.sku() != null) {
                po1.addAll(List.of("VN", l.sku()));
            }
            for (PurchaseOrder.ItemCode code : l.line().codes()) {
                if (po1.size() < 24
                        && !"VN".equals(code.qualifier())
                        && code.qualifier().length() == 2) {
                    po1.addAll(List.of(code.qualifier(), code.code()));
                }
            }
            envelope.add(po1);
            envelope.add(
                    "ACK", ack(l.status()), l.status().equals("BACKORDERED") ? l.backordered() : l.quantity(), "EA");
        }
        envelope.add("CTT", lines.size());
        envelope.endTransaction();
        return envelope.write();
    }

    private static String ack(String status) {
        return switch (status) {
            case "ACCEPTED" -> "IA";
            case "BACKORDERED" -> "IB";
            case "REJECTED" -> "IR";
            default -> "IH";
        };
    }

    private String ordrsp(EdiMessage message, PurchaseOrder po, boolean placed, List<LineOutcome> lines) {
        EdifactEnvelope envelope = new EdifactEnvelope(our, message.envelope(), controlNumbers.getAsLong());
        envelope.startMessage("ORDRSP", List.of("ORDRSP", "D", "96A", "UN"));
        boolean backordered = lines.stream().anyMatch(l -> "BACKORDERED".equals(l.status()));
        envelope.add("BGM", "231", po.number(), !placed ? "27" : backordered ? "4" : "29");
        envelope.add("DTM", List.of("137", AcknowledgementRenderer.today("yyyyMMdd"), "102"));
        envelope.add("RFF", List.of("ON", po.number()));
        for (LineOutcome l : lines) {
            String action = switch (l.status()) {
                case "ACCEPTED" -> "5";
                case "BACKORDERED" -> "3";
                default -> "7";
            };
            List<Object> lin = new ArrayList<>(List.of("LIN", l.line().partnerLine(), action));
            if (l.sku() != null) {
                lin.add(List.of(l.sku(), "SA"));
            } else if (!l.line().codes().isEmpty()) {
                PurchaseOrder.ItemCode code = l.line().codes().get(0);
                lin.add(List.of(code.code(), code.qualifier()));
            }
            envelope.add(lin);
            envelope.add("QTY", List.of("21", Long.toString(l.quantity())));
            if (l.backordered() > 0) {
                envelope.add("QTY", List.of("83", Long.toString(l.backordered())));
            }
        }
        envelope.add("UNS", "S");
        envelope.endMessage();
        return envelope.write();
    }
}
