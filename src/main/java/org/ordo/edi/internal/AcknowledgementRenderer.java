package org.ordo.edi.internal;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The functional acknowledgement of an interchange: an X12 997 (one per functional group, AK3/AK4 naming segment and
 * element of each problem) or an EDIFACT CONTRL (UCM per message, UCS/UCD naming segment and element). The answer goes
 * from Ordo's id to the sender; its control numbers come from {@code controlNumbers}.
 */
final class AcknowledgementRenderer {

    /** What became of one transaction: accepted, or rejected for its problems or for not being taken at all. */
    record Verdict(
            EdiMessage.Transaction transaction,
            boolean accepted,
            boolean supported,
            List<EdiMessage.Problem> problems) {}

    private final OurId our;
    private final LongSupplier controlNumbers;

    /** Ordo's interchange id and qualifier, as partners address it. */
    record OurId(String qualifier, String id) {}

    AcknowledgementRenderer(OurId our, LongSupplier controlNumbers) {
        this.our = our;
        this.controlNumbers = controlNumbers;
    }

    String acknowledge(EdiMessage message, List<Verdict> verdicts, List<EdiMessage.Problem> envelopeProblems) {
        return "X12".equals(message.standard())
                ? x12(message, verdicts, envelopeProblems)
                : contrl(message, verdicts, envelopeProblems);
    }

    private String x12(EdiMessage message, List<Verdict> verdicts, List<EdiMessage.Problem> envelopeProblems) {
        X12Envelope envelope = new X12Envelope(our, message.envelope(), controlNumbers.getAsLong(), "FA");
        Map<String, List<Verdict>> groups = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            groups.computeIfAbsent(v.transaction().groupControlNumber(), g -> new ArrayList<>())
                    .add(v);
        }
        if (groups.isEmpty()) {
            groups.put("0", List.of());
        }
        int st = 0;
        for (Map.Entry<String, List<Verdict>> group : groups.entrySet()) {
            st++;
            envelope.startTransaction("997", st);
            String function = group.getValue().isEmpty()
                    ? "PO"
                    : function(group.getValue().get(0));
            envelope.add("AK1", function, group.getKey());
            long accepted = 0;
            for (Verdict v : group.getValue()) {
                ak2(envelope, v);
                accepted += v.accepted() ? 1 : 0;
            }
            int count = group.getValue().size();
            String status = !envelopeProblems.isEmpty() || accepted == 0 ? "R" : accepted == count ? "A" : "P";
            envelope.add("AK9", status, count, count, accepted);
            envelope.endTransaction();
        }
        return envelope.write();
    }

    private static void ak2(X12Envelope envelope, Verdict v) {
        envelope.add("AK2", v.transaction().type(), v.transaction().controlNumber());
        for (EdiMessage.Problem p : v.problems()) {
            if (p.segment() == null || p.segmentPosition() == 0) {
                continue;
            }
            envelope.add("AK3", p.segment(), p.segmentPosition(), "", p.element() > 0 ? "8" : x12SegmentCode(p.code()));
            if (p.element() > 0) {
                Object position = p.component() > 0 ? List.of(p.element(), p.component()) : p.element();
                envelope.add("AK4", position, "", x12ElementCode(p.code()));
            }
        }
        String code = !v.supported()
                ? "1"
                : v.problems().stream().anyMatch(p -> p.code().startsWith("CONTROL_COUNT")) ? "4" : "5";
        envelope.add(v.accepted() ? List.of("AK5", "A") : List.of("AK5", "R", code));
    }

    private static String function(Verdict v) {
        return switch (v.transaction().type()) {
            case "810" -> "IN";
            case "855" -> "PR";
            case "856" -> "SH";
            case "997" -> "FA";
            default -> "PO";
        };
    }

    static String x12SegmentCode(String error) {
        return switch (error) {
            case "UNRECOGNIZED_SEGMENT_ID" -> "1";
            case "UNEXPECTED_SEGMENT" -> "2";
            case "MANDATORY_SEGMENT_MISSING" -> "3";
            case "LOOP_OCCURS_OVER_MAXIMUM_TIMES" -> "4";
            case "SEGMENT_EXCEEDS_MAXIMUM_USE" -> "5";
            case "SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET" -> "6";
            case "SEGMENT_NOT_IN_PROPER_SEQUENCE" -> "7";
            default -> "8";
        };
    }

    static String x12ElementCode(String error) {
        return switch (error) {
            case "REQUIRED_DATA_ELEMENT_MISSING" -> "1";
            case "CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING" -> "2";
            case "TOO_MANY_DATA_ELEMENTS", "TOO_MANY_COMPONENTS", "TOO_MANY_REPETITIONS" -> "3";
            case "DATA_ELEMENT_TOO_SHORT" -> "4";
            case "DATA_ELEMENT_TOO_LONG" -> "5";
            case "INVALID_CHARACTER_DATA" -> "6";
            case "INVALID_CODE_VALUE" -> "7";
            case "INVALID_DATE" -> "8";
            case "INVALID_TIME" -> "9";
            case "EXCLUSION_CONDITION_VIOLATED" -> "10";
            default -> "7";
        };
    }

    private String contrl(EdiMessage message, List<Verdict> verdicts, List<EdiMessage.Problem> envelopeProblems) {
        EdifactEnvelope envelope = new EdifactEnvelope(our, message.envelope(), controlNumbers.getAsLong());
        envelope.startMessage("CONTRL", List.of("CONTRL", "D", "3", "UN"));
        EdiMessage.Envelope theirs = message.envelope();
        boolean rejected = !envelopeProblems.isEmpty() || verdicts.stream().noneMatch(Verdict::accepted);
        List<Object> uci = new ArrayList<>(List.of(
                "UCI",
                theirs.controlNumber(),
                List.of(theirs.senderId(), theirs.senderQualifier()),
                List.of(theirs.receiverId(), theirs.receiverQualifier()),
                rejected && !envelopeProblems.isEmpty() ? "4" : "7"));
        if (!envelopeProblems.isEmpty()) {
            EdiMessage.Problem first = envelopeProblems.get(0);
            uci.add(edifactCode(first.code()));
            uci.add(first.segment() == null ? "" : first.segment());
            uci.add(first.element() > 0 ? List.of(first.element(), Math.max(0, first.component())) : "");
        }
        envelope.add(uci);
        for (Verdict v : verdicts) {
            ucm(envelope, v);
        }
        envelope.endMessage();
        return envelope.write();
    }

    private static void ucm(EdifactEnvelope envelope, Verdict v) {
        String[] version = v.transaction().version().split(":");
        List<Object> identifier = new ArrayList<>(List.of(v.transaction().type()));
        identifier.addAll(
                List.of(version.length > 0 ? version[0] : "D", version.length > 1 ? version[1] : "96A", "UN"));
        if (v.accepted()) {
            envelope.add("UCM", v.transaction().controlNumber(), identifier, "7");
            return;
        }
        envelope.add("UCM", v.transaction().controlNumber(), identifier, "4", v.supported() ? "" : "17");
        for (EdiMessage.Problem p : v.problems()) {
            if (p.segment() == null || p.segmentPosition() == 0) {
                continue;
            }
            envelope.add("UCS", p.segmentPosition(), p.element() > 0 ? "" : edifactCode(p.code()));
            if (p.element() > 0) {
                Object position = List.of(p.element(), Math.max(0, p.component()));
                envelope.add("UCD", edifactCode(p.code()), position);
            }
        }
    }

    static String edifactCode(String error) {
        return switch (error) {
            case "INVALID_CODE_VALUE", "INVALID_DATE", "INVALID_TIME" -> "12";
            case "REQUIRED_DATA_ELEMENT_MISSING", "MANDATORY_SEGMENT_MISSING" -> "13";
            case "UNEXPECTED_SEGMENT", "SEGMENT_NOT_IN_PROPER_SEQUENCE", "UNRECOGNIZED_SEGMENT_ID" -> "15";
            case "TOO_MANY_DATA_ELEMENTS", "TOO_MANY_COMPONENTS" -> "16";
            case "CONTROL_REFERENCE_MISMATCH" -> "28";
            case "CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT" -> "29";
            case "TOO_MANY_REPETITIONS", "SEGMENT_EXCEEDS_MAXIMUM_USE", "LOOP_OCCURS_OVER_MAXIMUM_TIMES" -> "35";
            case "INVALID_CHARACTER_DATA" -> "37";
            case "DATA_ELEMENT_TOO_LONG" -> "39";
            case "DATA_ELEMENT_TOO_SHORT" -> "40";
            default -> "18";
        };
    }

    static String today(String pattern) {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(pattern));
    }
}
