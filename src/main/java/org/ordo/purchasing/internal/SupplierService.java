package org.ordo.purchasing.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.inventory.IncomingSupplyChanged;
import org.ordo.platform.MoneyInput;
import org.ordo.purchasing.PurchasingRule;
import org.ordo.shared.Address;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes suppliers and their offers. Every field is checked before anything is written (a refused request
 * changes nothing); every change is audited. An offer's SKU must be an active product of the catalog.
 */
@Component
class SupplierService {

    static final String AUDIT_SUPPLIER = "SUPPLIER";
    static final String AUDIT_OFFER = "SUPPLIER_ITEM";
    static final long MAX_QUANTITY = 1_000_000_000L;
    static final int MAX_LEAD_TIME_DAYS = 3650;
    static final int MAX_PAYMENT_TERMS_DAYS = 365;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** {@code POST /api/suppliers} (every field but contactName, email and address required) and PATCH (null: unchanged). */
    record SupplierInput(
            String name,
            String contactName,
            String email,
            String currency,
            Integer paymentTermsDays,
            Address address,
            Boolean active) {}

    /** {@code PUT /api/suppliers/{id}/items/{sku}}; minimumOrderQuantity and packSize default to 1. */
    record OfferInput(
            String supplierItemCode,
            MoneyInput unitPrice,
            Long minimumOrderQuantity,
            Long packSize,
            Integer leadTimeDays) {}

    private final SupplierStore store;
    private final Catalog catalog;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    SupplierService(SupplierStore store, Catalog catalog, AuditTrail audit, ApplicationEventPublisher events) {
        this.store = store;
        this.catalog = catalog;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    SupplierStore.Supplier create(SupplierInput input) {
        if (input == null) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("body")));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SupplierStore.Supplier supplier = new SupplierStore.Supplier(
                UUID.randomUUID(),
                trim(input.name()),
                trim(input.contactName()),
                trim(input.email()),
                input.currency(),
                input.paymentTermsDays() == null ? -1 : input.paymentTermsDays(),
                input.address(),
                input.active() == null || input.active(),
                now,
                now);
        checkSupplier(supplier, true);
        store.insert(supplier);
        audit.record(AUDIT_SUPPLIER, supplier.id().toString(), "CREATED", null, supplier);
        return supplier;
    }

    @Transactional
    SupplierStore.Supplier update(UUID id, SupplierInput input) {
        if (input == null) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("body")));
        }
        SupplierStore.Supplier before = store.lock(id).orElseThrow(() -> OrdoException.notFound("Supplier", id));
        SupplierStore.Supplier after = new SupplierStore.Supplier(
                id,
                input.name() == null ? before.name() : trim(input.name()),
                input.contactName() == null ? before.contactName() : trim(input.contactName()),
                input.email() == null ? before.email() : trim(input.email()),
                input.currency() == null ? before.currency() : input.currency(),
                input.paymentTermsDays() == null ? before.paymentTermsDays() : input.paymentTermsDays(),
                input.address() == null ? before.address() : input.address(),
                input.active() == null ? before.active() : input.active(),
                before.createdAt(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        checkSupplier(after, input.name() != null || input.currency() != null);
        store.update(after);
        audit.record(AUDIT_SUPPLIER, id.toString(), "UPDATED", before, after);
        if (before.active() != after.active()) {
            // the best lead time of its SKUs may have changed
            events.publishEvent(new IncomingSupplyChanged(Set.copyOf(
                    store.offers(id).stream().map(SupplierStore.Offer::sku).toList())));
        }
        return after;
    }

    private static void checkSupplier(SupplierStore.Supplier s, boolean checkRequired) {
        List<FieldViolation> problems = new ArrayList<>();
        text(problems, "name", s.name(), 200, true);
        text(problems, "contactName", s.contactName(), 200, false);
        if (text(problems, "email", s.email(), 254, false)
                && s.email() != null
                && !EMAIL.matcher(s.email()).matches()) {
            problems.add(PurchasingRule.INVALID_EMAIL.at("email"));
        }
        if (s.currency() == null) {
            problems.add(CommonRule.REQUIRED.at("currency"));
        } else {
            try {
                Money.currency(s.currency());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldViolation("currency", e.getMessage()));
            }
        }
        if (s.paymentTermsDays() < 0 || s.paymentTermsDays() > MAX_PAYMENT_TERMS_DAYS) {
            problems.add(
                    s.paymentTermsDays() == -1 && checkRequired
                            ? CommonRule.REQUIRED.at("paymentTermsDays")
                            : new FieldViolation(
                                    "paymentTermsDays", "must be between 0 and " + MAX_PAYMENT_TERMS_DAYS));
        }
        if (s.address() != null) {
            problems.addAll(s.address().violations("address"));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
    }

    /** Adds a problem if a text is missing (when required) or too long; true when it is fine. */
    static boolean text(List<FieldViolation> problems, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(CommonRule.REQUIRED.at(field));
                return false;
            }
            return true;
        }
        if (value.length() > max) {
            problems.add(CommonRule.TOO_LONG.at(field, max));
            return false;
        }
        return true;
    }

    /** Sets the supplier's offer of a SKU: a new one, or a new price, pack or lead time. */
    @Transactional
    SupplierStore.Offer putOffer(UUID supplierId, String sku, OfferInput input) {
        if (input == null) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("body")));
        }
        SupplierStore.Supplier supplier =
                store.lock(supplierId).orElseThrow(() -> OrdoException.notFound("Supplier", supplierId));
        List<FieldViolation> problems = new ArrayList<>();
        text(problems, "supplierItemCode", input.supplierItemCode(), 64, false);
        Money price = null;
        if (input.unitPrice() == null) {
            problems.add(CommonRule.REQUIRED.at("unitPrice"));
        } else {
            price = input.unitPrice().toMoney("unitPrice", problems);
            if (price != null && !price.currencyCode().equals(supplier.currency())) {
                problems.add(PurchasingRule.CURRENCY_MISMATCH.at("unitPrice.currency", supplier.currency()));
            }
        }
        long moq = positive(problems, "minimumOrderQuantity", input.minimumOrderQuantity());
        long pack = positive(problems, "packSize", input.packSize());
        if (input.leadTimeDays() == null) {
            problems.add(CommonRule.REQUIRED.at("leadTimeDays"));
        } else if (input.leadTimeDays() < 0) {
            problems.add(CommonRule.ZERO_OR_GREATER.at("leadTimeDays"));
        } else if (input.leadTimeDays() > MAX_LEAD_TIME_DAYS) {
            problems.add(CommonRule.AT_MOST.at("leadTimeDays", MAX_LEAD_TIME_DAYS));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        requireActiveProduct(sku, "sku");
        SupplierStore.Offer before = store.offer(supplierId, sku).orElse(null);
        SupplierStore.Offer offer = new SupplierStore.Offer(
                supplierId,
                sku,
                trim(input.supplierItemCode()),
                price,
                moq,
                pack,
                input.leadTimeDays(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        store.upsertOffer(offer, Actor.current().username());
        audit.record(AUDIT_OFFER, supplierId + "/" + sku, before == null ? "CREATED" : "UPDATED", before, offer);
        events.publishEvent(new IncomingSupplyChanged(Set.of(sku)));
        return offer;
    }

    /** An optional count ≥ 1 (default 1). */
    private static long positive(List<FieldViolation> problems, String field, Long value) {
        if (value == null) {
            return 1;
        }
        if (value < 1) {
            problems.add(CommonRule.GREATER_THAN_ZERO.at(field));
        } else if (value > MAX_QUANTITY) {
            problems.add(CommonRule.AT_MOST.at(field, MAX_QUANTITY));
        }
        return value;
    }

    /** @throws OrdoException 422 naming {@code field} when the SKU is not an active product */
    ProductSnapshot requireActiveProduct(String sku, String field) {
        ProductSnapshot product = sku == null ? null : catalog.find(sku).orElse(null);
        if (product == null) {
            throw OrdoException.rule(
                    "unknown-sku",
                    "SKU " + sku + " is not in the catalog.",
                    List.of(PurchasingRule.UNKNOWN_SKU.at(field, sku)));
        }
        if (!product.active()) {
            throw OrdoException.rule(
                    "inactive-sku",
                    "SKU " + sku + " is not active.",
                    List.of(PurchasingRule.INACTIVE_SKU.at(field, sku)));
        }
        return product;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
