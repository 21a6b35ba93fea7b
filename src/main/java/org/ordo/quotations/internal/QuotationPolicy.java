package org.ordo.quotations.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.quotations.QuotationRequests;
import org.ordo.quotations.QuotationRule;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Component;

/** The rule book of quotations: what their terms and lines must be, and until when one can be sent or accepted. */
@Component
class QuotationPolicy {

    static final int MAX_NOTE = 2000;
    static final int MAX_LINES = 500;

    /** Adds to {@code invalid} what is wrong with the validity date, note and lines' shape. */
    void checkTerms(
            LocalDate validUntil,
            String note,
            List<QuotationRequests.LineRequest> lines,
            List<FieldViolation> invalid) {
        if (validUntil == null) {
            invalid.add(CommonRule.REQUIRED.at("validUntil"));
        }
        if (note != null && note.length() > MAX_NOTE) {
            invalid.add(CommonRule.TOO_LONG.at("note", MAX_NOTE));
        }
        if (lines == null || lines.isEmpty()) {
            invalid.add(CommonRule.REQUIRED.at("lines"));
            return;
        }
        if (lines.size() > MAX_LINES) {
            invalid.add(CommonRule.AT_MOST.at("lines", MAX_LINES));
        }
        for (int i = 0; i < lines.size(); i++) {
            QuotationRequests.LineRequest line = lines.get(i);
            String field = "lines[" + i + "]";
            if (line == null || line.sku() == null || line.sku().isBlank()) {
                invalid.add(CommonRule.REQUIRED.at(field + ".sku"));
            }
            if (line == null || line.quantity() == null) {
                invalid.add(CommonRule.REQUIRED.at(field + ".quantity"));
            } else if (line.quantity() <= 0) {
                invalid.add(CommonRule.GREATER_THAN_ZERO.at(field + ".quantity"));
            }
        }
    }

    /** Every line's product is sold and priced in the quotation's currency (else 422 naming the lines). */
    void checkProducts(
            List<QuotationRequests.LineRequest> lines, Map<String, ProductSnapshot> products, String currency) {
        List<FieldViolation> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String sku = lines.get(i).sku();
            ProductSnapshot product = products.get(sku);
            if (product == null || !product.active()) {
                problems.add(QuotationRule.UNKNOWN_SKU.at("lines[" + i + "].sku", sku));
            } else if (!product.unitPrice().currencyCode().equals(currency)) {
                problems.add(QuotationRule.PRICED_IN_OTHER_CURRENCY.at(
                        "lines[" + i + "].sku", sku, product.unitPrice().currencyCode(), currency));
            }
        }
        if (!problems.isEmpty()) {
            throw OrdoException.rule("invalid-lines", "Some lines cannot be quoted.", problems);
        }
    }

    /** A quotation is sent and accepted only up to its validity date, in the company's calendar. */
    void checkStillValid(String number, LocalDate validUntil, LocalDate today) {
        if (validUntil.isBefore(today)) {
            throw OrdoException.conflict(
                    "quotation-expired",
                    "Quotation " + number + " was valid until " + validUntil
                            + " and can no longer be sent or accepted.");
        }
    }
}
