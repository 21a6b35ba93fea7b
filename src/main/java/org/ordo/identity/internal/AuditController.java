package org.ordo.identity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    record AuditEntryView(
            long id,
            String entity,
            String entityId,
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
        return audit.entries(entity, id).stream().map(this::view).toList();
    }

    private AuditEntryView view(AuditEntry e) {
        return new AuditEntryView(
                e.id(),
                e.entity(),
                e.entityId(),
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
