package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.intake.DocumentStatus;
import org.ordo.intake.IntakeRule;
import org.ordo.intake.MailOrders;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /intake}: purchase orders received as PDF or text (uploaded here or read from the mailbox), newest first; one
 * document's text next to its draft order, whose uncertain lines are highlighted, to correct, save, place or discard.
 * ADMIN and SALES, who enter orders.
 */
@Controller
class IntakePages {

    private static final int RECENT = 50;
    /** Empty rows under the draft's lines, for lines the reading missed. */
    private static final int BLANK_ROWS = 2;

    private final MailOrders mailOrders;
    private final Customers customers;
    private final ViolationTexts violations;

    IntakePages(MailOrders mailOrders, Customers customers, ViolationTexts violations) {
        this.mailOrders = mailOrders;
        this.customers = customers;
        this.violations = violations;
    }

    @GetMapping("/intake")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String list(Model model) {
        return list(model, List.of());
    }

    private String list(Model model, List<String> problems) {
        List<MailOrders.Document> documents = mailOrders.recent(RECENT);
        model.addAttribute("documents", documents);
        model.addAttribute(
                "customerNames",
                customers.names(documents.stream()
                        .map(MailOrders.Document::customerId)
                        .filter(java.util.Objects::nonNull)
                        .toList()));
        model.addAttribute("problems", problems);
        return "intake/list";
    }

    @PostMapping("/intake")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String upload(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response) {
        try {
            byte[] content = file == null ? null : file.getBytes();
            MailOrders.Draft draft = mailOrders.receive(new MailOrders.Incoming(
                    file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getContentType(),
                    content,
                    null,
                    null,
                    null));
            return "redirect:/intake/" + draft.document().id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            return list(model, refused.violations().stream().map(violations::of).toList());
        }
    }

    @GetMapping("/intake/{id}")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String review(@PathVariable UUID id, Model model) {
        MailOrders.Draft draft = mailOrders.find(id).orElseThrow(() -> OrdoException.notFound("document", id));
        String customer = Optional.ofNullable(draft.document().customerId())
                .flatMap(customers::find)
                .map(CustomerSnapshot::number)
                .orElse("");
        List<Row> rows = new ArrayList<>();
        draft.lines().forEach(l -> rows.add(Row.of(l)));
        return review(draft, customer, draft.document().poNumber(), rows, List.of(), model);
    }

    /** A line as the form shows it: what was typed stays as typed when the form is shown again. */
    record Row(
            Integer lineNumber,
            String rawText,
            String sku,
            String quantity,
            String unitPrice,
            Double confidence,
            String reason,
            boolean uncertain) {

        static Row of(MailOrders.Line l) {
            return new Row(
                    l.lineNumber(),
                    l.rawText(),
                    l.sku() == null ? "" : l.sku(),
                    l.quantity() == null ? "" : l.quantity().toString(),
                    l.unitPrice(),
                    l.confidence(),
                    l.reason(),
                    l.uncertain());
        }
    }

    private String review(
            MailOrders.Draft draft,
            String customer,
            String poNumber,
            List<Row> rows,
            List<String> problems,
            Model model) {
        List<Row> shown = new ArrayList<>(rows);
        if (draft.document().status() == DocumentStatus.DRAFT) {
            for (int i = 0; i < BLANK_ROWS; i++) {
                shown.add(new Row(null, "", "", "", null, null, null, false));
            }
        }
        model.addAttribute("draft", draft);
        model.addAttribute("doc", draft.document());
        model.addAttribute("customer", customer);
        model.addAttribute(
                "customerName",
                Optional.ofNullable(draft.document().customerId())
                        .flatMap(customers::find)
                        .map(CustomerSnapshot::name)
                        .orElse(null));
        model.addAttribute("poNumber", poNumber == null ? "" : poNumber);
        model.addAttribute("rows", shown);
        model.addAttribute("problems", problems);
        boolean editable = draft.document().status() == DocumentStatus.DRAFT;
        model.addAttribute("editable", editable);
        model.addAttribute(
                "placedBefore",
                editable ? mailOrders.placedBefore(draft.document().id()).orElse(null) : null);
        return "intake/review";
    }

    @PostMapping("/intake/{id}")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String act(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "save") String action,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response) {
        MailOrders.Draft draft = mailOrders.find(id).orElseThrow(() -> OrdoException.notFound("document", id));
        String customer = form.getOrDefault("customer", "").trim();
        String poNumber = form.getOrDefault("poNumber", "").trim();
        List<Row> rows = rows(form, draft);
        try {
            if ("discard".equals(action)) {
                mailOrders.discard(id);
                return "redirect:/intake/" + id;
            }
            MailOrders.Correction correction = correction(customer, poNumber, rows);
            if ("place".equals(action)) {
                placeKeepingCorrections(id, correction, "true".equals(form.get("placeAnyway")));
                return "redirect:/intake/" + id;
            }
            mailOrders.save(id, correction);
            return "redirect:/intake/" + id;
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            List<String> problems = refused.violations().isEmpty()
                    ? List.of(violations.refusal(refused))
                    : refused.violations().stream().map(this::problem).toList();
            return review(mailOrders.find(id).orElseThrow(), customer, poNumber, rows, problems, model);
        }
    }

    /** The corrections are kept even when the placement refuses, so that nothing typed is lost. */
    private void placeKeepingCorrections(UUID id, MailOrders.Correction correction, boolean evenIfPlacedBefore) {
        try {
            mailOrders.place(id, correction, evenIfPlacedBefore);
        } catch (OrdoException refused) {
            if (mailOrders.find(id).orElseThrow().document().status() == DocumentStatus.DRAFT) {
                mailOrders.save(id, correction);
            }
            throw refused;
        }
    }

    private String problem(FieldViolation v) {
        String field = v.field() == null ? "" : v.field();
        if (field.startsWith("lines[")) {
            int index = Integer.parseInt(field.substring(6, field.indexOf(']')));
            return "#" + (index + 1) + ": " + violations.of(v);
        }
        return violations.of(v);
    }

    private static List<Row> rows(Map<String, String> form, MailOrders.Draft draft) {
        Map<Integer, MailOrders.Line> lines = new java.util.HashMap<>();
        draft.lines().forEach(l -> lines.put(l.lineNumber(), l));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; form.containsKey("sku-" + i); i++) {
            Integer lineNumber = number(form.get("line-" + i));
            MailOrders.Line was = lineNumber == null ? null : lines.get(lineNumber);
            rows.add(new Row(
                    was == null ? null : lineNumber,
                    was == null ? "" : was.rawText(),
                    form.get("sku-" + i).trim(),
                    form.getOrDefault("quantity-" + i, "").trim(),
                    was == null ? null : was.unitPrice(),
                    was == null ? null : was.confidence(),
                    was == null ? null : was.reason(),
                    was != null && was.uncertain()));
        }
        return rows;
    }

    private MailOrders.Correction correction(String customer, String poNumber, List<Row> rows) {
        List<FieldViolation> invalid = new ArrayList<>();
        UUID customerId = null;
        if (!customer.isEmpty()) {
            customerId = customers.idOf(customer).orElse(null);
            if (customerId == null) {
                invalid.add(IntakeRule.NO_CUSTOMER.at("customerId"));
            }
        }
        List<MailOrders.LineInput> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Long quantity = null;
            if (!r.quantity().isEmpty()) {
                quantity = number(r.quantity()) == null ? null : Long.valueOf(number(r.quantity()));
                if (quantity == null) {
                    invalid.add(CommonRule.MALFORMED.at("lines[" + i + "].quantity", "a whole number"));
                }
            }
            lines.add(new MailOrders.LineInput(r.lineNumber(), r.sku(), quantity));
        }
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        return new MailOrders.Correction(customerId, poNumber, lines);
    }

    private static Integer number(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GetMapping("/intake/{id}/file")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        MailOrders.Attachment file = mailOrders.file(id).orElseThrow(() -> OrdoException.notFound("document", id));
        MediaType type = file.contentType().equals("application/pdf")
                ? MediaType.APPLICATION_PDF
                : new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(file.fileName())
                                .build()
                                .toString())
                .body(file.content());
    }
}
