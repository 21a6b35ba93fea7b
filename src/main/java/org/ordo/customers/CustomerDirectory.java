package org.ordo.customers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.ExternalReference;

/** Finding customers and reading their contact details, for customer service (the customer pages). */
public interface CustomerDirectory {

    /**
     * Customers whose number ({@code CUS-000123}) or id is {@code q}, or whose name or e-mail contains it (any case); all for a blank {@code q}.
     * Ordered by name, through the name and e-mail indexes.
     */
    PageResult<CustomerSnapshot> search(String q, Paging paging);

    /** The customer with what only customer service needs besides the snapshot: phone and since when it is a customer. */
    Optional<Contact> contact(UUID id);

    /** {@code phone} may be null. */
    record Contact(CustomerSnapshot customer, String phone, Instant since) {}

    /** The ids outside systems know the customer by ({@code PUT /api/customers/external/...}), by system. */
    List<ExternalReference> externalIds(UUID customerId);
}
