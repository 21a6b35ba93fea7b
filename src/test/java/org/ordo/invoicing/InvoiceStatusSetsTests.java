package org.ordo.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.invoicing.InvoiceStatus.*;

import org.junit.jupiter.api.Test;
import org.ordo.platform.Sql;

/** The status sets that queries are written with: the same states the code decides with. */
class InvoiceStatusSetsTests {

    @Test
    void theDocumentsThatCountAreTheIssuedOnesUpToPaidOrCredited() {
        assertThat(InvoiceStatus.issuedStates())
                .containsExactly(ISSUED, OVERDUE, PARTIALLY_PAID, PAID, CREDITED)
                .allMatch(InvoiceStatus::isIssued);
        assertThat(Sql.list(InvoiceStatus.issuedStates()))
                .isEqualTo("('ISSUED', 'OVERDUE', 'PARTIALLY_PAID', 'PAID', 'CREDITED')");
    }

    @Test
    void anOpenInvoiceIsIssuedAndNotYetPaidInFull() {
        assertThat(InvoiceStatus.openStates()).containsExactly(ISSUED, OVERDUE, PARTIALLY_PAID);
        assertThat(InvoiceStatus.issuedStates()).containsAll(InvoiceStatus.openStates());
        assertThat(CustomerInvoices.OPEN).containsExactlyInAnyOrderElementsOf(InvoiceStatus.openStates());
    }
}
