package org.ordo.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordo.customers.CustomerAdmin.CustomerDetails;
import org.ordo.customers.CustomerAdmin.CustomerInput;
import org.ordo.identity.Role;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.Paging;
import org.ordo.shared.Address;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.ordo.testing.Acting;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The customers' administration API the pages use: whole-customer edits guarded by the version. */
@OrdoTest
class CustomerAdminTests {

    @Autowired
    CustomerAdmin customers;

    @AfterEach
    void stopActing() {
        Acting.stop();
    }

    @Test
    void anAdministratorEditsEveryFieldAndAStaleVersionChangesNothing() {
        Acting.as("admin", Role.ADMIN);
        String name = Fixtures.unique("Kunde");
        CustomerDetails created = customers.create(input(name, "1000.00", 30));
        assertThat(customers.search(name, Paging.of(0, 5)).items())
                .extracting(CustomerDetails::id)
                .containsExactly(created.id());
        assertThat(created.phone()).isEqualTo("+49 30 1234");

        CustomerDetails changed = customers.update(created.id(), created.version(), input(name, "2500.00", 45));
        assertThat(changed.creditLimit()).isEqualTo(Money.of("2500.00", "EUR"));
        assertThat(changed.paymentTermsDays()).isEqualTo(45);
        assertThat(changed.version()).isEqualTo(created.version() + 1);

        OrdoException stale = catchThrowableOfType(
                OrdoException.class,
                () -> customers.update(created.id(), created.version(), input(name, "9999.00", 10)));
        assertThat(stale.kind()).isEqualTo(OrdoException.Kind.STALE);
        assertThat(customers.details(created.id()).orElseThrow().creditLimit()).isEqualTo(Money.of("2500.00", "EUR"));
    }

    @Test
    void invalidFieldsAreNamedByTheirPathAndNothingIsCreated() {
        Acting.as("admin", Role.ADMIN);
        String name = Fixtures.unique("Invalid");
        CustomerInput bad = new CustomerInput(
                name,
                "not-an-email",
                null,
                new Address(name, "", null, "Berlin", null, "10115", "XX"),
                null,
                "EUR",
                new MoneyInput("-5", "EUR"),
                30,
                null,
                true,
                InvoicingPolicy.ON_SHIPMENT,
                false,
                null,
                null,
                null);
        OrdoException invalid = catchThrowableOfType(OrdoException.class, () -> customers.create(bad));
        assertThat(invalid.violations())
                .extracting(FieldViolation::field)
                .contains("email", "billingAddress.line1", "billingAddress.country", "creditLimit.amount");
        assertThat(customers.search(name, Paging.of(0, 5)).items()).isEmpty();
    }

    @Test
    void onlyAdminOrSalesMayReplaceACustomer() {
        Acting.as("admin", Role.ADMIN);
        CustomerDetails created = customers.create(input(Fixtures.unique("Guarded"), "100.00", 30));
        Acting.as("clerk", Role.ACCOUNTING);
        OrdoException refused = catchThrowableOfType(
                OrdoException.class,
                () -> customers.update(created.id(), created.version(), input(created.name(), "100.00", 60)));
        assertThat(refused.kind()).isEqualTo(OrdoException.Kind.FORBIDDEN);
    }

    static CustomerInput input(String name, String creditLimit, int terms) {
        return new CustomerInput(
                name,
                name.toLowerCase() + "@example.com",
                "+49 30 1234",
                new Address(name, "Hauptstraße 1", null, "Berlin", null, "10115", "DE"),
                null,
                "EUR",
                new MoneyInput(creditLimit, "EUR"),
                terms,
                null,
                true,
                InvoicingPolicy.ON_SHIPMENT,
                false,
                "DE123456789",
                "en",
                null);
    }
}
