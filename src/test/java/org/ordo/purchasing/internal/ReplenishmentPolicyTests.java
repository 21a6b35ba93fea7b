package org.ordo.purchasing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.shared.Money;

/** How much replenishment buys and from whom, and how much a purchase order line may receive. */
class ReplenishmentPolicyTests {

    private static final ReplenishmentPolicy.Position SHORT = new ReplenishmentPolicy.Position(3, 1, 2, 0, 0, 10, 4);

    @Test
    void theQuantityReachesTheReorderPointPlusDemandRoundedUpToPacksAndAtLeastTheMinimum() {
        ReplenishmentPolicy policy = policy(PurchasingProperties.SupplierRule.CHEAPEST);

        // projected 3 − 1 − 2 = 0; reorder point 10 + demand 6 = 16
        assertThat(policy.quantity(SHORT, 6, 1, 1)).isEqualTo(16);
        assertThat(policy.quantity(SHORT, 6, 1, 12)).isEqualTo(24);
        assertThat(policy.quantity(SHORT, 6, 50, 12)).isEqualTo(60);
        // no demand expected: still one above the reorder point
        assertThat(policy.quantity(SHORT, 0, 1, 1)).isEqualTo(11);
        assertThat(policy.demandWithoutForecast(SHORT)).isEqualTo(6);
    }

    @Test
    void incomingAndDraftedStockCountSoNothingIsProposedTwice() {
        ReplenishmentPolicy policy = policy(PurchasingProperties.SupplierRule.CHEAPEST);

        assertThat(policy.needsBuying(SHORT)).isTrue();
        assertThat(policy.needsBuying(new ReplenishmentPolicy.Position(3, 1, 2, 5, 6, 10, 4)))
                .isFalse();
        assertThat(policy.needsBuying(new ReplenishmentPolicy.Position(0, 0, 0, 0, 0, 0, 0)))
                .as("no reorder point, no replenishment")
                .isFalse();
    }

    @Test
    void theSupplierRuleChoosesTheCheapestOrTheFastestOffer() {
        SupplierStore.ActiveOffer cheap = offer("Cheap", "2.00", 10);
        SupplierStore.ActiveOffer fast = offer("Fast", "3.00", 2);

        assertThat(policy(PurchasingProperties.SupplierRule.CHEAPEST).choose(List.of(fast, cheap)))
                .contains(cheap);
        assertThat(policy(PurchasingProperties.SupplierRule.FASTEST).choose(List.of(cheap, fast)))
                .contains(fast);
        assertThat(policy(PurchasingProperties.SupplierRule.FASTEST).choose(List.of()))
                .isEmpty();
    }

    @Test
    void aLineReceivesAtMostOrderedPlusTheToleranceRoundedDown() {
        PurchaseOrderPolicy none = new PurchaseOrderPolicy(new PurchasingProperties(0, null));
        PurchaseOrderPolicy tenPercent = new PurchaseOrderPolicy(new PurchasingProperties(10, null));

        assertThat(none.maxReceivable(10)).isEqualTo(10);
        assertThat(tenPercent.maxReceivable(10)).isEqualTo(11);
        assertThat(tenPercent.maxReceivable(9)).isEqualTo(9);
    }

    private static ReplenishmentPolicy policy(PurchasingProperties.SupplierRule rule) {
        return new ReplenishmentPolicy(new PurchasingProperties(0, rule));
    }

    private static SupplierStore.ActiveOffer offer(String supplier, String price, int leadTimeDays) {
        return new SupplierStore.ActiveOffer(
                new SupplierStore.Offer(
                        UUID.randomUUID(), "SKU-1", null, Money.of(price, "EUR"), 1, 1, leadTimeDays, Instant.now()),
                supplier,
                "EUR");
    }
}
