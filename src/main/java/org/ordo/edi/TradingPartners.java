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

    /** {@code senderQualifier} and {@code itemCodes} may be null. */
    record NewPartner(
            String name,
            UUID customerId,
            String standard,
            String senderId,
            String senderQualifier,
            List<ItemCode> itemCodes) {}

    record Partner(
            UUID id,
            String name,
            UUID customerId,
            String standard,
            String senderId,
            String senderQualifier,
            List<ItemCode> itemCodes,
            Instant createdAt) {}

    /** A partner's own code for an item (qualified BP or IN in its orders) and Ordo's SKU for it. */
    record ItemCode(String partnerCode, String sku) {}
}
