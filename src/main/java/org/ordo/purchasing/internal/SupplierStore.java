package org.ordo.purchasing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Address;
import org.ordo.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Suppliers and their offers in tables supplier, supplier_item and supplier_item_price. */
@Component
class SupplierStore {

    /** A supplier; {@code address} and {@code email} may be null. */
    record Supplier(
            UUID id,
            String name,
            String contactName,
            String email,
            String currency,
            int paymentTermsDays,
            Address address,
            boolean active,
            Instant createdAt,
            Instant updatedAt) {}

    /** A supplier's offer of one SKU, priced in the supplier's currency. */
    record Offer(
            UUID supplierId,
            String sku,
            String supplierItemCode,
            Money unitPrice,
            long minimumOrderQuantity,
            long packSize,
            int leadTimeDays,
            Instant updatedAt) {}

    /** An offer of an active supplier, with what replenishment chooses by. */
    record ActiveOffer(Offer offer, String supplierName, String currency) {}

    /** A price an offer took, for the scorecard. */
    record PriceChange(String sku, Money unitPrice, Instant changedAt, String actor) {}

    private final JdbcClient jdbc;

    SupplierStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Supplier s) {
        jdbc.sql("""
                        INSERT INTO supplier (id, name, contact_name, email, currency, payment_terms_days, address_name,
                          address_line1, address_line2, address_city, address_region, address_postal, address_country,
                          active, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(addressParams(
                        s,
                        Arrays.asList(
                                s.id(), s.name(), s.contactName(), s.email(), s.currency(), s.paymentTermsDays())))
                .param(s.active())
                .param(Timestamp.from(s.createdAt()))
                .param(Timestamp.from(s.updatedAt()))
                .update();
    }

    void update(Supplier s) {
        jdbc.sql("""
                        UPDATE supplier SET name = ?, contact_name = ?, email = ?, currency = ?, payment_terms_days = ?,
                          address_name = ?, address_line1 = ?, address_line2 = ?, address_city = ?, address_region = ?,
                          address_postal = ?, address_country = ?, active = ?, updated_at = ? WHERE id = ?""")
                .params(addressParams(
                        s, Arrays.asList(s.name(), s.contactName(), s.email(), s.currency(), s.paymentTermsDays())))
                .param(s.active())
                .param(Timestamp.from(s.updatedAt()))
                .param(s.id())
                .update();
    }

    private static List<Object> addressParams(Supplier s, List<Object> before) {
        List<Object> params = new ArrayList<>(before);
        Address a = s.address();
        params.add(a == null ? null : a.name());
        params.add(a == null ? null : a.line1());
        params.add(a == null ? null : a.line2());
        params.add(a == null ? null : a.city());
        params.add(a == null ? null : a.region());
        params.add(a == null ? null : a.postalCode());
        params.add(a == null ? null : a.country());
        return params;
    }

    Optional<Supplier> find(UUID id) {
        return jdbc.sql("SELECT * FROM supplier WHERE id = ?")
                .param(id)
                .query(SupplierStore::supplier)
                .optional();
    }

    Optional<Supplier> lock(UUID id) {
        return jdbc.sql("SELECT * FROM supplier WHERE id = ? FOR UPDATE")
                .param(id)
                .query(SupplierStore::supplier)
                .optional();
    }

    /** Suppliers by name; {@code active} null for all. */
    PageResult<Supplier> search(Boolean active, Paging paging) {
        String where = active == null ? "" : " WHERE active = " + (active ? "TRUE" : "FALSE");
        long total = jdbc.sql("SELECT COUNT(*) FROM supplier" + where)
                .query(Long.class)
                .single();
        List<Supplier> items = jdbc.sql("SELECT * FROM supplier" + where + " ORDER BY name, id LIMIT ? OFFSET ?")
                .params(paging.size(), paging.offset())
                .query(SupplierStore::supplier)
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    Optional<Offer> offer(UUID supplierId, String sku) {
        return jdbc.sql("SELECT o.*, s.currency FROM supplier_item o JOIN supplier s ON s.id = o.supplier_id "
                        + "WHERE o.supplier_id = ? AND o.sku = ?")
                .params(supplierId, sku)
                .query(SupplierStore::offer)
                .optional();
    }

    List<Offer> offers(UUID supplierId) {
        return jdbc.sql("SELECT o.*, s.currency FROM supplier_item o JOIN supplier s ON s.id = o.supplier_id "
                        + "WHERE o.supplier_id = ? ORDER BY o.sku")
                .param(supplierId)
                .query(SupplierStore::offer)
                .list();
    }

    /** The offers of active suppliers for these SKUs. */
    List<ActiveOffer> activeOffers(Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT o.*, s.currency, s.name AS supplier_name FROM supplier_item o "
                        + "JOIN supplier s ON s.id = o.supplier_id WHERE s.active = TRUE AND o.sku IN (:skus) "
                        + "ORDER BY o.sku, o.supplier_id")
                .param("skus", skus)
                .query((rs, n) ->
                        new ActiveOffer(offer(rs, n), rs.getString("supplier_name"), rs.getString("currency")))
                .list();
    }

    /** Inserts or replaces an offer; a new price is remembered for the scorecard. */
    void upsertOffer(Offer offer, String actor) {
        Optional<Offer> before = offer(offer.supplierId(), offer.sku());
        if (before.isPresent()) {
            jdbc.sql("""
                            UPDATE supplier_item SET supplier_item_code = ?, unit_price = ?, minimum_order_quantity = ?,
                              pack_size = ?, lead_time_days = ?, updated_at = ? WHERE supplier_id = ? AND sku = ?""")
                    .params(
                            offer.supplierItemCode(),
                            offer.unitPrice().amount(),
                            offer.minimumOrderQuantity(),
                            offer.packSize(),
                            offer.leadTimeDays(),
                            Timestamp.from(offer.updatedAt()),
                            offer.supplierId(),
                            offer.sku())
                    .update();
        } else {
            jdbc.sql("""
                            INSERT INTO supplier_item (supplier_id, sku, supplier_item_code, unit_price,
                              minimum_order_quantity, pack_size, lead_time_days, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            offer.supplierId(),
                            offer.sku(),
                            offer.supplierItemCode(),
                            offer.unitPrice().amount(),
                            offer.minimumOrderQuantity(),
                            offer.packSize(),
                            offer.leadTimeDays(),
                            Timestamp.from(offer.updatedAt()))
                    .update();
        }
        if (before.isEmpty() || !before.get().unitPrice().equals(offer.unitPrice())) {
            jdbc.sql("INSERT INTO supplier_item_price (supplier_id, sku, unit_price, changed_at, actor) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(
                            offer.supplierId(),
                            offer.sku(),
                            offer.unitPrice().amount(),
                            Timestamp.from(offer.updatedAt()),
                            actor)
                    .update();
        }
    }

    /** The prices the supplier's offers took from {@code from} up to but excluding {@code to}, oldest first. */
    List<PriceChange> priceChanges(UUID supplierId, String currency, Instant from, Instant to) {
        return jdbc.sql("SELECT sku, unit_price, changed_at, actor FROM supplier_item_price "
                        + "WHERE supplier_id = ? AND changed_at >= ? AND changed_at < ? ORDER BY changed_at, id")
                .params(supplierId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new PriceChange(
                        rs.getString("sku"),
                        Money.of(rs.getBigDecimal("unit_price"), currency),
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("actor")))
                .list();
    }

    private static Supplier supplier(ResultSet rs, int row) throws SQLException {
        Address address = rs.getString("address_line1") == null
                ? null
                : new Address(
                        rs.getString("address_name"),
                        rs.getString("address_line1"),
                        blankToNull(rs.getString("address_line2")),
                        rs.getString("address_city"),
                        blankToNull(rs.getString("address_region")),
                        rs.getString("address_postal"),
                        rs.getString("address_country"));
        return new Supplier(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                blankToNull(rs.getString("contact_name")),
                blankToNull(rs.getString("email")),
                rs.getString("currency"),
                rs.getInt("payment_terms_days"),
                address,
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Offer offer(ResultSet rs, int row) throws SQLException {
        return new Offer(
                rs.getObject("supplier_id", UUID.class),
                rs.getString("sku"),
                blankToNull(rs.getString("supplier_item_code")),
                Money.of(rs.getBigDecimal("unit_price"), rs.getString("currency")),
                rs.getLong("minimum_order_quantity"),
                rs.getLong("pack_size"),
                rs.getInt("lead_time_days"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
