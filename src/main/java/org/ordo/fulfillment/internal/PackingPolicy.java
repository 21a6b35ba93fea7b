package org.ordo.fulfillment.internal;

import java.util.List;
import org.ordo.shared.CommonRule;
import org.ordo.shared.OrdoException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many units one scan may count at the packing station. A packer scans a unit once and may key the quantity of that
 * line; up to {@code ordo.fulfillment.packing.max-keyed-quantity} units per scan, so that a large count of one item is
 * not a long run of scans, while above it each unit is scanned (a miscount of many units is then unlikely).
 */
@Component
class PackingPolicy {

    static final int DEFAULT_MAX_KEYED_QUANTITY = 20;

    private final int maxKeyedQuantity;

    PackingPolicy(
            @Value("${ordo.fulfillment.packing.max-keyed-quantity:" + DEFAULT_MAX_KEYED_QUANTITY + "}")
                    int maxKeyedQuantity) {
        this.maxKeyedQuantity = Math.max(1, maxKeyedQuantity);
    }

    int maxKeyedQuantity() {
        return maxKeyedQuantity;
    }

    /**
     * The units one scan counts: 1 when none is keyed; a keyed quantity below 1 is a 400, above the limit a 422
     * {@code keyed-quantity-over-limit} naming {@code quantity}. Either changes nothing.
     */
    int unitsOf(Integer keyed) {
        if (keyed == null) {
            return 1;
        }
        if (keyed < 1) {
            throw OrdoException.invalid(List.of(CommonRule.GREATER_THAN_ZERO.at("quantity")));
        }
        if (keyed > maxKeyedQuantity) {
            throw OrdoException.rule(
                    "keyed-quantity-over-limit",
                    "At most " + maxKeyedQuantity + " units may be counted by one scan; scan each unit above that.",
                    List.of(CommonRule.AT_MOST.at("quantity", maxKeyedQuantity)));
        }
        return keyed;
    }
}
