package org.ordo.customers.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ordo.customers.CustomerAdmin;
import org.ordo.customers.CustomerLanguages;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.InvoicingPolicy;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.identity.Role;
import org.ordo.platform.ETags;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.platform.RequestChecks;
import org.ordo.shared.Address;
import org.ordo.shared.CommonRule;
import org.ordo.shared.ExternalReference;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates and changes customers. Each change validates the whole customer (reporting every bad field at once),
 * holds the customer's row lock, bumps its version and writes an audit entry in the same transaction.
 */
@Component
class CustomerService implements CustomerAdmin {

    static final String AUDIT_ENTITY = "CUSTOMER";
    static final int DEFAULT_PAYMENT_TERMS_DAYS = 30;
    static final int MAX_PAYMENT_TERMS_DAYS = 365;
    /** Deliberately loose: one @, no spaces, a dot in the domain. Whether it exists only sending mail can tell. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static final Set<String> FIELDS = Set.of(
            "name",
            "email",
            "phone",
            "billingAddress",
            "shippingAddress",
            "currency",
            "creditLimit",
            "paymentTermsDays",
            "preferredWarehouse",
            "active",
            "invoicingPolicy",
            "taxExempt",
            "vatId",
            "language",
            "billingEmail",
            "group");
    static final int GROUP_LENGTH = 60;
    private static final Set<String> NOT_NULL =
            Set.of("name", "currency", "creditLimit", "paymentTermsDays", "active", "invoicingPolicy", "taxExempt");
    /** A VAT identifier: two-letter country prefix, then 2 to 13 letters or digits (EU VIES format, GB, CH, ...). */
    private static final Pattern VAT_ID = Pattern.compile("[A-Z]{2}[0-9A-Z]{2,13}");
    /** What ACCOUNTING may change without ADMIN or SALES: the credit terms. */
    private static final Set<String> CREDIT_TERMS = Set.of("creditLimit", "paymentTermsDays");

    private final CustomerStore customers;
    private final AuditTrail audit;
    private final JsonMapper json;

    CustomerService(CustomerStore customers, AuditTrail audit, JsonMapper json) {
        this.customers = customers;
        this.audit = audit;
        this.json = json;
    }

    @Transactional
    public Customer create(CustomerRequest request) {
        CustomerDraft draft = validate(request);
        UUID id = UUID.randomUUID();
        customers.insert(id, customers.nextNumber(), draft, now());
        Customer created = customers.customer(id).orElseThrow();
        // the uncommitted insert is this transaction's: no one else can write the customer's chain meanwhile
        audit.record(AUDIT_ENTITY, id.toString(), "CREATED", null, created);
        return created;
    }

    /** What a PUT by an outside id did: the customer as it is now, and whether it was created. */
    record Upserted(Customer customer, boolean created) {}

    /**
     * Creates the customer an outside id names the first time, replaces its fields after. When another transaction created
     * it meanwhile the mapping insert fails with a DuplicateKeyException and this whole transaction rolls back: the caller
     * tries again, and then finds it.
     */
    @Transactional
    public Upserted upsert(ExternalReference ref, CustomerRequest request) {
        Optional<UUID> mapped = customers.idOfExternal(ref);
        if (mapped.isEmpty()) {
            Customer created = create(request);
            customers.insertExternal(ref, created.id(), now());
            return new Upserted(created, true);
        }
        UUID id = mapped.get();
        Customer before = customers.lock(id).orElseThrow(() -> OrdoException.notFound("Customer", id));
        CustomerDraft draft = validate(request);
        if (draft.sameAs(before)) {
            return new Upserted(before, false);
        }
        customers.update(id, draft, now());
        Customer after = customers.customer(id).orElseThrow();
        audit.record(AUDIT_ENTITY, id.toString(), "UPDATED", before, after);
        return new Upserted(after, false);
    }

    @Override
    @Transactional
    public CustomerSnapshot create(NewCustomer c) {
        MoneyInput creditLimit = c.creditLimit() == null ? null : MoneyInput.of(c.creditLimit());
        return create(new CustomerRequest(
                        c.name(),
                        c.email(),
                        c.phone(),
                        c.billingAddress(),
                        c.shippingAddress(),
                        c.currency(),
                        creditLimit,
                        c.paymentTermsDays(),
                        c.preferredWarehouse(),
                        true,
                        null,
                        null,
                        null,
                        null,
                        null,
                        c.group()))
                .snapshot();
    }

    @Override
    public PageResult<CustomerDetails> search(String q, Paging paging) {
        return customers.search(q, null, paging).map(Customer::details);
    }

    @Override
    public Optional<CustomerDetails> details(UUID id) {
        return customers.customer(id).map(Customer::details);
    }

    @Override
    @Transactional
    public CustomerDetails create(CustomerInput c) {
        return create(request(c)).details();
    }

    @Override
    @Transactional
    public CustomerDetails update(UUID id, long expectedVersion, CustomerInput c) {
        if (!Actor.current().hasAnyRole(Role.ADMIN, Role.SALES)) {
            throw OrdoException.forbidden("Only ADMIN or SALES may change a customer's details.", List.of());
        }
        Customer before = customers.lock(id).orElseThrow(() -> OrdoException.notFound("Customer", id));
        ETags.requireMatch(ETags.of(expectedVersion), before.version(), "Customer " + id);
        CustomerDraft draft = validate(request(c));
        if (draft.sameAs(before)) {
            return before.details();
        }
        customers.update(id, draft, now());
        Customer after = customers.customer(id).orElseThrow();
        audit.record(AUDIT_ENTITY, id.toString(), "UPDATED", before, after);
        return after.details();
    }

    private static CustomerRequest request(CustomerInput c) {
        return new CustomerRequest(
                c.name(),
                c.email(),
                c.phone(),
                c.billingAddress(),
                c.shippingAddress(),
                c.currency(),
                c.creditLimit(),
                c.paymentTermsDays(),
                c.preferredWarehouse(),
                c.active(),
                c.invoicingPolicy() == null ? null : c.invoicingPolicy().name(),
                c.taxExempt(),
                c.vatId(),
                c.language(),
                c.billingEmail(),
                c.group());
    }

    /** Changes only the fields present in {@code patch}; JSON null clears a nullable field. */
    @Transactional
    public Customer patch(UUID id, String ifMatch, JsonNode patch) {
        RequestChecks.checkPatch(patch, FIELDS, NOT_NULL);
        Actor actor = Actor.current();
        if (!actor.hasAnyRole(Role.ADMIN, Role.SALES)) {
            List<FieldViolation> refused = patch.propertyNames().stream()
                    .filter(field -> !CREDIT_TERMS.contains(field))
                    .map(field -> new FieldViolation(field, "may be changed only by ADMIN or SALES"))
                    .toList();
            if (!refused.isEmpty()) {
                throw OrdoException.forbidden("You may change only creditLimit and paymentTermsDays.", refused);
            }
        }
        Customer before = customers.lock(id).orElseThrow(() -> OrdoException.notFound("Customer", id));
        ETags.requireMatch(ifMatch, before.version(), "Customer " + id);
        CustomerDraft draft =
                validate(RequestChecks.merge(json, CustomerRequest.of(before), patch, CustomerRequest.class));
        if (draft.sameAs(before)) {
            // nothing changes: no new version, no audit entry
            return before;
        }
        customers.update(id, draft, now());
        Customer after = customers.customer(id).orElseThrow();
        audit.record(AUDIT_ENTITY, id.toString(), "UPDATED", before, after);
        return after;
    }

    /** Checks every field, reports all problems at once and applies the defaults. */
    CustomerDraft validate(CustomerRequest r) {
        List<FieldViolation> problems = new ArrayList<>();
        RequestChecks.text(problems, "name", r.name(), 200, true);
        email(problems, "email", r.email());
        email(problems, "billingEmail", r.billingEmail());
        String language = language(problems, r.language());
        RequestChecks.text(problems, "phone", r.phone(), 40, false);
        address(problems, "billingAddress", r.billingAddress());
        address(problems, "shippingAddress", r.shippingAddress());
        Currency currency = currency(problems, r.currency());
        Money creditLimit = creditLimit(problems, r, currency);
        int terms = r.paymentTermsDays() == null ? DEFAULT_PAYMENT_TERMS_DAYS : r.paymentTermsDays();
        if (terms < 0 || terms > MAX_PAYMENT_TERMS_DAYS) {
            problems.add(new FieldViolation("paymentTermsDays", "must be between 0 and " + MAX_PAYMENT_TERMS_DAYS));
        }
        // a warehouse code as given: inventory owns warehouses, and customers must not depend on it
        RequestChecks.text(problems, "preferredWarehouse", r.preferredWarehouse(), 32, false);
        InvoicingPolicy policy = invoicingPolicy(problems, r.invoicingPolicy());
        String vatId = vatId(problems, r.vatId());
        String group = blankToNull(r.group()) == null ? null : r.group().trim();
        RequestChecks.text(problems, "group", group, GROUP_LENGTH, false);
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        Address shipping = r.shippingAddress() == null ? r.billingAddress() : r.shippingAddress();
        return new CustomerDraft(
                r.name(),
                blankToNull(r.email()),
                blankToNull(r.phone()),
                r.billingAddress(),
                shipping,
                currency.getCurrencyCode(),
                creditLimit,
                terms,
                blankToNull(r.preferredWarehouse()),
                r.active() == null || r.active(),
                policy,
                Boolean.TRUE.equals(r.taxExempt()),
                vatId,
                language,
                blankToNull(r.billingEmail()),
                group);
    }

    /** The language named, English when none is. */
    private static String language(List<FieldViolation> problems, String given) {
        if (given == null || given.isBlank()) {
            return CustomerLanguages.DEFAULT;
        }
        if (!CustomerLanguages.TAGS.contains(given)) {
            problems.add(CommonRule.ONE_OF.at("language", CustomerLanguages.TAGS));
        }
        return given;
    }

    private static void email(List<FieldViolation> problems, String field, String email) {
        RequestChecks.text(problems, field, email, 254, false);
        if (email != null
                && !email.isBlank()
                && email.length() <= 254
                && !EMAIL.matcher(email).matches()) {
            problems.add(new FieldViolation(field, "must be an e-mail address"));
        }
    }

    /** The customer's currency, or null (and a problem) when the code is missing or not ISO 4217. */
    private static Currency currency(List<FieldViolation> problems, String code) {
        try {
            return Money.currency(code);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldViolation("currency", code == null ? "must not be blank" : e.getMessage()));
            return null;
        }
    }

    /** The credit limit as given, in the customer's currency; none given is zero. */
    private static Money creditLimit(List<FieldViolation> problems, CustomerRequest r, Currency currency) {
        if (r.creditLimit() == null) {
            return currency == null ? null : Money.zero(currency);
        }
        Money creditLimit = r.creditLimit().toMoney("creditLimit", problems);
        if (creditLimit != null && currency != null && !creditLimit.currency().equals(currency)) {
            problems.add(new FieldViolation("creditLimit.currency", "must be the customer's currency " + currency));
        }
        return creditLimit;
    }

    /** The policy named, ON_SHIPMENT when none is. */
    private static InvoicingPolicy invoicingPolicy(List<FieldViolation> problems, String name) {
        if (name == null) {
            return InvoicingPolicy.ON_SHIPMENT;
        }
        try {
            return InvoicingPolicy.valueOf(name);
        } catch (IllegalArgumentException e) {
            problems.add(CommonRule.ONE_OF.at("invoicingPolicy", List.of(InvoicingPolicy.values())));
            return InvoicingPolicy.ON_SHIPMENT;
        }
    }

    private static String vatId(List<FieldViolation> problems, String given) {
        String vatId = blankToNull(given);
        if (vatId != null && !VAT_ID.matcher(vatId).matches()) {
            problems.add(new FieldViolation(
                    "vatId",
                    "must be a VAT identifier: country prefix and 2 to 13 letters or digits, "
                            + "without spaces, e.g. DE123456789"));
        }
        return vatId;
    }

    private static void address(List<FieldViolation> problems, String path, Address address) {
        if (address == null) {
            return;
        }
        problems.addAll(address.violations(path));
        // PostgreSQL refuses NUL in text columns; the length and presence checks are Address's own
        String[][] parts = {
            {"name", address.name()},
            {"line1", address.line1()},
            {"line2", address.line2()},
            {"city", address.city()},
            {"region", address.region()},
            {"postalCode", address.postalCode()}
        };
        for (String[] part : parts) {
            if (part[1] != null && part[1].indexOf('\0') >= 0) {
                problems.add(new FieldViolation(path + "." + part[0], "must not contain NUL characters"));
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Microseconds: what both databases store, so what is returned equals what a later read returns. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
