package org.ordo.identity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ordo.identity.AuditEntry;
import org.ordo.identity.AuditTrail;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail of one thing, oldest first, with before and after as JSON objects. */
@RestController
class AuditController {

    /** {@code label}: the thing's number or name, null for things audited under a key people know (a SKU, a username). */
    record AuditEntryView(
            long id,
            String entity,
            String entityId,
            String label,
            int sequence,
            Instant at,
            String actor,
            String action,
            JsonNode before,
            JsonNode after,
            String previousHash,
            String hash) {}

    private final AuditTrail audit;
    private final JsonMapper json;

    AuditController(AuditTrail audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @GetMapping("/api/audit")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPPORT')")
    public List<AuditEntryView> entries(
            @RequestParam(required = false) String entity, @RequestParam(required = false) String id) {
        List<FieldViolation> problems = new ArrayList<>();
        if (entity == null || entity.isBlank()) {
            problems.add(new FieldViolation("entity", "is required"));
        }
        if (id == null || id.isBlank()) {
            problems.add(new FieldViolation("id", "is required"));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        String kind = entity.trim().toUpperCase(Locale.ROOT);
        // a number or name (SO-2026-000123, CUS-000001, a customer's name) stands for the id its thing is audited under
        String entityId =
                audit.resolve(kind, id.trim()).map(AuditTrail.Thing::entityId).orElse(id.trim());
        List<AuditEntry> entries = audit.entries(kind, entityId);
        Map<AuditTrail.Thing, String> labels = audit.labels(entries);
        return entries.stream()
                .map(e -> view(e, labels.get(new AuditTrail.Thing(e.entity(), e.entityId()))))
                .toList();
    }

    private AuditEntryView view(AuditEntry e, String label) {
        return new AuditEntryView(
                e.id(),
                e.entity(),
                e.entityId(),
                label,
                e.chainSeq(),
                e.at(),
                e.actor(),
                e.action(),
                parse(e.before()),
                parse(e.after()),
                e.previousHash(),
                e.hash());
    }

    /** Stored JSON as a tree; text that does not parse (it was written by hand) is shown as a string rather than hidden. */
    private JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JacksonException notJson) {
            return json.getNodeFactory().stringNode(text);
        }
    }
}
