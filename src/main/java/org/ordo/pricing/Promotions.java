package org.ordo.pricing;

import java.util.List;

/** Promotions kept by staff: who may is the caller's to check, as for {@link PriceLists}. */
public interface Promotions {

    PricingRequests.Promotion create(PricingRequests.NewPromotion request);

    List<PricingRequests.Promotion> list();
}
