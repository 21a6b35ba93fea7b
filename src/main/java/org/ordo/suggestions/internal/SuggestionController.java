package org.ordo.suggestions.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.shared.OrdoException;
import org.ordo.suggestions.Suggestions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/customers/{id}/suggestions}: staff who sell or answer customers read any customer's, a customer's own
 * user only its own (another customer's is not found); ADMIN refreshes the pairs bought together.
 */
@RestController
@Tag(name = "Suggestions")
class SuggestionController {

    private static final int DEFAULT_LIMIT = 5;

    private final Suggestions suggestions;
    private final SuggestionRefreshService refresh;
    private final Customers customers;

    SuggestionController(Suggestions suggestions, SuggestionRefreshService refresh, Customers customers) {
        this.suggestions = suggestions;
        this.refresh = refresh;
        this.customers = customers;
    }

    /** The answer: the suggestions, best first. */
    record SuggestionList(List<Suggestions.Suggestion> items) {}

    @GetMapping("/api/customers/{id}/suggestions")
    @PreAuthorize("hasAnyRole('ADMIN','SALES','SUPPORT','CUSTOMER')")
    @Operation(
            summary = "Products suggested to a customer from the order history",
            description = "sku (repeatable) names what is in the cart; none of it is suggested, nor an inactive "
                    + "product. reason is BOUGHT_TOGETHER (other orders with the cart's products had it) or "
                    + "USUALLY_ORDERED (the customer orders it often and lately); score adds both. limit: 1 to 20, "
                    + "default 5. The pairs bought together are refreshed daily.")
    SuggestionList suggestions(
            @PathVariable UUID id,
            @RequestParam(name = "sku", required = false) List<String> skus,
            @RequestParam(required = false) Integer limit) {
        Actor actor = Actor.current();
        if ((actor.isCustomer() && !id.equals(actor.customerId()))
                || customers.find(id).isEmpty()) {
            throw OrdoException.notFound("Customer", id);
        }
        return new SuggestionList(
                suggestions.forCustomer(id, skus == null ? List.of() : skus, limit == null ? DEFAULT_LIMIT : limit));
    }

    @PostMapping("/api/admin/jobs/suggestions")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Refresh the products bought together now",
            description =
                    "Recomputes the pairs from the orders of the history window (ordo.suggestions.history-months), "
                            + "as the daily refresh does. 'ran' is false when another node held the refresh at the time.")
    SuggestionRefreshService.Refresh refresh() {
        return refresh.refresh();
    }
}
