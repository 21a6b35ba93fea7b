package org.ordo.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.ordo.identity.Actor;
import org.ordo.identity.Role;
import org.ordo.returns.ReturnStatus;

/** A return's page offers what both its state and the user's roles allow, and nothing else. */
class ReturnActionsTests {

    private static Actor actor(Role role) {
        return new Actor("someone", EnumSet.of(role), null);
    }

    @Test
    void supportApprovesReceivesInspectsAndResolvesInTurn() {
        Actor support = actor(Role.SUPPORT);
        assertThat(PageAccess.returnActions(support, ReturnStatus.REQUESTED, false))
                .containsExactly("approve", "reject");
        assertThat(PageAccess.returnActions(support, ReturnStatus.APPROVED, false))
                .containsExactly("receive", "reject");
        assertThat(PageAccess.returnActions(support, ReturnStatus.RECEIVED, false))
                .containsExactly("inspect");
        assertThat(PageAccess.returnActions(support, ReturnStatus.INSPECTED, false))
                .containsExactly("resolve");
        assertThat(PageAccess.returnActions(support, ReturnStatus.REFUNDED, true))
                .isEmpty();
        assertThat(PageAccess.returnActions(support, ReturnStatus.CLOSED, false))
                .isEmpty();
        assertThat(PageAccess.returnActions(support, ReturnStatus.REJECTED, false))
                .isEmpty();
    }

    @Test
    void theWarehouseReceivesAndInspectsTheGoodsAndDecidesNothingElse() {
        Actor warehouse = actor(Role.WAREHOUSE);
        assertThat(PageAccess.returnActions(warehouse, ReturnStatus.REQUESTED, false))
                .isEmpty();
        assertThat(PageAccess.returnActions(warehouse, ReturnStatus.APPROVED, false))
                .containsExactly("receive");
        assertThat(PageAccess.returnActions(warehouse, ReturnStatus.RECEIVED, false))
                .containsExactly("inspect");
        assertThat(PageAccess.returnActions(warehouse, ReturnStatus.INSPECTED, false))
                .isEmpty();
        assertThat(PageAccess.returnActions(warehouse, ReturnStatus.REFUNDED, true))
                .isEmpty();
    }

    @Test
    void salesOnlyApprovesOrRejectsAndAccountingOnlyResolvesAndRecordsRefunds() {
        assertThat(PageAccess.returnActions(actor(Role.SALES), ReturnStatus.APPROVED, false))
                .containsExactly("reject");
        assertThat(PageAccess.returnActions(actor(Role.SALES), ReturnStatus.INSPECTED, false))
                .isEmpty();
        assertThat(PageAccess.returnActions(actor(Role.ACCOUNTING), ReturnStatus.REQUESTED, false))
                .isEmpty();
        assertThat(PageAccess.returnActions(actor(Role.ACCOUNTING), ReturnStatus.INSPECTED, false))
                .containsExactly("resolve");
        assertThat(PageAccess.returnActions(actor(Role.ACCOUNTING), ReturnStatus.REFUNDED, true))
                .containsExactly("refund");
        assertThat(PageAccess.returnActions(actor(Role.ACCOUNTING), ReturnStatus.REFUNDED, false))
                .isEmpty();
    }
}
