package org.ordo.edi.internal;

import java.time.LocalDate;
import java.util.List;
import org.ordo.shared.Address;

/**
 * A purchase order as a partner sent it (X12 850 or EDIFACT ORDERS), before Ordo maps its items: {@code position} is
 * the transaction's place in the interchange (1 for the first), {@code shipTo} null when the order names none.
 */
record PurchaseOrder(
        int position,
        String controlNumber,
        String number,
        LocalDate requestedDate,
        Address shipTo,
        List<Line> lines,
        List<String> problems) {

    /** One line: the partner's line id, the quantity as sent and the item's codes, each with its qualifier. */
    record Line(String partnerLine, String quantity, List<ItemCode> codes) {}

    record ItemCode(String qualifier, String code) {
        @Override
        public String toString() {
            return qualifier + " " + code;
        }
    }
}
