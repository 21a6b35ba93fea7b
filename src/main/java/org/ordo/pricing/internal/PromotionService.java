package org.ordo.pricing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.pricing.PricingRequests;
import org.ordo.pricing.PricingRule;
import org.ordo.pricing.Promotions;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps promotions: checked by kind, on SKUs the catalog knows and on product categories, audited. */
@Service
class PromotionService implements Promotions {

    private final PriceStore store;
    private final Catalog catalog;
    private final AuditTrail audit;

    PromotionService(PriceStore store, Catalog catalog, AuditTrail audit) {
        this.store = store;
        this.catalog = catalog;
        this.audit = audit;
    }

    @Transactional
    @Override
    public PricingRequests.Promotion create(PricingRequests.NewPromotion request) {
        if (request == null) {
            throw OrdoException.invalid("body", "is required");
        }
        PricingChecks.promotion(request);
        boolean freeShipping = request.kind().equals("FREE_SHIPPING");
        List<String> skus = freeShipping || request.skus() == null
                ? List.of()
                : request.skus().stream().distinct().toList();
        Map<String, ProductSnapshot> products = catalog.find(skus);
        List<FieldViolation> unknown = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            if (!products.containsKey(skus.get(i))) {
                unknown.add(PricingRule.UNKNOWN_SKU.at("skus[" + i + "]", skus.get(i)));
            }
        }
        if (!unknown.isEmpty()) {
            throw OrdoException.rule("unknown-sku", "Some SKUs do not exist.", unknown);
        }
        boolean withAmount = request.amount() != null
                && !request.kind().equals("PERCENT")
                && !request.kind().equals("BUY_GET");
        PriceStore.StoredPromotion stored = new PriceStore.StoredPromotion(
                UUID.randomUUID(),
                request.name().trim(),
                request.kind(),
                request.kind().equals("PERCENT") ? request.percent() : null,
                withAmount ? request.amount().amount() : null,
                withAmount ? request.amount().currencyCode() : null,
                request.kind().equals("BUY_GET") ? request.buyQuantity() : null,
                request.kind().equals("BUY_GET") ? request.freeQuantity() : null,
                request.validFrom(),
                request.validTo(),
                new ArrayList<>(skus),
                freeShipping
                        ? new ArrayList<>()
                        : PricingChecks.names("categories", request.categories(), new ArrayList<>()));
        store.insertPromotion(stored, Actor.current().username());
        PricingRequests.Promotion created = view(stored);
        audit.record("PROMOTION", stored.id().toString(), "CREATED", null, created);
        return created;
    }

    @Transactional(readOnly = true)
    @Override
    public List<PricingRequests.Promotion> list() {
        return store.promotions(null, null).stream().map(PromotionService::view).toList();
    }

    private static PricingRequests.Promotion view(PriceStore.StoredPromotion p) {
        return new PricingRequests.Promotion(
                p.id(),
                p.name(),
                p.kind(),
                p.percent(),
                p.amount() == null ? null : PriceStore.money(p.amount(), p.currency()),
                p.buy(),
                p.free(),
                List.copyOf(p.skus()),
                p.validFrom(),
                p.validTo(),
                List.copyOf(p.categories()));
    }
}
