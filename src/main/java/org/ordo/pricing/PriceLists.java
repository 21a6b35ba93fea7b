package org.ordo.pricing;

import java.util.List;
import java.util.UUID;

/**
 * Price lists kept by staff: who may is the caller's to check ({@code /api/price-lists} and the pages let ADMIN and
 * SALES keep them). A refused change throws {@link org.ordo.shared.OrdoException} naming its fields.
 */
public interface PriceLists {

    /** A new price list for its customers; refused when it overlaps another of a customer's lists in its currency. */
    PricingRequests.PriceList create(PricingRequests.NewPriceList request);

    List<PricingRequests.PriceList> list();

    PricingRequests.PriceList get(UUID id);

    /** Adds or replaces the list's price of {@code sku} with its quantity breaks. */
    PricingRequests.PriceList setPrice(UUID id, String sku, PricingRequests.SetPrice request);
}
