package org.ordo.inventory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ordo.identity.AuditTrail;
import org.ordo.inventory.WarehouseView;
import org.ordo.shared.Address;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Warehouses (table warehouse). */
@Component
class WarehouseService {

    record Warehouse(String code, String name, Address address, boolean active, Instant createdAt) {

        WarehouseView view() {
            return new WarehouseView(code, name, address, active);
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    WarehouseService(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    Warehouse create(String code, String name, Address address) {
        List<FieldViolation> problems = new ArrayList<>();
        if (code == null || !code.matches("[A-Z0-9_-]{1,32}")) {
            problems.add(new FieldViolation("code", "must be 1 to 32 upper-case letters, digits, '-' or '_'"));
        }
        check(name, address, problems);
        Warehouse warehouse = new Warehouse(code, name.trim(), address, true, Instant.now());
        try {
            jdbc.sql(
                            "INSERT INTO warehouse (code, name, name_line, line1, line2, city, region, postal_code, country, active, created_at) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?)")
                    .params(
                            code,
                            warehouse.name(),
                            part(address, 0),
                            part(address, 1),
                            part(address, 2),
                            part(address, 3),
                            part(address, 4),
                            part(address, 5),
                            part(address, 6),
                            Timestamp.from(warehouse.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw OrdoException.conflict("duplicate-warehouse", "Warehouse " + code + " already exists.");
        }
        audit.record("WAREHOUSE", code, "CREATED", null, warehouse);
        return warehouse;
    }

    /** Name, address and active flag; the row lock keeps the warehouse's audit chain linear. */
    @Transactional
    Warehouse update(String code, String name, Address address, boolean active) {
        List<FieldViolation> problems = new ArrayList<>();
        check(name, address, problems);
        Warehouse before = jdbc.sql("SELECT * FROM warehouse WHERE code = ? FOR UPDATE")
                .param(code)
                .query(WarehouseService::map)
                .optional()
                .orElseThrow(() -> OrdoException.notFound("Warehouse", code));
        Warehouse after = new Warehouse(code, name.trim(), address, active, before.createdAt());
        if (after.equals(before)) {
            return before;
        }
        jdbc.sql(
                        "UPDATE warehouse SET name = ?, name_line = ?, line1 = ?, line2 = ?, city = ?, region = ?, postal_code = ?, country = ?, "
                                + "active = ? WHERE code = ?")
                .params(
                        after.name(),
                        part(address, 0),
                        part(address, 1),
                        part(address, 2),
                        part(address, 3),
                        part(address, 4),
                        part(address, 5),
                        part(address, 6),
                        active,
                        code)
                .update();
        audit.record("WAREHOUSE", code, "UPDATED", before, after);
        return after;
    }

    /** Adds the problems of a name and an address, and throws them all, if any. */
    private static void check(String name, Address address, List<FieldViolation> problems) {
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.add(new FieldViolation("name", "must be 1 to 200 characters"));
        }
        if (address != null) {
            problems.addAll(address.violations("address"));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
    }

    List<Warehouse> all() {
        return jdbc.sql("SELECT * FROM warehouse ORDER BY code")
                .query(WarehouseService::map)
                .list();
    }

    Optional<Warehouse> find(String code) {
        return jdbc.sql("SELECT * FROM warehouse WHERE code = ?")
                .param(code)
                .query(WarehouseService::map)
                .optional();
    }

    private static String part(Address a, int index) {
        if (a == null) {
            return null;
        }
        return switch (index) {
            case 0 -> a.name();
            case 1 -> a.line1();
            case 2 -> a.line2();
            case 3 -> a.city();
            case 4 -> a.region();
            case 5 -> a.postalCode();
            default -> a.country();
        };
    }

    private static Warehouse map(ResultSet rs, int row) throws SQLException {
        Address address = rs.getString("line1") == null
                ? null
                : new Address(
                        rs.getString("name_line"),
                        rs.getString("line1"),
                        rs.getString("line2"),
                        rs.getString("city"),
                        rs.getString("region"),
                        rs.getString("postal_code"),
                        rs.getString("country"));
        return new Warehouse(
                rs.getString("code"),
                rs.getString("name"),
                address,
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant());
    }
}
