package org.ordo.notifications;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which messages a customer gets and who else gets them: every transactional kind, the optional kinds it has not turned
 * off, each also to the additional recipients given for that kind (customers have no contacts of their own), and
 * whether its invoices carry the UBL XML besides the PDF. Internal kinds are no customer's choice and not listed.
 */
public interface NotificationPreferences {

    /** The most additional recipients of one kind. */
    int MAX_RECIPIENTS = 10;

    /** Every customer kind, in declaration order, with whether the customer gets it. */
    List<Choice> of(UUID customerId);

    /**
     * Turns off exactly the optional kinds in {@code off} and turns on the others; recipients and UBL stay as they are.
     *
     * @throws org.ordo.shared.OrdoException a transactional kind in {@code off} (400, rule
     *         {@code notification-transactional}), the customer not found (404)
     */
    default List<Choice> set(UUID customerId, Set<MessageKind> off) {
        return change(customerId, new Change(off, null, null));
    }

    /**
     * Changes what {@code change} gives; a null part stays as it is. {@code additionalRecipients} replaces the
     * recipients of the kinds it names (an empty list removes them).
     *
     * @throws org.ordo.shared.OrdoException a transactional kind turned off (rule {@code notification-transactional}),
     *         an address that is none (rule {@code notification-email}), too many for a kind (rule
     *         {@code notification-too-many}), an internal kind (rule {@code one-of}): 400; the customer not found (404)
     */
    List<Choice> change(UUID customerId, Change change);

    /** Whether the customer's invoice e-mails carry the UBL XML besides the PDF. */
    boolean wantsUblInvoices(UUID customerId);

    /**
     * One kind: whether the customer gets it, who else does, and what it carries attached ({@code PDF}, {@code UBL}).
     */
    record Choice(
            MessageKind kind,
            boolean transactional,
            boolean enabled,
            List<String> additionalRecipients,
            List<String> attachments) {}

    /** A change of preferences; null parts are left as they are. */
    record Change(
            Set<MessageKind> off, Map<MessageKind, List<String>> additionalRecipients, Boolean wantsUblInvoices) {}
}
