package org.ordo.platform.internal;

import java.util.Comparator;
import java.util.List;
import org.ordo.platform.ConsistencyCheck;
import org.ordo.platform.InvariantCheck;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Re-derives and checks the invariants of docs/domain.md across all modules. */
@RestController
class ConsistencyController {

    record ConsistencyReport(boolean consistent, List<InvariantCheck> checks) {}

    private final List<ConsistencyCheck> checks;

    ConsistencyController(List<ConsistencyCheck> checks) {
        this.checks = checks;
    }

    @GetMapping("/api/admin/consistency")
    @PreAuthorize("hasRole('ADMIN')")
    ConsistencyReport consistency() {
        List<InvariantCheck> results = checks.stream()
                .flatMap(c -> c.check().stream())
                .sorted(Comparator.comparingInt(InvariantCheck::invariant).thenComparing(InvariantCheck::name))
                .toList();
        return new ConsistencyReport(results.stream().allMatch(InvariantCheck::holds), results);
    }
}
