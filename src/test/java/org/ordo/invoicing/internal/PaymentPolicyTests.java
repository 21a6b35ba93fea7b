package org.ordo.invoicing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;

/** A payment request breaking several rules is refused with every rule named by its code, in the API's English. */
class PaymentPolicyTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void aPaymentBreakingEveryRuleOfItsOwnNamesEachByCode() {
        UUID invoice = UUID.randomUUID();
        PaymentService.PaymentRequest request = new PaymentService.PaymentRequest(
                null,
                Money.of("10.001", "EUR"),
                null,
                "r".repeat(101),
                TODAY.plusDays(1),
                List.of(
                        new PaymentService.AllocationRequest(invoice, Money.of("0", "EUR")),
                        new PaymentService.AllocationRequest(invoice, Money.of("5", "EUR"))));

        List<FieldViolation> violations = catchThrowableOfType(
                        OrdoException.class, () -> PaymentPolicy.checkReceipt(request, TODAY))
                .violations();

        assertThat(violations)
                .extracting(FieldViolation::field, FieldViolation::code, FieldViolation::message)
                .containsExactly(
                        tuple("customerId", "required", "is required"),
                        tuple("amount.amount", "decimals-of-currency", "must have at most 2 decimals in EUR"),
                        tuple(
                                "method",
                                "payment-method-required",
                                "is required (one of BANK_TRANSFER, DIRECT_DEBIT, CARD, CASH, CHEQUE, OTHER)"),
                        tuple("reference", "too-long", "must be at most 100 characters"),
                        tuple("receivedOn", "received-in-future", "must not be in the future"),
                        tuple("allocations[0].amount.amount", "greater-than-zero", "must be greater than 0"),
                        tuple("allocations[1].invoiceId", "invoice-allocated-twice", "appears more than once"));
    }

    @Test
    void aRefundNeedsAReason() {
        OrdoException refused = catchThrowableOfType(
                OrdoException.class,
                () -> PaymentPolicy.checkRefund(new PaymentService.RefundRequest(Money.of("5", "EUR"), " ")));
        assertThat(refused.violations())
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(tuple("reason", "refund-reason-required"));
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
