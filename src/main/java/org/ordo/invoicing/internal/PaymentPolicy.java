package org.ordo.invoicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.invoicing.PaymentMethod;
import org.ordo.invoicing.PaymentRule;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;

/**
 * The payment rule book: what a payment, its allocations and a refund must satisfy, in one place. The checks of a request by
 * itself run before anything is locked; the checks against invoices and payments run on rows the caller has locked. Each
 * check reports every problem it finds at once, as violations of {@link PaymentRule}s and
 * {@link org.ordo.shared.CommonRule}s.
 */
final class PaymentPolicy {

    static final int MAX_REFERENCE = 100;
    static final int MAX_REASON = 500;

    private PaymentPolicy() {}

    /** A new payment by itself: customer, amount, method, reference, date and the shape of its allocations. */
    static void checkReceipt(PaymentService.PaymentRequest request, LocalDate today) {
        if (request == null) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("body")));
        }
        List<FieldViolation> invalid = new ArrayList<>();
        if (request.customerId() == null) {
            invalid.add(CommonRule.REQUIRED.at("customerId"));
        }
        amount(invalid, "amount", request.amount());
        if (request.method() == null) {
            invalid.add(PaymentRule.METHOD_REQUIRED.at("method", List.of(PaymentMethod.values())));
        }
        if (request.reference() != null && request.reference().length() > MAX_REFERENCE) {
            invalid.add(CommonRule.TOO_LONG.at("reference", MAX_REFERENCE));
        }
        if (request.receivedOn() != null && request.receivedOn().isAfter(today)) {
            invalid.add(PaymentRule.RECEIVED_IN_FUTURE.at("receivedOn"));
        }
        allocationShapes(invalid, request.allocations());
        refuseIfAny(invalid);
    }

    /** Allocations asked for by themselves (null: the oldest open invoices, which needs no check). */
    static void checkAllocationShapes(List<PaymentService.AllocationRequest> allocations) {
        List<FieldViolation> invalid = new ArrayList<>();
        allocationShapes(invalid, allocations);
        refuseIfAny(invalid);
    }

    /** A refund by itself: a positive amount and a reason. */
    static void checkRefund(PaymentService.RefundRequest request) {
        List<FieldViolation> invalid = new ArrayList<>();
        amount(invalid, "amount", request == null ? null : request.amount());
        String reason = request == null ? null : request.reason();
        if (reason == null || reason.isBlank()) {
            invalid.add(PaymentRule.REFUND_REASON_REQUIRED.at("reason"));
        } else if (reason.length() > MAX_REASON) {
            invalid.add(CommonRule.TOO_LONG.at("reason", MAX_REASON));
        }
        refuseIfAny(invalid);
    }

    /** A refund against its (locked) payment: in the payment's currency and no more than it has on account. */
    static void checkRefundable(Payment payment, Money amount) {
        if (!amount.currency().equals(payment.amount().currency())) {
            throw OrdoException.rule(
                    "currency-mismatch",
                    "Payment " + payment.id() + " is in " + payment.currency() + ".",
                    List.of(PaymentRule.NOT_PAYMENT_CURRENCY.at("amount.currency", payment.currency())));
        }
        if (amount.isGreaterThan(payment.amountOnAccount())) {
            throw OrdoException.rule(
                    "refund-exceeds-account",
                    "Payment " + payment.id() + " has " + payment.amountOnAccount()
                            + " on account; " + amount
                            + " cannot be refunded. Allocated money is refunded after a credit note "
                            + "has given it back to the account.",
                    List.of(PaymentRule.REFUND_EXCEEDS_ACCOUNT.at("amount", payment.amountOnAccount())));
        }
    }

    /** Money on account to allocate to the oldest open invoices: there must be some. */
    static void checkHasMoneyOnAccount(Payment payment) {
        if (payment.amountOnAccount().isZero()) {
            throw OrdoException.rule(
                    "nothing-on-account",
                    "Payment " + payment.id() + " has nothing left to allocate.",
                    List.of(PaymentRule.NOTHING_ON_ACCOUNT.at("allocations")));
        }
    }

    /**
     * Exactly the allocations asked for, each against its (locked) invoice: the customer's, issued and open, in the payment's
     * currency, no more than is open on it, and together no more than {@code available}. {@code invoices} holds those found.
     */
    static void checkAllocations(
            List<PaymentService.AllocationRequest> wanted,
            Map<UUID, Invoice> invoices,
            UUID customerId,
            Currency currency,
            BigDecimal available) {
        List<Problem> problems = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < wanted.size(); i++) {
            PaymentService.AllocationRequest a = wanted.get(i);
            total = total.add(a.amount().amount());
            Problem problem =
                    allocationProblem("allocations[" + i + "]", a, invoices.get(a.invoiceId()), customerId, currency);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (total.compareTo(available) > 0) {
            problems.add(
                    0,
                    Problem.rule(
                            "allocation-exceeds-payment",
                            PaymentRule.EXCEEDS_PAYMENT.at(
                                    "allocations", total.toPlainString(), currency, available.toPlainString())));
        }
        if (!problems.isEmpty()) {
            Problem first = problems.get(0);
            throw new OrdoException(
                    first.kind(),
                    first.errorCode(),
                    "The allocations break "
                            + problems.stream()
                                    .map(Problem::errorCode)
                                    .distinct()
                                    .toList() + "; nothing was allocated.",
                    problems.stream().map(Problem::violation).toList(),
                    Map.of());
        }
    }

    /** What is wrong with one allocation to {@code invoice} (null: no such invoice), or null when nothing is. */
    private static Problem allocationProblem(
            String field, PaymentService.AllocationRequest a, Invoice invoice, UUID customerId, Currency currency) {
        if (!a.amount().currency().equals(currency)) {
            return Problem.rule(
                    "currency-mismatch", PaymentRule.NOT_PAYMENT_CURRENCY.at(field + ".amount.currency", currency));
        }
        String invoiceField = field + ".invoiceId";
        if (invoice == null) {
            return Problem.rule("unknown-invoice", PaymentRule.UNKNOWN_INVOICE.at(invoiceField));
        } else if (invoice.isCreditNote()) {
            return Problem.rule("not-an-invoice", PaymentRule.CREDIT_NOTE.at(invoiceField, invoice.number()));
        } else if (!invoice.customerId().equals(customerId)) {
            return Problem.rule(
                    "invoice-of-another-customer",
                    PaymentRule.INVOICE_OF_ANOTHER_CUSTOMER.at(invoiceField, invoice.number()));
        } else if (invoice.status() == InvoiceStatus.VOID) {
            return Problem.conflict("invoice-void", PaymentRule.INVOICE_VOID.at(invoiceField, invoice.number()));
        } else if (invoice.status() == InvoiceStatus.DRAFT) {
            return Problem.conflict("invoice-not-issued", PaymentRule.INVOICE_NOT_ISSUED.at(invoiceField));
        } else if (!invoice.currency().equals(currency.getCurrencyCode())) {
            return Problem.rule(
                    "currency-mismatch",
                    PaymentRule.INVOICE_IN_OTHER_CURRENCY.at(
                            field + ".amount.currency", invoice.number(), invoice.currency()));
        } else if (a.amount().amount().compareTo(invoice.amountDue().amount()) > 0) {
            return Problem.rule(
                    "allocation-exceeds-invoice",
                    PaymentRule.EXCEEDS_INVOICE.at(field + ".amount", invoice.amountDue(), invoice.number()));
        }
        return null;
    }

    /** A broken rule with the error code and kind the whole refusal takes when it is the first problem. */
    private record Problem(OrdoException.Kind kind, String errorCode, FieldViolation violation) {

        static Problem rule(String errorCode, FieldViolation violation) {
            return new Problem(OrdoException.Kind.RULE_VIOLATED, errorCode, violation);
        }

        static Problem conflict(String errorCode, FieldViolation violation) {
            return new Problem(OrdoException.Kind.CONFLICT, errorCode, violation);
        }
    }

    private static void allocationShapes(
            List<FieldViolation> invalid, List<PaymentService.AllocationRequest> allocations) {
        if (allocations == null) {
            return;
        }
        if (allocations.isEmpty()) {
            invalid.add(PaymentRule.NO_ALLOCATION.at("allocations"));
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < allocations.size(); i++) {
            PaymentService.AllocationRequest a = allocations.get(i);
            String field = "allocations[" + i + "]";
            if (a == null || a.invoiceId() == null) {
                invalid.add(CommonRule.REQUIRED.at(field + ".invoiceId"));
            } else if (!seen.add(a.invoiceId())) {
                invalid.add(PaymentRule.INVOICE_TWICE.at(field + ".invoiceId"));
            }
            amount(invalid, field + ".amount", a == null ? null : a.amount());
        }
    }

    /** A positive amount with no more decimals than its currency's minor unit. */
    private static void amount(List<FieldViolation> invalid, String field, Money amount) {
        if (amount == null) {
            invalid.add(CommonRule.REQUIRED.at(field));
            return;
        }
        if (amount.amount().signum() <= 0) {
            invalid.add(CommonRule.GREATER_THAN_ZERO.at(field + ".amount"));
        }
        int minor = Math.max(amount.currency().getDefaultFractionDigits(), 0);
        if (amount.amount().stripTrailingZeros().scale() > minor) {
            invalid.add(PaymentRule.DECIMALS_OF_CURRENCY.at(field + ".amount", minor, amount.currency()));
        }
    }

    private static void refuseIfAny(List<FieldViolation> invalid) {
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
    }
}
