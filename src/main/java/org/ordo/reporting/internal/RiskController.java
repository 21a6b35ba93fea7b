package org.ordo.reporting.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ordo.reporting.RiskAlerts;
import org.ordo.shared.CommonRule;
import org.ordo.shared.OrdoException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The risk alert feed: each caller sees the kinds of alert their roles can act on. */
@RestController
class RiskController {

    private static final String STAFF = "hasAnyRole('ADMIN','SALES','PURCHASING','SUPPORT','ACCOUNTING','WAREHOUSE')";

    record Feed(List<RiskAlerts.Alert> alerts) {}

    private final RiskAlerts risks;

    RiskController(RiskAlerts risks) {
        this.risks = risks;
    }

    @GetMapping(path = "/api/risks", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    Feed risks(
            @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) String severity,
            Authentication caller) {
        Set<RiskAlerts.Type> visible = RiskAlerts.Type.visibleTo(caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a)
                .toList());
        Set<RiskAlerts.Type> asked = EnumSet.noneOf(RiskAlerts.Type.class);
        if (type != null) {
            for (String t : type) {
                asked.add(parse(RiskAlerts.Type.class, "type", t));
            }
        }
        Set<RiskAlerts.Type> types = asked.isEmpty() ? visible : EnumSet.copyOf(asked);
        types.retainAll(visible);
        if (types.isEmpty()) {
            return new Feed(List.of());
        }
        RiskAlerts.Severity level =
                severity == null || severity.isBlank() ? null : parse(RiskAlerts.Severity.class, "severity", severity);
        return new Feed(risks.alerts(types, level));
    }

    private static <E extends Enum<E>> E parse(Class<E> kind, String field, String value) {
        try {
            return Enum.valueOf(kind, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw OrdoException.invalid(List.of(CommonRule.ONE_OF.at(field, List.of(kind.getEnumConstants()))));
        }
    }
}
