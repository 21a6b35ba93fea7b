package org.ordo.service.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.ordo.service.CaseType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service desk settings ({@code ordo.service.*}): per case type how soon the first response and the resolution are due,
 * e.g. {@code ordo.service.targets.complaint.first-response=4h}. A type not configured keeps its default.
 */
@ConfigurationProperties("ordo.service")
record ServiceProperties(Map<CaseType, Target> targets) {

    /** How long after a case is raised its first staff reply and its resolution are due. */
    record Target(Duration firstResponse, Duration resolution) {}

    private static final Map<CaseType, Target> DEFAULTS = Map.of(
            CaseType.INQUIRY, new Target(Duration.ofHours(8), Duration.ofDays(3)),
            CaseType.COMPLAINT, new Target(Duration.ofHours(4), Duration.ofDays(2)),
            CaseType.CHANGE_REQUEST, new Target(Duration.ofHours(8), Duration.ofDays(2)),
            CaseType.DELIVERY_PROBLEM, new Target(Duration.ofHours(4), Duration.ofDays(3)));

    ServiceProperties {
        Map<CaseType, Target> merged = new EnumMap<>(DEFAULTS);
        if (targets != null) {
            targets.forEach((type, target) -> merged.put(
                    type,
                    new Target(
                            target.firstResponse() == null
                                    ? DEFAULTS.get(type).firstResponse()
                                    : target.firstResponse(),
                            target.resolution() == null ? DEFAULTS.get(type).resolution() : target.resolution())));
        }
        targets = Map.copyOf(merged);
    }

    Target target(CaseType type) {
        return targets.get(type);
    }
}
