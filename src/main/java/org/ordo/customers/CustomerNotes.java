package org.ordo.customers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Customer service notes on a customer: dated, with their author (the acting user), only ever added. Each note is in the
 * customer's audit trail ({@code CUSTOMER}, action {@code NOTE_ADDED}).
 */
public interface CustomerNotes {

    int MAX_LENGTH = 2000;

    /**
     * Adds a note by the current {@link org.ordo.identity.Actor}.
     *
     * @throws org.ordo.shared.OrdoException invalid (field {@code text}) when blank or longer than {@link #MAX_LENGTH};
     *                                       not found for an unknown customer
     */
    Note add(UUID customerId, String text);

    /** The customer's notes, newest first, at most {@code limit}. */
    List<Note> of(UUID customerId, int limit);

    record Note(UUID id, UUID customerId, Instant at, String author, String text) {}
}
