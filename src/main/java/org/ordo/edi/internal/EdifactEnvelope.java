package org.ordo.edi.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An EDIFACT interchange Ordo sends (syntax UNOC 3, default service characters): UNB from Ordo to the partner, UNH/UNT
 * around each message with its segment count, UNZ with the message count.
 */
final class EdifactEnvelope {

    private final List<List<Object>> segments = new ArrayList<>();
    private final String control;
    private int messages;
    private int messageStart;
    private String messageReference;

    EdifactEnvelope(AcknowledgementRenderer.OurId our, EdiMessage.Envelope to, long controlNumber) {
        this.control = Long.toString(controlNumber);
        add(
                "UNB",
                List.of("UNOC", "3"),
                // EDIFACT's "mutually defined" is ZZZ where X12 says ZZ
                List.of(our.id(), "ZZ".equals(our.qualifier()) ? "ZZZ" : our.qualifier()),
                to.senderQualifier().isEmpty() ? to.senderId() : List.of(to.senderId(), to.senderQualifier()),
                List.of(AcknowledgementRenderer.today("yyMMdd"), AcknowledgementRenderer.today("HHmm")),
                control);
    }

    void startMessage(String reference, List<String> identifier) {
        begin(reference + (messages + 1), identifier);
    }

    /** A message referenced by the interchange's control number, so that every message Ordo sends has its own. */
    void startMessage(List<String> identifier) {
        begin(messages == 0 ? control : control + "-" + (messages + 1), identifier);
    }

    private void begin(String reference, List<String> identifier) {
        messages++;
        messageReference = reference;
        messageStart = segments.size();
        add("UNH", messageReference, identifier);
    }

    void endMessage() {
        add("UNT", segments.size() - messageStart + 1, messageReference);
    }

    void add(Object... segment) {
        add(Arrays.asList(segment));
    }

    void add(List<?> segment) {
        segments.add(new ArrayList<>(segment));
    }

    String write() {
        add("UNZ", messages, control);
        return EdiWriter.write("EDIFACT", "UNOC,3", segments);
    }
}
