package org.ordo.customers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.customers.InvoicingPolicy;
import org.ordo.platform.LikePattern;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Address;
import org.ordo.shared.ExternalReference;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The customer table, and the {@link Customers} other modules read. Addresses are stored as billing_* and shipping_* columns. */
@Component
class CustomerStore implements Customers {

    private static final String SELECT = "SELECT * FROM customer";

    private final JdbcClient jdbc;

    CustomerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CustomerSnapshot> find(UUID id) {
        return LockedCustomers.find(id).or(() -> customer(id).map(Customer::snapshot));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public CustomerSnapshot lockForCreditCheck(UUID id) {
        return lockIfExists(id).orElseThrow(() -> OrdoException.notFound("Customer", id));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<CustomerSnapshot> lockIfExists(UUID id) {
        Optional<CustomerSnapshot> locked = lock(id).map(Customer::snapshot);
        locked.ifPresent(LockedCustomers::remember);
        return locked;
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("SELECT id, name FROM customer WHERE id IN (:ids)")
                .param("ids", Set.copyOf(ids))
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return names;
    }

    @Override
    public List<CustomerSnapshot> search(String q, int limit) {
        return search(q, null, Paging.of(0, Math.min(Math.max(limit, 1), Paging.MAX_SIZE))).items().stream()
                .map(Customer::snapshot)
                .toList();
    }

    @Override
    public Optional<UUID> idOf(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String typed = reference.trim();
        Optional<UUID> byNumber = jdbc.sql("SELECT id FROM customer WHERE number = ?")
                .param(typed.toUpperCase(Locale.ROOT))
                .query(UUID.class)
                .optional();
        if (byNumber.isPresent()) {
            return byNumber;
        }
        // a name names a customer only when no other has it
        List<UUID> byName = jdbc.sql("SELECT id FROM customer WHERE LOWER(name) = ? LIMIT 2")
                .param(typed.toLowerCase(Locale.ROOT))
                .query(UUID.class)
                .list();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
    }

    Optional<Customer> customer(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id)
                .query(CustomerStore::map)
                .optional();
    }

    /** Reads the customer and locks its row until the transaction ends. */
    Optional<Customer> lock(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ? FOR UPDATE")
                .param(id)
                .query(CustomerStore::map)
                .optional();
    }

    /**
     * Customers whose number is {@code q} or whose name or e-mail contains it (any case), ordered by name. {@code onlyId}, when not null,
     * restricts the result to that customer (a customer's own user).
     */
    PageResult<Customer> search(String q, UUID onlyId, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            String pattern = LikePattern.containing(q.trim().toLowerCase(Locale.ROOT));
            where.append(" AND (number = ? OR LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(email) LIKE ? ESCAPE '\\')");
            params.addAll(List.of(q.trim().toUpperCase(Locale.ROOT), pattern, pattern));
        }
        if (onlyId != null) {
            where.append(" AND id = ?");
            params.add(onlyId);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM customer" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(paging.size());
        pageParams.add(paging.offset());
        List<Customer> items = jdbc.sql(SELECT + where + " ORDER BY name, id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(CustomerStore::map)
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /**
     * The next customer number, {@code CUS-000123}, from the counter row: its lock serialises creations until the
     * transaction ends and a rollback gives the number back, so the numbers have no gaps.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    String nextNumber() {
        jdbc.sql("UPDATE customer_number_counter SET last_number = last_number + 1 WHERE id = 1")
                .update();
        long n = jdbc.sql("SELECT last_number FROM customer_number_counter WHERE id = 1")
                .query(Long.class)
                .single();
        return String.format("CUS-%06d", n);
    }

    void insert(UUID id, String number, CustomerDraft c, Instant now) {
        LockedCustomers.forget();
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.add(number);
        params.addAll(fields(c));
        params.add(Timestamp.from(now));
        params.add(Timestamp.from(now));
        jdbc.sql(
                        "INSERT INTO customer (id, number, name, email, phone, "
                                + "billing_name, billing_line1, billing_line2, billing_city, billing_region, billing_postal_code, billing_country, "
                                + "shipping_name, shipping_line1, shipping_line2, shipping_city, shipping_region, shipping_postal_code, "
                                + "shipping_country, currency, credit_limit, payment_terms_days, preferred_warehouse, active, "
                                + "invoicing_policy, tax_exempt, vat_id, language, billing_email, customer_group, version, created_at, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(params)
                .update();
    }

    /** The customer an outside system's id names, if it was PUT before. */
    Optional<UUID> idOfExternal(ExternalReference ref) {
        return jdbc.sql("SELECT customer_id FROM customer_external_id WHERE system = ? AND external_id = ?")
                .params(ref.system(), ref.externalId())
                .query(UUID.class)
                .optional();
    }

    /** Names the customer by an outside id; a DuplicateKeyException when another transaction named a customer by it first. */
    void insertExternal(ExternalReference ref, UUID customerId, Instant now) {
        jdbc.sql("INSERT INTO customer_external_id (system, external_id, customer_id, created_at) VALUES (?, ?, ?, ?)")
                .params(ref.system(), ref.externalId(), customerId, Timestamp.from(now))
                .update();
    }

    /** The outside ids of a customer, by system. */
    List<ExternalReference> externalIds(UUID customerId) {
        return jdbc.sql("SELECT system, external_id FROM customer_external_id WHERE customer_id = ? "
                        + "ORDER BY system, external_id")
                .param(customerId)
                .query((rs, n) -> new ExternalReference(rs.getString("system"), rs.getString("external_id")))
                .list();
    }

    /** Writes every field and bumps the version; the caller holds the row lock and has checked the version. */
    void update(UUID id, CustomerDraft c, Instant now) {
        LockedCustomers.forget();
        List<Object> params = new ArrayList<>(fields(c));
        params.add(Timestamp.from(now));
        params.add(id);
        jdbc.sql("UPDATE customer SET name = ?, email = ?, phone = ?, "
                        + "billing_name = ?, billing_line1 = ?, billing_line2 = ?, billing_city = ?, billing_region = ?, "
                        + "billing_postal_code = ?, billing_country = ?, "
                        + "shipping_name = ?, shipping_line1 = ?, shipping_line2 = ?, shipping_city = ?, shipping_region = ?, "
                        + "shipping_postal_code = ?, shipping_country = ?, "
                        + "currency = ?, credit_limit = ?, payment_terms_days = ?, preferred_warehouse = ?, active = ?, "
                        + "invoicing_policy = ?, tax_exempt = ?, vat_id = ?, language = ?, billing_email = ?, customer_group = ?, "
                        + "version = version + 1, updated_at = ? WHERE id = ?")
                .params(params)
                .update();
    }

    /** name .. customer_group, in the column order of insert and update. */
    private static List<Object> fields(CustomerDraft c) {
        List<Object> values = new ArrayList<>();
        values.add(c.name());
        values.add(c.email());
        values.add(c.phone());
        values.addAll(columns(c.billingAddress()));
        values.addAll(columns(c.shippingAddress()));
        values.add(c.currency());
        values.add(c.creditLimit().amount());
        values.add(c.paymentTermsDays());
        values.add(c.preferredWarehouse());
        values.add(c.active());
        values.add(c.invoicingPolicy().name());
        values.add(c.taxExempt());
        values.add(c.vatId());
        values.add(c.language());
        values.add(c.billingEmail());
        values.add(c.group());
        return values;
    }

    private static List<Object> columns(Address a) {
        // Arrays.asList, not List.of: an absent address is seven NULL columns
        return a == null
                ? Arrays.asList(new Object[7])
                : Arrays.asList(a.name(), a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country());
    }

    private static Customer map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency").trim();
        return new Customer(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("phone"),
                address(rs, "billing_"),
                address(rs, "shipping_"),
                currency,
                Money.of(rs.getBigDecimal("credit_limit"), currency),
                rs.getInt("payment_terms_days"),
                rs.getString("preferred_warehouse"),
                rs.getBoolean("active"),
                InvoicingPolicy.valueOf(rs.getString("invoicing_policy")),
                rs.getBoolean("tax_exempt"),
                rs.getString("vat_id"),
                rs.getString("language"),
                rs.getString("billing_email"),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("customer_group"));
    }

    @Override
    public List<String> groups() {
        return jdbc
                .sql("SELECT DISTINCT customer_group FROM customer WHERE customer_group IS NOT NULL")
                .query((rs, n) -> rs.getString("customer_group"))
                .list()
                .stream()
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
    }

    /** An address is stored whole or not at all; a validated address always has a country. */
    private static Address address(ResultSet rs, String prefix) throws SQLException {
        String country = rs.getString(prefix + "country");
        if (country == null) {
            return null;
        }
        return new Address(
                rs.getString(prefix + "name"),
                rs.getString(prefix + "line1"),
                rs.getString(prefix + "line2"),
                rs.getString(prefix + "city"),
                rs.getString(prefix + "region"),
                rs.getString(prefix + "postal_code"),
                country.trim());
    }
}
