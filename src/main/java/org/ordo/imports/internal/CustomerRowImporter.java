package org.ordo.imports.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ordo.customers.CustomerAdmin;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.imports.ImportKind;
import org.ordo.imports.Imports.RowOutcome;
import org.ordo.platform.MoneyInput;
import org.ordo.shared.Address;
import org.springframework.stereotype.Component;

/**
 * New customers, one per row, created as {@code POST /api/customers} creates them. A row whose e-mail (or, without
 * one, whose exact name) a customer already has is that customer: it is left as it is, so a file imported twice makes
 * each customer once.
 */
@Component
class CustomerRowImporter implements RowImporter {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("billingAddress.line1", "billing_line1"),
            Map.entry("billingAddress.line2", "billing_line2"),
            Map.entry("billingAddress.city", "billing_city"),
            Map.entry("billingAddress.region", "billing_region"),
            Map.entry("billingAddress.postalCode", "billing_postal_code"),
            Map.entry("billingAddress.country", "billing_country"),
            Map.entry("billingAddress.name", "name"),
            Map.entry("creditLimit.amount", "credit_limit"),
            Map.entry("creditLimit.currency", "currency"),
            Map.entry("paymentTermsDays", "payment_terms_days"),
            Map.entry("vatId", "vat_id"),
            Map.entry("billingEmail", "billing_email"));

    private final CustomerAdmin admin;
    private final Customers customers;

    CustomerRowImporter(CustomerAdmin admin, Customers customers) {
        this.admin = admin;
        this.customers = customers;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CUSTOMERS;
    }

    @Override
    public List<String> columns() {
        return List.of(
                "name",
                "email",
                "phone",
                "currency",
                "billing_line1",
                "billing_line2",
                "billing_city",
                "billing_region",
                "billing_postal_code",
                "billing_country",
                "credit_limit",
                "payment_terms_days",
                "language",
                "vat_id",
                "billing_email");
    }

    @Override
    public List<String> required() {
        return List.of("name", "currency", "billing_line1", "billing_city", "billing_postal_code", "billing_country");
    }

    @Override
    public List<RowOutcome> apply(List<CsvFile.Row> unit) {
        CsvFile.Row row = unit.get(0);
        RowChecks checks = new RowChecks(row);
        String name = checks.required("name");
        Long terms = checks.number("payment_terms_days", false);
        checks.done();
        Optional<String> existing = existing(name, row.get("email"));
        if (existing.isPresent()) {
            return List.of(new RowOutcome(row.line(), UNCHANGED, null, null, null, existing.get()));
        }
        Address billing = new Address(
                name,
                row.get("billing_line1"),
                row.get("billing_line2"),
                row.get("billing_city"),
                row.get("billing_region"),
                row.get("billing_postal_code"),
                row.get("billing_country"));
        String limit = row.get("credit_limit");
        CustomerAdmin.CustomerDetails created = admin.create(new CustomerAdmin.CustomerInput(
                name,
                row.get("email"),
                row.get("phone"),
                billing,
                null,
                row.get("currency"),
                limit == null ? null : new MoneyInput(limit, row.get("currency")),
                terms == null ? null : Math.toIntExact(terms),
                null,
                true,
                null,
                false,
                row.get("vat_id"),
                row.get("language"),
                row.get("billing_email")));
        return List.of(new RowOutcome(row.line(), APPLIED, null, null, null, created.number()));
    }

    /** The number of the customer this row already is: by e-mail, or without one by exact name. */
    private Optional<String> existing(String name, String email) {
        if (email != null) {
            return customers.search(email, 50).stream()
                    .filter(c -> email.equalsIgnoreCase(c.email()))
                    .map(CustomerSnapshot::number)
                    .findFirst();
        }
        return customers
                .idOf(name)
                .flatMap(customers::find)
                .filter(c -> c.name().equalsIgnoreCase(name))
                .map(CustomerSnapshot::number);
    }

    @Override
    public String columnOf(String field) {
        return columns().contains(field) ? field : FIELDS.get(field);
    }
}
