package org.ordo.reporting.internal;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReportFactController {

    private final DayFactService facts;

    ReportFactController(DayFactService facts) {
        this.facts = facts;
    }

    @PostMapping("/api/admin/report-facts/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Rebuild the per-day key figure facts",
            description = "Recomputes the per-day facts of the key figures and sales reports from the orders: after "
                    + "rows were loaded or restored beside the application (docs/operations.md). Answers the days "
                    + "rebuilt and how long it took.")
    DayFactService.Rebuild rebuild() {
        return facts.rebuild();
    }
}
