package org.ordo.edi.internal;

import java.util.List;

/**
 * An interchange as read, in neutral form for X12 and EDIFACT: its envelope, its transactions (X12 ST..SE, EDIFACT
 * UNH..UNT) as segments, and what was wrong with it.
 */
record EdiMessage(String standard, Envelope envelope, List<Transaction> transactions, List<Problem> problems) {

    boolean valid() {
        return problems.isEmpty();
    }

    /** Sender, receiver, control number and version of the interchange; delimiters as found. */
    record Envelope(
            String senderQualifier,
            String senderId,
            String receiverQualifier,
            String receiverId,
            String controlNumber,
            String version,
            boolean test) {}

    /** One transaction set or message: its type (850, ORDERS, ...), control numbers and segments. */
    record Transaction(
            String type, String controlNumber, String groupControlNumber, String version, List<Segment> segments) {}

    /**
     * One segment: {@code position} counts from the transaction's header (1) for transactions, from the interchange's
     * header otherwise; {@code elements} holds per element its components (one for a simple element).
     */
    record Segment(String tag, int position, List<List<String>> elements) {

        /** Element {@code n} (1-based), component {@code c} (1-based), or "" when absent. */
        String value(int n, int c) {
            if (n < 1 || n > elements.size()) {
                return "";
            }
            List<String> components = elements.get(n - 1);
            return c < 1 || c > components.size() ? "" : components.get(c - 1);
        }

        String value(int n) {
            return value(n, 1);
        }
    }

    /**
     * Something wrong with the file: where (segment tag and position in its transaction or the interchange, element
     * and component position, 0 when not known), the transaction's control number (null outside one) and a code.
     */
    record Problem(
            String transaction,
            String segment,
            int segmentPosition,
            int element,
            int component,
            String code,
            String text) {

        String where() {
            StringBuilder s = new StringBuilder();
            if (segment != null) {
                s.append(segment).append(" (segment ").append(segmentPosition).append(')');
            }
            if (element > 0) {
                s.append(" element ").append(element);
                if (component > 0) {
                    s.append('.').append(component);
                }
            }
            return s.toString().trim();
        }

        @Override
        public String toString() {
            String where = where();
            return (where.isEmpty() ? "" : where + ": ") + text;
        }
    }
}
