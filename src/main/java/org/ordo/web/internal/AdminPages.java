package org.ordo.web.internal;

import java.util.Comparator;
import java.util.List;
import org.ordo.platform.ConsistencyCheck;
import org.ordo.platform.InvariantCheck;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Pages for administrators only: the administration's start page, and the invariants of docs/domain.md re-checked, as
 * {@code GET /api/admin/consistency}.
 */
@Controller
class AdminPages {

    private final List<ConsistencyCheck> checks;

    AdminPages(List<ConsistencyCheck> checks) {
        this.checks = checks;
    }

    /** Cards leading to every administration page. */
    @GetMapping("/admin")
    @PreAuthorize(PageAccess.ADMINS)
    String index() {
        return "admin/index";
    }

    @GetMapping("/admin/consistency")
    @PreAuthorize(PageAccess.ADMINS)
    String consistency(Model model) {
        List<InvariantCheck> results = checks.stream()
                .flatMap(c -> c.check().stream())
                .sorted(Comparator.comparingInt(InvariantCheck::invariant).thenComparing(InvariantCheck::name))
                .toList();
        model.addAttribute("checks", results);
        model.addAttribute("consistent", results.stream().allMatch(InvariantCheck::holds));
        return "admin/consistency";
    }
}
