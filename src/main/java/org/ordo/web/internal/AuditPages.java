package org.ordo.web.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ordo.identity.AuditEntry;
import org.ordo.identity.AuditTrail;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.IllegalTransitionException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail for administrators: entries filtered by entity type and id, actor and dates, newest first, each with what
 * changed (field by field) and the whole state before and after; whether each shown thing's hash chain is intact; CSV.
 */
@Controller
class AuditPages {

    /** The kinds of things the modules audit, each with its label {@code admin.audit.entity.<kind>}. */
    static final List<String> ENTITY_TYPES = List.of(
            "CUSTOMER",
            "DEMO_DATA",
            "INVOICE",
            "ORDER",
            "PAYMENT",
            "PRODUCT",
            "PURCHASE_ORDER",
            "RETURN",
            "SHIPMENT",
            "STOCK",
            "USER",
            "WAREHOUSE");

    private final AuditTrail audit;
    private final JsonMapper json;
    private final MessageSource messages;
    private final CompanyCalendar calendar;

    AuditPages(AuditTrail audit, JsonMapper json, MessageSource messages, CompanyCalendar calendar) {
        this.calendar = calendar;
        this.audit = audit;
        this.json = json;
        this.messages = messages;
    }

    public record Filter(String entity, String entityId, String actor, String from, String to) {

        public String query(String path, int page) {
            return ListLink.to(path)
                    .filter("entity", entity)
                    .filter("entityId", entityId)
                    .filter("actor", actor)
                    .filter("from", from)
                    .filter("to", to)
                    .page(page);
        }
    }

    /** One changed value: a path into the state ({@code unitPrice.amount}) with its value before and after. */
    public record Change(String path, String before, String after) {}

    /**
     * An entry as shown: what was done in the reader's words, its changes, its states pretty-printed, and whether its
     * thing's chain is intact.
     */
    public record Row(
            AuditEntry entry,
            String label,
            String action,
            List<Change> changes,
            String before,
            String after,
            boolean chainIntact) {}

    @GetMapping("/admin/audit")
    @PreAuthorize(PageAccess.ADMINS)
    String trail(
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String page,
            Model model) {
        Filter filter = new Filter(entity, entityId, actor, from, to);
        Map<String, String> errors = new LinkedHashMap<>();
        AuditTrail.Search search = search(filter, errors);
        PageResult<AuditEntry> result = audit.search(search, Paging.of(AdminForms.page(page), AdminForms.PAGE_SIZE));
        Map<String, Boolean> chains = new LinkedHashMap<>();
        Map<AuditTrail.Thing, String> labels = audit.labels(result.items());
        List<Row> rows = new ArrayList<>();
        for (AuditEntry e : result.items()) {
            boolean intact = chains.computeIfAbsent(
                    e.entity() + "\u0000" + e.entityId(),
                    k -> audit.verify(e.entity(), e.entityId()).isEmpty());
            String label = labels.get(new AuditTrail.Thing(e.entity(), e.entityId()));
            rows.add(new Row(e, label, action(e.action()), changes(e), pretty(e.before()), pretty(e.after()), intact));
        }
        model.addAttribute("filter", filter);
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("rows", rows);
        model.addAttribute("countCapped", result.totalItems() > AuditTrail.MAX_COUNTED);
        model.addAttribute("maxCounted", AuditTrail.MAX_COUNTED);
        model.addAttribute("lastPage", AdminForms.lastPage(result));
        model.addAttribute("entityTypes", ENTITY_TYPES);
        model.addAttribute("chosenEntity", search.entity());
        model.addAttribute("oneChain", search.entity() != null && search.entityId() != null);
        model.addAttribute(
                "chainProblems",
                search.entity() != null && search.entityId() != null
                        ? audit.verify(search.entity(), search.entityId())
                        : List.of());
        return "admin/audit";
    }

    @GetMapping("/admin/audit.csv")
    @PreAuthorize(PageAccess.ADMINS)
    ResponseEntity<String> export(
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        AuditTrail.Search search = search(new Filter(entity, entityId, actor, from, to), new LinkedHashMap<>());
        List<List<Object>> rows = AdminForms.all(page -> audit.search(search, AdminForms.exportPage(page))).stream()
                .map(e -> Arrays.<Object>asList(
                        e.id(),
                        e.entity(),
                        e.entityId(),
                        e.chainSeq(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        e.before(),
                        e.after(),
                        e.hash()))
                .toList();
        return AdminForms.csv(
                "audit-trail.csv",
                List.of("id", "entity", "entity_id", "sequence", "at", "actor", "action", "before", "after", "hash"),
                rows);
    }

    private AuditTrail.Search search(Filter filter, Map<String, String> errors) {
        LocalDate fromDate = date("from", filter.from(), errors);
        LocalDate toDate = date("to", filter.to(), errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.put("to", text("error.period.reversed"));
            toDate = null;
        }
        String entity = AdminForms.blankToNull(filter.entity());
        entity = entity == null ? null : entity.toUpperCase(java.util.Locale.ROOT);
        String entityId = AdminForms.blankToNull(filter.entityId());
        // a number or name as a person knows it stands for the id its thing is audited under
        Optional<AuditTrail.Thing> named = audit.resolve(entity, entityId);
        if (named.isPresent()) {
            entity = named.get().entity();
            entityId = named.get().entityId();
        }
        return new AuditTrail.Search(
                entity,
                entityId,
                AdminForms.blankToNull(filter.actor()),
                fromDate == null ? null : calendar.startOf(fromDate),
                toDate == null ? null : calendar.endOf(toDate));
    }

    /** Every value that differs between before and after, by its path; a creation lists what was created. */
    List<Change> changes(AuditEntry e) {
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        flatten("", tree(e.before()), before);
        flatten("", tree(e.after()), after);
        Set<String> paths = new LinkedHashSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String path : paths) {
            String was = before.get(path);
            String is = after.get(path);
            if (!Objects.equals(was, is)) {
                changes.add(new Change(path, was, is));
            }
        }
        return changes;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            if (!prefix.isEmpty()) {
                into.put(prefix, null);
            }
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
            return;
        }
        String key = prefix.isEmpty() ? "value" : prefix;
        into.put(key, node.isValueNode() ? node.asString() : node.toString());
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JacksonException notJson) {
            return json.getNodeFactory().stringNode(text);
        }
    }

    private String pretty(String text) {
        JsonNode node = tree(text);
        return node == null ? null : json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    private LocalDate date(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, text("error.date"));
            return null;
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** An action in the reader's language; one without a text yet in words ("LINES_CHANGED": "Lines changed"). */
    private String action(String code) {
        String words = IllegalTransitionException.words(code);
        String otherwise = words.isEmpty() ? code : Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return messages.getMessage("admin.audit.action." + code, null, otherwise, LocaleContextHolder.getLocale());
    }
}
