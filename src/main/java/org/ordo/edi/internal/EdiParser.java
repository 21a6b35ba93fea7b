package org.ordo.edi.internal;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads an X12 or EDIFACT interchange with StAEDI, validating its envelope (headers, trailers, counts and control
 * numbers against each other, field types and sizes). Whatever StAEDI reports wrong, and whatever stops it reading, is a
 * {@link EdiMessage.Problem} naming segment and element position; the caller rejects a file with any.
 */
@Component
class EdiParser {

    EdiMessage parse(String text) {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        // line breaks and spaces between segments, as many partners send them, are not data
        String trimmed = trimmed(text);
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        Reading reading = new Reading();
        byte[] bytes = trimmed.getBytes(StandardCharsets.UTF_8);
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(bytes))) {
            while (reader.hasNext()) {
                reading.on(reader.next(), reader);
            }
        } catch (EDIStreamException e) {
            reading.stopped(e);
        } catch (IOException | RuntimeException e) {
            reading.problem(null, "unreadable", "The file cannot be read: " + e.getMessage());
        }
        return reading.result();
    }

    /**
     * Without white space around the file, but for a segment terminator that is white space itself (a line break after
     * the last segment): ISA has a fixed length, its terminator follows ISA16; UNA names it in its sixth character.
     */
    static String trimmed(String text) {
        String s = text.stripLeading();
        char terminator = s.startsWith("ISA") && s.length() > 105
                ? s.charAt(105)
                : s.startsWith("UNA") && s.length() > 8 ? s.charAt(8) : '\'';
        String end = s.stripTrailing();
        return Character.isWhitespace(terminator) ? end + terminator : end;
    }

    /** The state of one pass over a file. */
    private static final class Reading {
        private String standard;
        private EdiMessage.Envelope envelope;
        private final List<EdiMessage.Transaction> transactions = new ArrayList<>();
        private final List<EdiMessage.Problem> problems = new ArrayList<>();
        private final List<EdiMessage.Segment> envelopeSegments = new ArrayList<>();
        private List<EdiMessage.Segment> current;
        private String groupControl;
        private String groupVersion;
        private String transactionVersion;
        private String segmentTag;
        private int segmentPosition;
        private int interchangePosition;
        private List<List<String>> elements;
        private boolean inComposite;

        void on(EDIStreamEvent event, EDIStreamReader reader) {
            switch (event) {
                case START_INTERCHANGE -> standard = reader.getStandard();
                case START_TRANSACTION -> {
                    current = new ArrayList<>();
                    segmentPosition = 0;
                    transactionVersion = reader.getTransactionVersionString();
                }
                case START_SEGMENT -> startSegment(reader.getText());
                case START_COMPOSITE -> {
                    element(reader).add("");
                    inComposite = true;
                }
                case END_COMPOSITE -> inComposite = false;
                case ELEMENT_DATA -> data(reader);
                case END_SEGMENT -> endSegment();
                case END_TRANSACTION -> endTransaction();
                case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> error(event, reader);
                default -> {
                    // groups, loops and the interchange's end need nothing beyond their segments
                }
            }
        }

        private void startSegment(String tag) {
            segmentTag = tag;
            elements = new ArrayList<>();
            interchangePosition++;
            if (current != null) {
                segmentPosition++;
            }
        }

        private List<String> element(EDIStreamReader reader) {
            int position = Math.max(1, reader.getLocation().getElementPosition());
            while (elements.size() < position) {
                elements.add(new ArrayList<>());
            }
            return elements.get(position - 1);
        }

        private void data(EDIStreamReader reader) {
            Location location = reader.getLocation();
            if (location.getElementOccurrence() > 1) {
                return; // repeated occurrences: Ordo reads the first
            }
            List<String> components = element(reader);
            if (inComposite) {
                int component = Math.max(1, location.getComponentPosition());
                while (components.size() < component) {
                    components.add("");
                }
                components.set(component - 1, reader.getText());
            } else {
                components.clear();
                components.add(reader.getText());
            }
        }

        private void endSegment() {
            int position = current != null ? segmentPosition : interchangePosition;
            EdiMessage.Segment segment = new EdiMessage.Segment(segmentTag, position, List.copyOf(elements));
            if (current != null) {
                current.add(segment);
            } else {
                envelopeSegments.add(segment);
                envelopeSegment(segment);
            }
        }

        private void envelopeSegment(EdiMessage.Segment s) {
            switch (s.tag()) {
                case "ISA" ->
                    envelope = new EdiMessage.Envelope(
                            s.value(5).trim(),
                            s.value(6).trim(),
                            s.value(7).trim(),
                            s.value(8).trim(),
                            s.value(13).trim(),
                            s.value(12).trim(),
                            "T".equals(s.value(15)));
                case "UNB" ->
                    envelope = new EdiMessage.Envelope(
                            s.value(2, 2),
                            s.value(2, 1),
                            s.value(3, 2),
                            s.value(3, 1),
                            s.value(5),
                            s.value(1, 1) + ":" + s.value(1, 2),
                            "1".equals(s.value(11)));
                case "GS" -> {
                    groupControl = s.value(6);
                    groupVersion = s.value(8);
                }
                case "UNG" -> groupControl = s.value(5);
                default -> {
                    // trailers are checked by StAEDI against their headers
                }
            }
        }

        private void endTransaction() {
            if (current == null || current.isEmpty()) {
                current = null;
                return;
            }
            EdiMessage.Segment header = current.get(0);
            boolean x12 = "ST".equals(header.tag());
            String type = x12 ? header.value(1) : header.value(2, 1);
            String control = x12 ? header.value(2) : header.value(1);
            String version = x12
                    ? (header.value(3).isEmpty() ? groupVersion : header.value(3))
                    : header.value(2, 2) + ":" + header.value(2, 3);
            transactions.add(new EdiMessage.Transaction(
                    type, control, groupControl, version == null ? transactionVersion : version, List.copyOf(current)));
            current = null;
        }

        private void error(EDIStreamEvent event, EDIStreamReader reader) {
            Location location = reader.getLocation();
            String tag = location.getSegmentTag() != null ? location.getSegmentTag() : segmentTag;
            boolean segmentLevel = event == EDIStreamEvent.SEGMENT_ERROR;
            int position = current != null ? segmentPosition + (segmentLevel && !tag.equals(segmentTag) ? 1 : 0) : 0;
            String transaction = current == null || current.isEmpty()
                    ? null
                    : current.get(0).value("ST".equals(current.get(0).tag()) ? 2 : 1);
            problems.add(new EdiMessage.Problem(
                    transaction,
                    tag,
                    position > 0 ? position : interchangePosition,
                    segmentLevel ? 0 : Math.max(0, location.getElementPosition()),
                    segmentLevel ? 0 : Math.max(0, location.getComponentPosition()),
                    reader.getErrorType().name(),
                    describe(reader.getErrorType().name(), reader.hasText() ? reader.getText() : null)));
        }

        void stopped(EDIStreamException e) {
            Location location = e.getLocation();
            String tag = location != null ? location.getSegmentTag() : segmentTag;
            int element = location != null ? Math.max(0, location.getElementPosition()) : 0;
            problems.add(new EdiMessage.Problem(
                    null, tag, interchangePosition, element, 0, "UNREADABLE", "Reading stopped: " + e.getMessage()));
        }

        void problem(String segment, String code, String text) {
            problems.add(new EdiMessage.Problem(null, segment, interchangePosition, 0, 0, code, text));
        }

        EdiMessage result() {
            if (standard == null && problems.isEmpty()) {
                problem(
                        null,
                        "NO_INTERCHANGE",
                        "No interchange found: an X12 file starts with ISA, EDIFACT with UNA or UNB.");
            }
            return new EdiMessage(standard, envelope, List.copyOf(transactions), List.copyOf(problems));
        }

        private static String describe(String error, String text) {
            String words = error.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            return Character.toUpperCase(words.charAt(0))
                    + words.substring(1)
                    + (text == null ? "" : " (" + text + ")");
        }
    }
}
