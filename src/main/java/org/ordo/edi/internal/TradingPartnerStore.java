package org.ordo.edi.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordo.edi.TradingPartners;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tables {@code edi_partner} and {@code edi_partner_item}. */
@Component
class TradingPartnerStore {

    private final JdbcClient jdbc;

    TradingPartnerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TradingPartners.Partner p) {
        jdbc.sql("INSERT INTO edi_partner (id, name, customer_id, standard, sender_qualifier, sender_id, ship_notices, "
                        + "invoices, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        p.id(),
                        p.name(),
                        p.customerId(),
                        p.standard(),
                        p.senderQualifier(),
                        p.senderId(),
                        p.shipNotices(),
                        p.invoices(),
                        Timestamp.from(p.createdAt()))
                .update();
        p.itemCodes().forEach(c -> mapItem(p.id(), c.partnerCode(), c.sku()));
    }

    void mapItem(UUID partnerId, String partnerCode, String sku) {
        jdbc.sql("DELETE FROM edi_partner_item WHERE partner_id = ? AND partner_code = ?")
                .params(partnerId, partnerCode)
                .update();
        jdbc.sql("INSERT INTO edi_partner_item (partner_id, partner_code, sku) VALUES (?, ?, ?)")
                .params(partnerId, partnerCode, sku)
                .update();
    }

    void outboundDocuments(UUID partnerId, boolean shipNotices, boolean invoices) {
        jdbc.sql("UPDATE edi_partner SET ship_notices = ?, invoices = ? WHERE id = ?")
                .params(shipNotices, invoices, partnerId)
                .update();
    }

    void unmapItem(UUID partnerId, String partnerCode) {
        jdbc.sql("DELETE FROM edi_partner_item WHERE partner_id = ? AND partner_code = ?")
                .params(partnerId, partnerCode)
                .update();
    }

    List<TradingPartners.Partner> all() {
        return jdbc.sql("SELECT * FROM edi_partner ORDER BY name, id")
                .query(this::partner)
                .list();
    }

    Optional<TradingPartners.Partner> find(UUID id) {
        return jdbc.sql("SELECT * FROM edi_partner WHERE id = ?")
                .param(id)
                .query(this::partner)
                .optional();
    }

    Optional<TradingPartners.Partner> bySender(String standard, String senderId) {
        return jdbc.sql("SELECT * FROM edi_partner WHERE standard = ? AND sender_id = ?")
                .params(standard, senderId)
                .query(this::partner)
                .optional();
    }

    /** The partner's item codes: its code to Ordo's SKU. */
    Map<String, String> items(UUID partnerId) {
        Map<String, String> items = new LinkedHashMap<>();
        jdbc.sql("SELECT partner_code, sku FROM edi_partner_item WHERE partner_id = ? ORDER BY partner_code")
                .param(partnerId)
                .query(rs -> {
                    items.put(rs.getString("partner_code"), rs.getString("sku"));
                });
        return items;
    }

    private TradingPartners.Partner partner(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<TradingPartners.ItemCode> codes = items(id).entrySet().stream()
                .map(e -> new TradingPartners.ItemCode(e.getKey(), e.getValue()))
                .toList();
        return new TradingPartners.Partner(
                id,
                rs.getString("name"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("standard"),
                rs.getString("sender_id"),
                rs.getString("sender_qualifier"),
                codes,
                rs.getBoolean("ship_notices"),
                rs.getBoolean("invoices"),
                rs.getTimestamp("created_at").toInstant());
    }
}
