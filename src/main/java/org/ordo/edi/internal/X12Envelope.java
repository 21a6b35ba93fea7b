package org.ordo.edi.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An X12 interchange Ordo sends (version 00401, one functional group): ISA/GS from Ordo to the partner, ST/SE around
 * each transaction with its segment count, GE/IEA with theirs.
 */
final class X12Envelope {

    private final List<List<Object>> segments = new ArrayList<>();
    private final String control;
    private int transactions;
    private int transactionStart;
    private String transactionControl;

    X12Envelope(AcknowledgementRenderer.OurId our, EdiMessage.Envelope to, long controlNumber, String function) {
        this.control = String.format("%09d", controlNumber % 1_000_000_000L);
        String theirQualifier = to.senderQualifier().isEmpty() ? "ZZ" : to.senderQualifier();
        add(
                "ISA",
                "00",
                "          ",
                "00",
                "          ",
                pad(our.qualifier(), 2),
                pad(our.id(), 15),
                pad(theirQualifier, 2),
                pad(to.senderId(), 15),
                AcknowledgementRenderer.today("yyMMdd"),
                AcknowledgementRenderer.today("HHmm"),
                "U",
                "00401",
                control,
                "0",
                to.test() ? "T" : "P",
                ">");
        add(
                "GS",
                function,
                our.id(),
                to.senderId(),
                AcknowledgementRenderer.today("yyyyMMdd"),
                AcknowledgementRenderer.today("HHmm"),
                Long.toString(controlNumber % 1_000_000_000L),
                "X",
                "004010");
    }

    void startTransaction(String type, int number) {
        transactions++;
        transactionControl = String.format("%04d", number);
        transactionStart = segments.size();
        add("ST", type, transactionControl);
    }

    void endTransaction() {
        add("SE", segments.size() - transactionStart + 1, transactionControl);
    }

    void add(Object... segment) {
        add(Arrays.asList(segment));
    }

    void add(List<?> segment) {
        segments.add(new ArrayList<>(segment));
    }

    String write() {
        add("GE", transactions, segments.get(1).get(6));
        add("IEA", 1, control);
        return EdiWriter.write("X12", "00401", segments);
    }

    private static String pad(String value, int length) {
        String v = value.length() > length ? value.substring(0, length) : value;
        return String.format("%-" + length + "s", v);
    }
}
