package org.ordo.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.identity.AuditTrail;
import org.ordo.platform.Paging;
import org.ordo.shared.OrdoException;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Customer service notes and the customer search of customer service. */
@OrdoTest
class CustomerNotesTests {

    @LocalServerPort
    int port;

    @Autowired
    CustomerNotes notes;

    @Autowired
    CustomerDirectory directory;

    @Autowired
    AuditTrail audit;

    @Test
    void notesAreKeptNewestFirstWithTheirAuthorAndInTheCustomersAuditTrail() {
        UUID customer = new Fixtures(port).customer("1000.00");
        notes.add(customer, "  called about the late delivery  ");
        CustomerNotes.Note second = notes.add(customer, "promised a call back on Monday");

        assertThat(notes.of(customer, 10))
                .extracting(CustomerNotes.Note::text)
                .containsExactly("promised a call back on Monday", "called about the late delivery");
        assertThat(second.author()).isEqualTo("system");
        assertThat(second.at()).isNotNull();
        assertThat(audit.entries("CUSTOMER", customer.toString()))
                .filteredOn(e -> e.action().equals("NOTE_ADDED"))
                .hasSize(2);
    }

    @Test
    void aBlankOrTooLongNoteOrAnUnknownCustomerIsRefusedAndChangesNothing() {
        UUID customer = new Fixtures(port).customer("1000.00");
        assertThatThrownBy(() -> notes.add(customer, "   "))
                .isInstanceOfSatisfying(
                        OrdoException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactly("text"));
        assertThatThrownBy(() -> notes.add(customer, "x".repeat(CustomerNotes.MAX_LENGTH + 1)))
                .isInstanceOf(OrdoException.class);
        assertThatThrownBy(() -> notes.add(UUID.randomUUID(), "hello"))
                .isInstanceOfSatisfying(
                        OrdoException.class, e -> assertThat(e.kind()).isEqualTo(OrdoException.Kind.NOT_FOUND));
        assertThat(notes.of(customer, 10)).isEmpty();
    }

    @Test
    void customersAreFoundByPartOfTheNameOrEMailOrByTheirWholeNumber() {
        UUID customer = new Fixtures(port).customer("1000.00");
        CustomerSnapshot snapshot = directory.contact(customer).orElseThrow().customer();
        String part = snapshot.name().substring(snapshot.name().length() - 8);

        assertThat(directory.search(part.toUpperCase(), Paging.of(0, 10)).items())
                .extracting(CustomerSnapshot::id)
                .contains(customer);
        assertThat(directory.search(customer.toString(), Paging.of(0, 10)).items())
                .extracting(CustomerSnapshot::id)
                .containsExactly(customer);
        assertThat(directory
                        .search(UUID.randomUUID().toString(), Paging.of(0, 10))
                        .totalItems())
                .isZero();
        assertThat(directory.search(null, Paging.of(0, 1)).totalItems()).isGreaterThanOrEqualTo(1);
    }
}
