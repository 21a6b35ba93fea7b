package org.ordo.pricing.internal;

import java.util.List;
import java.util.UUID;
import org.ordo.pricing.PricingRequests;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/price-lists} and {@code /api/promotions}: staff who sell read them; ADMIN and SALES keep them (customers
 * see their prices only through what orders and quotes give them).
 */
@RestController
class PricingController {

    private static final String READERS = "hasAnyRole('ADMIN', 'SALES', 'SUPPORT', 'ACCOUNTING')";
    private static final String KEEPERS = "hasAnyRole('ADMIN', 'SALES')";

    private final PriceListService priceLists;
    private final PromotionService promotions;

    PricingController(PriceListService priceLists, PromotionService promotions) {
        this.priceLists = priceLists;
        this.promotions = promotions;
    }

    @PostMapping("/api/price-lists")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(KEEPERS)
    PricingRequests.PriceList create(@RequestBody PricingRequests.NewPriceList request) {
        return priceLists.create(request);
    }

    @GetMapping("/api/price-lists")
    @PreAuthorize(READERS)
    List<PricingRequests.PriceList> list() {
        return priceLists.list();
    }

    @GetMapping("/api/price-lists/{id}")
    @PreAuthorize(READERS)
    PricingRequests.PriceList get(@PathVariable UUID id) {
        return priceLists.get(id);
    }

    @PutMapping("/api/price-lists/{id}/prices/{sku}")
    @PreAuthorize(KEEPERS)
    PricingRequests.PriceList setPrice(
            @PathVariable UUID id, @PathVariable String sku, @RequestBody PricingRequests.SetPrice request) {
        return priceLists.setPrice(id, sku, request);
    }

    @PostMapping("/api/promotions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(KEEPERS)
    PricingRequests.Promotion createPromotion(@RequestBody PricingRequests.NewPromotion request) {
        return promotions.create(request);
    }

    @GetMapping("/api/promotions")
    @PreAuthorize(READERS)
    List<PricingRequests.Promotion> promotions() {
        return promotions.list();
    }
}
