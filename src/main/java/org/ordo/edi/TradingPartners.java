package org.ordo.edi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The customers that send purchase orders by EDI, each known by its standard and sender id. */
public interface TradingPartners {

    Partner create(NewPartner partner);

    /** Every partner by name. */
    List<Partner> all();

    Optional<Partner> find(UUID id);

    /** Sets what the partner's item code stands for (replacing an earlier mapping of the code). */
    Partner mapItem(UUID partnerId, String partnerCode, String sku);

    /** Maps every code or, when one is refused, none; the violations name {@code itemCodes[i]}. */
    Partner mapItems(UUID partnerId, List<ItemCode> itemCodes);

    /** Forgets what the partner's item code stands for; a code not mapped is no error. */
    Partner unmapItem(UUID partnerId, String partnerCode);

    /**
     * Which documents the partner wants sent on its EDI orders besides the answers to them (997/855, CONTRL/ORDRSP):
     * ship notices (856, DESADV) when a shipment leaves, invoices (810, INVOIC) when one is issued.
     */
    Partner outboundDocuments(UUID partnerId, boolean shipNotices, boolean invoices);

    /**
     * {@code senderQualifier} and {@code itemCodes} may be null; {@code shipNotices} and {@code invoices} (null: no)
     * as in {@link #outboundDocuments}.
     */
    record NewPartner(
            String name,
            UUID customerId,
            String standard,
            String senderId,
            String senderQualifier,
            List<ItemCode> itemCodes,
            Boolean shipNotices,
            Boolean invoices) {

        /** A partner that wants no documents beyond the answers to its orders. */
        public NewPartner(
                String name,
                UUID customerId,
                String standard,
                String senderId,
                String senderQualifier,
                List<ItemCode> itemCodes) {
            this(name, customerId, standard, senderId, senderQualifier, itemCodes, null, null);
        }
    }

    record Partner(
            UUID id,
            String name,
            UUID customerId,
            String standard,
            String senderId,
            String senderQualifier,
            List<ItemCode> itemCodes,
            boolean shipNotices,
            boolean invoices,
            Instant createdAt) {}

    /** A partner's own code for an item (qualified BP or IN in its orders) and Ordo's SKU for it. */
    record ItemCode(String partnerCode, String sku) {}
}
