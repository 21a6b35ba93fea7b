package org.ordo.pricing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.ordo.catalog.Catalog;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.pricing.PriceLists;
import org.ordo.pricing.PricingRequests;
import org.ordo.pricing.PricingRule;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps price lists and their prices: checked, audited, never overlapping for a customer, nor for a customer group, in
 * one currency.
 */
@Service
class PriceListService implements PriceLists {

    private final PriceStore store;
    private final Catalog catalog;
    private final Customers customers;
    private final AuditTrail audit;

    PriceListService(PriceStore store, Catalog catalog, Customers customers, AuditTrail audit) {
        this.store = store;
        this.catalog = catalog;
        this.customers = customers;
        this.audit = audit;
    }

    @Transactional
    @Override
    public PricingRequests.PriceList create(PricingRequests.NewPriceList request) {
        List<FieldViolation> invalid = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            invalid.add(CommonRule.REQUIRED.at("name"));
        } else if (request.name().length() > 200) {
            invalid.add(CommonRule.TOO_LONG.at("name", 200));
        }
        try {
            Money.currency(request.currency());
        } catch (IllegalArgumentException e) {
            invalid.add(new FieldViolation("currency", e.getMessage()));
        }
        PricingChecks.period(request.validFrom(), request.validTo(), invalid);
        List<UUID> customerIds = request.customerIds() == null ? List.of() : request.customerIds();
        Set<UUID> distinct = new LinkedHashSet<>();
        for (int i = 0; i < customerIds.size(); i++) {
            UUID id = customerIds.get(i);
            if (id == null) {
                invalid.add(CommonRule.REQUIRED.at("customerIds[" + i + "]"));
            } else if (!distinct.add(id)) {
                invalid.add(CommonRule.LISTED_TWICE.at("customerIds[" + i + "]"));
            }
        }
        List<String> groups = PricingChecks.names("customerGroups", request.customerGroups(), invalid);
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        List<FieldViolation> rules = new ArrayList<>();
        for (int i = 0; i < customerIds.size(); i++) {
            if (customers.find(customerIds.get(i)).isEmpty()) {
                rules.add(PricingRule.UNKNOWN_CUSTOMER.at("customerIds[" + i + "]", customerIds.get(i)));
            }
        }
        rules.addAll(overlaps(customerIds, request));
        rules.addAll(groupOverlaps(groups, request));
        if (!rules.isEmpty()) {
            throw OrdoException.rule("price-list-refused", "The price list cannot be created.", rules);
        }
        PriceStore.Header header = new PriceStore.Header(
                UUID.randomUUID(),
                request.name().trim(),
                request.currency(),
                request.validFrom(),
                request.validTo(),
                new ArrayList<>(distinct),
                groups);
        store.insertPriceList(header, Actor.current().username());
        PricingRequests.PriceList created = view(header);
        audit.record("PRICE_LIST", header.id().toString(), "CREATED", null, created);
        return created;
    }

    /** One violation per customer that has a price list in this currency for part of the period already. */
    private List<FieldViolation> overlaps(List<UUID> customerIds, PricingRequests.NewPriceList request) {
        List<FieldViolation> found = new ArrayList<>();
        for (PriceStore.Header other :
                store.overlapping(customerIds, request.currency(), request.validFrom(), request.validTo())) {
            for (int i = 0; i < customerIds.size(); i++) {
                if (other.customers().contains(customerIds.get(i))) {
                    found.add(PricingRule.PRICE_LIST_OVERLAP.at(
                            "customerIds[" + i + "]", customerIds.get(i), other.name(), other.currency()));
                }
            }
        }
        return found;
    }

    /** One violation per customer group that has a price list in this currency for part of the period already. */
    private List<FieldViolation> groupOverlaps(List<String> groups, PricingRequests.NewPriceList request) {
        List<FieldViolation> found = new ArrayList<>();
        for (PriceStore.Header other :
                store.overlappingGroups(groups, request.currency(), request.validFrom(), request.validTo())) {
            for (int i = 0; i < groups.size(); i++) {
                if (other.groups().contains(groups.get(i))) {
                    found.add(PricingRule.PRICE_LIST_OVERLAP.at(
                            "customerGroups[" + i + "]", "group " + groups.get(i), other.name(), other.currency()));
                }
            }
        }
        return found;
    }

    @Transactional(readOnly = true)
    @Override
    public List<PricingRequests.PriceList> list() {
        return store.all().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    @Override
    public PricingRequests.PriceList get(UUID id) {
        PriceStore.Header header = store.find(id);
        if (header == null) {
            throw OrdoException.notFound("price list", id);
        }
        return view(header);
    }

    /** Sets a SKU's price and breaks on a list, replacing what it had; orders placed before keep their prices. */
    @Transactional
    @Override
    public PricingRequests.PriceList setPrice(UUID id, String sku, PricingRequests.SetPrice request) {
        PricingRequests.PriceList before = get(id);
        Map<Long, BigDecimal> prices = PricingChecks.prices(request, before.currency());
        if (catalog.find(sku).isEmpty()) {
            throw OrdoException.rule(
                    "unknown-sku", "SKU " + sku + " does not exist.", List.of(PricingRule.UNKNOWN_SKU.at("sku", sku)));
        }
        store.replacePrices(id, sku, prices);
        PricingRequests.PriceList after = get(id);
        audit.record("PRICE_LIST", id.toString(), "PRICE_SET", before.prices(), after.prices());
        return after;
    }

    private PricingRequests.PriceList view(PriceStore.Header header) {
        List<PricingRequests.SkuPrice> prices = new ArrayList<>();
        for (Map.Entry<String, Map<Long, BigDecimal>> e : new TreeMap<>(store.prices(header.id())).entrySet()) {
            Money base = null;
            List<PricingRequests.PriceBreak> breaks = new ArrayList<>();
            for (Map.Entry<Long, BigDecimal> p : e.getValue().entrySet()) {
                Money price = PriceStore.money(p.getValue(), header.currency());
                if (p.getKey() == 1) {
                    base = price;
                } else {
                    breaks.add(new PricingRequests.PriceBreak(p.getKey(), price));
                }
            }
            prices.add(new PricingRequests.SkuPrice(e.getKey(), base, breaks));
        }
        return new PricingRequests.PriceList(
                header.id(),
                header.name(),
                header.currency(),
                header.validFrom(),
                header.validTo(),
                List.copyOf(header.customers()),
                prices,
                List.copyOf(header.groups()));
    }
}
