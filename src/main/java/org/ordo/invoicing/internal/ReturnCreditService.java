package org.ordo.invoicing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.invoicing.CreditNotes;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credits returned goods with the credit-note code of {@link InvoiceService}: each returned quantity is matched to the
 * invoice lines that billed its order line, oldest invoice first, skipping what earlier credit notes took already.
 */
@Component
class ReturnCreditService implements CreditNotes {

    private final InvoiceStore store;
    private final InvoiceService management;

    ReturnCreditService(InvoiceStore store, InvoiceService management) {
        this.store = store;
        this.management = management;
    }

    @Override
    @Transactional
    public List<IssuedCreditNote> creditReturnedLines(UUID orderId, List<ReturnedLine> lines, String reason) {
        Map<UUID, List<InvoiceService.CreditLine>> plan = plan(orderId, lines);
        // every invoice to credit, locked up front in id order: the order payments take them in, so that crediting
        // several invoices of one order cannot deadlock with a payment allocated to the same invoices
        store.lockAll(plan.keySet());
        List<IssuedCreditNote> issued = new ArrayList<>();
        for (Map.Entry<UUID, List<InvoiceService.CreditLine>> entry : plan.entrySet()) {
            Invoice note = management.creditNote(
                    entry.getKey().toString(),
                    new InvoiceService.CreditNoteRequest(merged(entry.getValue()), null, reason));
            Money total = note.totals().total();
            issued.add(new IssuedCreditNote(
                    note.id(), note.number(), note.originalInvoiceId(), note.originalInvoiceNumber(), total));
        }
        return issued;
    }

    /**
     * Per invoice of the order (in issue order), the quantities to credit per invoice line: each returned line takes
     * from the first invoices that billed its order line and have something left to credit (409 if they cannot cover it).
     */
    private Map<UUID, List<InvoiceService.CreditLine>> plan(UUID orderId, List<ReturnedLine> lines) {
        List<Invoice> invoices = store.issuedForOrder(orderId).stream()
                .filter(i -> !i.isCreditNote())
                .toList();
        Map<UUID, List<InvoiceService.CreditLine>> plan = new LinkedHashMap<>();
        Map<UUID, Map<Integer, Long>> credited = new LinkedHashMap<>();
        List<String> uncovered = new ArrayList<>();
        for (ReturnedLine returned : lines) {
            long rest = returned.quantity();
            for (Invoice invoice : invoices) {
                Map<Integer, Long> done = credited.computeIfAbsent(invoice.id(), store::creditedQuantities);
                rest = take(invoice, returned.orderLineNumber(), rest, done, plan);
            }
            if (rest > 0) {
                uncovered.add(
                        "order line " + returned.orderLineNumber() + ": " + rest + " not invoiced or already credited");
            }
        }
        if (!uncovered.isEmpty()) {
            throw OrdoException.conflict(
                    "return-not-invoiced",
                    "The returned goods cannot all be credited: " + String.join("; ", uncovered)
                            + ". Invoices are issued shortly after shipping; try again once they are.");
        }
        return plan;
    }

    /** Plans what {@code invoice} can credit of {@code rest} units of an order line; returns what is left. */
    private static long take(
            Invoice invoice,
            int orderLineNumber,
            long rest,
            Map<Integer, Long> done,
            Map<UUID, List<InvoiceService.CreditLine>> plan) {
        for (InvoiceLine line : invoice.lines()) {
            if (rest == 0) {
                break;
            }
            if (line.orderLineNumber() == null || line.orderLineNumber() != orderLineNumber || line.quantity() <= 0) {
                continue;
            }
            long take = Math.min(rest, line.quantity() - done.getOrDefault(line.lineNumber(), 0L));
            if (take > 0) {
                plan.computeIfAbsent(invoice.id(), k -> new ArrayList<>())
                        .add(new InvoiceService.CreditLine(line.lineNumber(), take));
                done.merge(line.lineNumber(), take, Long::sum);
                rest -= take;
            }
        }
        return rest;
    }

    /** One credit line per invoice line, should one be planned twice (two returned lines cannot share one; stay safe). */
    private static List<InvoiceService.CreditLine> merged(List<InvoiceService.CreditLine> lines) {
        Map<Integer, Long> merged = new LinkedHashMap<>();
        lines.forEach(l -> merged.merge(l.lineNumber(), l.quantity(), Long::sum));
        return merged.entrySet().stream()
                .map(e -> new InvoiceService.CreditLine(e.getKey(), e.getValue()))
                .toList();
    }
}
