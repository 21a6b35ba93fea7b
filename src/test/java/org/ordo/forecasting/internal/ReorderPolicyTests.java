package org.ordo.forecasting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReorderPolicyTests {

    @Test
    void aComputedReorderPointCoversLeadTimeDemandAtTheServiceLevel() {
        // 100 units expected over the lead time, σ 20: at 95 % z = 1.6449, safety 32.9 → 33, reorder point 133
        ReorderPolicy.Computed computed = ReorderPolicy.compute(100, 20, 0.95);
        assertThat(computed.z()).isCloseTo(1.644854, within(1e-5));
        assertThat(computed.safetyStock()).isEqualTo(33);
        assertThat(computed.reorderPoint()).isEqualTo(133);
    }

    @Test
    void theStandardNormalQuantilesAreTheTabulatedOnes() {
        assertThat(ReorderPolicy.standardNormalQuantile(0.5)).isCloseTo(0, within(1e-9));
        assertThat(ReorderPolicy.standardNormalQuantile(0.8413447)).isCloseTo(1.0, within(1e-6));
        assertThat(ReorderPolicy.standardNormalQuantile(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(ReorderPolicy.standardNormalQuantile(0.9999)).isCloseTo(3.719016, within(1e-6));
        assertThat(ReorderPolicy.standardNormalQuantile(0.01)).isCloseTo(-2.326348, within(1e-6));
    }

    @Test
    void serviceLevelsMustLieAboveAHalfAndAtMostFourNines() {
        assertThat(ReorderPolicy.acceptable(0.5)).isFalse();
        assertThat(ReorderPolicy.acceptable(0.51)).isTrue();
        assertThat(ReorderPolicy.acceptable(0.9999)).isTrue();
        assertThat(ReorderPolicy.acceptable(1.0)).isFalse();
    }
}
