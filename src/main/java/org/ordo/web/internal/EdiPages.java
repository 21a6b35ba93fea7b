package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.ordo.customers.Customers;
import org.ordo.edi.EdiInterchanges;
import org.ordo.edi.TradingPartners;
import org.ordo.identity.Actor;
import org.ordo.platform.Idempotency;
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
 * {@code /edi}: the interchanges received (newest first, a file sent by hand), one interchange with what was read from
 * it and sent back, mapping a rejected line's item code to a SKU to process its purchase order again, and the trading
 * partners with their item codes and the documents they want besides the answers; each document sent back as a file.
 * ADMIN and SALES, as {@code /api/edi}.
 */
@Controller
class EdiPages {

    private static final int PAGE_SIZE = 25;
    private static final int CUSTOMERS_SHOWN = 500;

    private final EdiInterchanges interchanges;
    private final TradingPartners partners;
    private final Customers customers;
    private final Idempotency idempotency;
    private final ViolationTexts violations;

    EdiPages(
            EdiInterchanges interchanges,
            TradingPartners partners,
            Customers customers,
            Idempotency idempotency,
            ViolationTexts violations) {
        this.interchanges = interchanges;
        this.partners = partners;
        this.customers = customers;
        this.idempotency = idempotency;
        this.violations = violations;
    }

    @GetMapping("/edi")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String list(@RequestParam(required = false) String page, Model model) {
        return list(AdminForms.page(page), "X12", Map.of(), model);
    }

    @PostMapping("/edi/upload")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String upload(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String standard,
            Model model,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!EdiInterchanges.STANDARDS.contains(standard)) {
            errors.put(
                    "standard",
                    violations.of(org.ordo.shared.CommonRule.ONE_OF.at("standard", EdiInterchanges.STANDARDS)));
        }
        byte[] bytes = bytes(file);
        if (bytes == null || bytes.length == 0) {
            errors.put("file", violations.of(org.ordo.shared.CommonRule.REQUIRED.at("file")));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return list(0, standard, errors, model);
        }
        EdiInterchanges.Receipt receipt = interchanges.receive(standard, new String(bytes, StandardCharsets.UTF_8));
        return "redirect:/edi/interchanges/" + receipt.id();
    }

    private String list(int page, String standard, Map<String, String> errors, Model model) {
        List<EdiInterchanges.Summary> upTo = interchanges.recent((page + 1) * PAGE_SIZE + 1);
        List<EdiInterchanges.Summary> shown =
                upTo.subList(Math.min(page * PAGE_SIZE, upTo.size()), Math.min((page + 1) * PAGE_SIZE, upTo.size()));
        model.addAttribute("interchanges", shown);
        model.addAttribute("page", page);
        model.addAttribute("hasNext", upTo.size() > (page + 1) * PAGE_SIZE);
        model.addAttribute("standards", EdiInterchanges.STANDARDS);
        model.addAttribute("standard", standard);
        model.addAttribute("errors", errors);
        return "edi/interchanges";
    }

    @GetMapping("/edi/interchanges/{id}")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String interchange(@PathVariable UUID id, Model model) {
        return interchange(id, null, "", Map.of(), model);
    }

    private String interchange(UUID id, String line, String sku, Map<String, String> errors, Model model) {
        EdiInterchanges.Interchange interchange =
                interchanges.find(id).orElseThrow(() -> OrdoException.notFound("interchange", id));
        model.addAttribute("interchange", interchange);
        model.addAttribute("line", line);
        model.addAttribute("sku", sku);
        model.addAttribute("errors", errors);
        model.addAttribute("submission", UUID.randomUUID().toString());
        return "edi/interchange";
    }

    /** A document sent to the partner, as the file it was: named by its control number (or reference) and kind. */
    @GetMapping("/edi/interchanges/{id}/documents/{document}/file")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    ResponseEntity<String> sentFile(@PathVariable UUID id, @PathVariable UUID document) {
        EdiInterchanges.Document sent = interchanges.find(id).stream()
                .flatMap(x -> x.documents().stream())
                .filter(d -> d.id().equals(document) && "OUT".equals(d.direction()))
                .findFirst()
                .orElseThrow(() -> OrdoException.notFound("document", document));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName(sent), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(sent.raw());
    }

    /** Answers carry no control number of their own here: the 997's reference is the one it answers, the 855's the PO. */
    private static String fileName(EdiInterchanges.Document sent) {
        String name = sent.controlNumber() != null
                ? sent.controlNumber()
                : sent.reference() != null ? sent.reference() : sent.id().toString();
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + sent.kind() + ".edi";
    }

    @PostMapping("/edi/interchanges/{id}/documents/{document}/lines/{line}/map")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String map(
            @PathVariable UUID id,
            @PathVariable UUID document,
            @PathVariable int line,
            @RequestParam(defaultValue = "") String sku,
            @RequestParam(defaultValue = "") String submission,
            Model model,
            HttpServletResponse response) {
        String lineKey = document + "-" + line;
        Map<String, Object> fingerprint = new TreeMap<>(Map.of("document", document, "line", line, "sku", sku));
        try {
            idempotency.execute("page-edi-map", key(submission, lineKey), fingerprint, () -> {
                interchanges.mapItemAndProcess(document, line, sku.trim());
                return ResponseEntity.ok().build();
            });
        } catch (OrdoException refused) {
            response.setStatus(
                    refused.kind() == OrdoException.Kind.CONFLICT
                            ? HttpServletResponse.SC_CONFLICT
                            : HttpServletResponse.SC_BAD_REQUEST);
            return interchange(id, lineKey, sku, Map.of("sku", texts(refused)), model);
        }
        return "redirect:/edi/interchanges/" + id;
    }

    @GetMapping("/edi/partners")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String partners(Model model) {
        return partners(new PartnerForm("", null, "X12", "", "", false, false), Map.of(), model);
    }

    @PostMapping("/edi/partners")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String createPartner(PartnerForm form, Model model, HttpServletResponse response) {
        return act(
                form,
                model,
                response,
                () -> partners.create(new TradingPartners.NewPartner(
                        form.name(),
                        form.customerId(),
                        form.standard(),
                        form.senderId(),
                        blankToNull(form.senderQualifier()),
                        List.of(),
                        form.shipNotices(),
                        form.invoices())));
    }

    /** An unticked box is not sent: a box missing from the form means the partner does not want those documents. */
    @PostMapping("/edi/partners/{id}/documents")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String outboundDocuments(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean shipNotices,
            @RequestParam(defaultValue = "false") boolean invoices,
            Model model,
            HttpServletResponse response) {
        return act(null, model, response, () -> partners.outboundDocuments(id, shipNotices, invoices));
    }

    @PostMapping("/edi/partners/{id}/items")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String addItem(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String partnerCode,
            @RequestParam(defaultValue = "") String sku,
            Model model,
            HttpServletResponse response) {
        return act(null, model, response, () -> partners.mapItem(id, partnerCode, sku));
    }

    @PostMapping("/edi/partners/{id}/items/remove")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String removeItem(@PathVariable UUID id, @RequestParam(defaultValue = "") String partnerCode) {
        partners.unmapItem(id, partnerCode);
        return "redirect:/edi/partners";
    }

    /** Runs a partner action, or shows the partners again with what was refused, by field. */
    private String act(PartnerForm form, Model model, HttpServletResponse response, Supplier<Object> action) {
        try {
            action.get();
            return "redirect:/edi/partners";
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldViolation v : refused.violations()) {
                // an item code's form is one line: its refusals show above the partners
                String field = form == null ? "item" : v.field();
                errors.merge(field, violations.of(v), (a, b) -> a + "; " + b);
            }
            if (errors.isEmpty()) {
                errors.put(form == null ? "item" : "name", violations.refusal(refused));
            }
            return partners(
                    form == null ? new PartnerForm("", null, "X12", "", "", false, false) : form, errors, model);
        }
    }

    private String partners(PartnerForm form, Map<String, String> errors, Model model) {
        model.addAttribute("partners", partners.all());
        model.addAttribute("customers", customers.search(null, CUSTOMERS_SHOWN));
        model.addAttribute("standards", EdiInterchanges.STANDARDS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "edi/partners";
    }

    /** A new partner as entered; an unticked box arrives as null. */
    record PartnerForm(
            String name,
            UUID customerId,
            String standard,
            String senderId,
            String senderQualifier,
            Boolean shipNotices,
            Boolean invoices) {}

    private String texts(OrdoException refused) {
        return refused.violations().isEmpty()
                ? violations.refusal(refused)
                : String.join(
                        "; ", refused.violations().stream().map(violations::of).toList());
    }

    private static String key(String submission, String lineKey) {
        return submission.isBlank() || submission.length() > 200
                ? null
                : Actor.current().username() + ":" + submission + ":" + lineKey;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file == null ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
