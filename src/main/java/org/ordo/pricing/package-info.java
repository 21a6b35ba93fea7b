/**
 * Pricing: price lists (one currency, a period, assigned to customers) with prices per SKU and quantity breaks,
 * promotions for a period (percent or amount off SKUs, buy N get M, free shipping above an amount) and manual line
 * discounts with each role's limit. {@link org.ordo.pricing.Pricing} is the one function that prices order lines for
 * the API, order entry, the portal and whatever else places orders; the order keeps the price it was given. The REST
 * API is {@code /api/price-lists} and {@code /api/promotions}; the rules are in docs/domain.md (Pricing).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "customers", "identity", "platform", "shared"})
package org.ordo.pricing;
