package org.ordo.edi.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordo.catalog.Catalog;
import org.ordo.customers.Customers;
import org.ordo.edi.EdiInterchanges;
import org.ordo.edi.EdiRule;
import org.ordo.edi.TradingPartners;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates trading partners and maps their item codes, checking customer, sender id and SKUs. */
@Service
class TradingPartnerService implements TradingPartners {

    private final TradingPartnerStore store;
    private final Customers customers;
    private final Catalog catalog;

    TradingPartnerService(TradingPartnerStore store, Customers customers, Catalog catalog) {
        this.store = store;
        this.customers = customers;
        this.catalog = catalog;
    }

    @Override
    @Transactional
    public Partner create(NewPartner p) {
        List<FieldViolation> problems = new ArrayList<>();
        text(problems, "name", p.name(), 200);
        if (p.customerId() == null) {
            problems.add(CommonRule.REQUIRED.at("customerId"));
        } else if (customers.find(p.customerId()).isEmpty()) {
            problems.add(EdiRule.UNKNOWN_CUSTOMER.at("customerId"));
        }
        if (p.standard() == null || !EdiInterchanges.STANDARDS.contains(p.standard())) {
            problems.add(CommonRule.ONE_OF.at("standard", EdiInterchanges.STANDARDS));
        }
        text(problems, "senderId", p.senderId(), "X12".equals(p.standard()) ? 15 : 35);
        if (p.senderQualifier() != null && p.senderQualifier().length() > 4) {
            problems.add(CommonRule.TOO_LONG.at("senderQualifier", 4));
        }
        List<ItemCode> codes = p.itemCodes() == null ? List.of() : p.itemCodes();
        for (int i = 0; i < codes.size(); i++) {
            itemCode(problems, "itemCodes[" + i + "]", codes.get(i));
        }
        if (problems.isEmpty() && p.standard() != null) {
            store.bySender(p.standard(), p.senderId().trim())
                    .ifPresent(other -> problems.add(EdiRule.SENDER_TAKEN.at("senderId", other.name())));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        Partner partner = new Partner(
                UUID.randomUUID(),
                p.name().trim(),
                p.customerId(),
                p.standard(),
                p.senderId().trim(),
                blankToNull(p.senderQualifier()),
                codes.stream()
                        .map(c -> new ItemCode(c.partnerCode().trim(), c.sku().trim()))
                        .toList(),
                Boolean.TRUE.equals(p.shipNotices()),
                Boolean.TRUE.equals(p.invoices()),
                Instant.now());
        store.insert(partner);
        return store.find(partner.id()).orElseThrow();
    }

    @Override
    public List<Partner> all() {
        return store.all();
    }

    @Override
    public Optional<Partner> find(UUID id) {
        return store.find(id);
    }

    @Override
    @Transactional
    public Partner mapItem(UUID partnerId, String partnerCode, String sku) {
        store.find(partnerId).orElseThrow(() -> OrdoException.notFound("Trading partner", partnerId));
        List<FieldViolation> problems = new ArrayList<>();
        itemCode(problems, "itemCode", new ItemCode(partnerCode, sku));
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        store.mapItem(partnerId, partnerCode.trim(), sku.trim());
        return store.find(partnerId).orElseThrow();
    }

    @Override
    @Transactional
    public Partner mapItems(UUID partnerId, List<ItemCode> itemCodes) {
        store.find(partnerId).orElseThrow(() -> OrdoException.notFound("Trading partner", partnerId));
        List<FieldViolation> problems = new ArrayList<>();
        for (int i = 0; i < itemCodes.size(); i++) {
            itemCode(problems, "itemCodes[" + i + "]", itemCodes.get(i));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        itemCodes.forEach(
                c -> store.mapItem(partnerId, c.partnerCode().trim(), c.sku().trim()));
        return store.find(partnerId).orElseThrow();
    }

    @Override
    @Transactional
    public Partner outboundDocuments(UUID partnerId, boolean shipNotices, boolean invoices) {
        store.find(partnerId).orElseThrow(() -> OrdoException.notFound("Trading partner", partnerId));
        store.outboundDocuments(partnerId, shipNotices, invoices);
        return store.find(partnerId).orElseThrow();
    }

    @Override
    @Transactional
    public Partner unmapItem(UUID partnerId, String partnerCode) {
        store.find(partnerId).orElseThrow(() -> OrdoException.notFound("Trading partner", partnerId));
        store.unmapItem(partnerId, partnerCode == null ? "" : partnerCode.trim());
        return store.find(partnerId).orElseThrow();
    }

    private void itemCode(List<FieldViolation> problems, String path, ItemCode code) {
        if (code == null) {
            problems.add(CommonRule.REQUIRED.at(path));
            return;
        }
        text(problems, path + ".partnerCode", code.partnerCode(), 48);
        if (text(problems, path + ".sku", code.sku(), 64)
                && catalog.find(code.sku().trim()).filter(pr -> pr.active()).isEmpty()) {
            problems.add(EdiRule.UNKNOWN_SKU.at(path + ".sku", code.sku()));
        }
    }

    private static boolean text(List<FieldViolation> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(CommonRule.REQUIRED.at(field));
            return false;
        }
        if (value.trim().length() > max) {
            problems.add(CommonRule.TOO_LONG.at(field, max));
            return false;
        }
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
