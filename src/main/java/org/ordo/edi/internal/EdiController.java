package org.ordo.edi.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.ordo.edi.EdiInterchanges;
import org.ordo.edi.TradingPartners;
import org.ordo.shared.CommonRule;
import org.ordo.shared.OrdoException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/edi}: ADMIN and SALES, the roles that take orders and keep customers, since an EDI order is an order of a
 * customer; an integration sends with an API token of such a user.
 */
@RestController
@Tag(name = "EDI")
class EdiController {

    static final String X12 = "application/edi-x12";
    static final String EDIFACT = "application/edifact";

    private final EdiInterchanges interchanges;
    private final TradingPartners partners;

    EdiController(EdiInterchanges interchanges, TradingPartners partners) {
        this.interchanges = interchanges;
        this.partners = partners;
    }

    // any content type reaches the method, so that a wrong one is answered 415 only after authorization
    @PostMapping(path = "/api/edi/inbound", consumes = MediaType.ALL_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','SALES')")
    @Operation(
            summary = "Receive an X12 or EDIFACT interchange",
            description = "The raw file as the body, Content-Type application/edi-x12 or application/edifact. 202 with "
                    + "the interchange's id, status (ACCEPTED, PARTIAL, ATTENTION, REJECTED), the acknowledgement "
                    + "(997 or CONTRL) and the errors; a re-sent interchange (same sender and control number) creates "
                    + "nothing and is answered with its first acknowledgement and duplicate true.")
    ResponseEntity<EdiInterchanges.Receipt> inbound(
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            jakarta.servlet.http.HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException, java.io.IOException {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith(X12) && !type.startsWith(EDIFACT)) {
            throw new HttpMediaTypeNotSupportedException(
                    "Send the file as " + X12 + " or " + EDIFACT + ".",
                    List.of(MediaType.parseMediaType(X12), MediaType.parseMediaType(EDIFACT)));
        }
        String standard = type.startsWith(X12) ? "X12" : "EDIFACT";
        byte[] body = request.getInputStream().readAllBytes();
        if (body.length == 0) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("body")));
        }
        EdiInterchanges.Receipt receipt = interchanges.receive(standard, text(body));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/edi/interchanges/" + receipt.id()))
                .body(receipt);
    }

    /** UTF-8 when the bytes are (UNOW, ASCII), else ISO 8859-1 (UNOB, UNOC and the like). */
    static String text(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    @GetMapping("/api/edi/interchanges")
    @PreAuthorize("hasAnyRole('ADMIN','SALES')")
    @Operation(summary = "Interchanges received, newest first", description = "At most limit (default 100, up to 500).")
    List<EdiInterchanges.Summary> interchanges(@RequestParam(required = false) Integer limit) {
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 500) {
            throw OrdoException.invalid(List.of(CommonRule.AT_MOST.at("limit", 500)));
        }
        return interchanges.recent(n);
    }

    @GetMapping("/api/edi/interchanges/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','SALES')")
    @Operation(
            summary = "An interchange as received",
            description = "Its raw text, errors and documents: the purchase orders read from it with their lines, "
                    + "and what was sent back (997/855, CONTRL/ORDRSP; 856/DESADV and 810/INVOIC for the orders placed "
                    + "from it) as raw text.")
    EdiInterchanges.Interchange interchange(@PathVariable UUID id) {
        return interchanges.find(id).orElseThrow(() -> OrdoException.notFound("Interchange", id));
    }

    @PostMapping("/api/edi/interchanges/{id}/reprocess")
    @PreAuthorize("hasAnyRole('ADMIN','SALES')")
    @Operation(
            summary = "Process an interchange's waiting purchase orders again",
            description = "Optionally {itemCodes: [{partnerCode, sku}]} maps the partner's item codes first. Every "
                    + "purchase order that waits for a person (ATTENTION) is processed again and answered with a new "
                    + "855 or ORDRSP; 409 when none waits or the sender is no trading partner.")
    EdiInterchanges.Interchange reprocess(@PathVariable UUID id, @RequestBody(required = false) Reprocess request) {
        List<TradingPartners.ItemCode> codes =
                request == null || request.itemCodes() == null ? List.of() : request.itemCodes();
        return interchanges.reprocess(id, codes);
    }

    /** The body of a re-processing: item codes to map first. */
    record Reprocess(List<TradingPartners.ItemCode> itemCodes) {}

    @PostMapping("/api/edi/partners")
    @PreAuthorize("hasAnyRole('ADMIN','SALES')")
    @Operation(
            summary = "Create a trading partner",
            description = "{name, customerId, standard: X12|EDIFACT, senderId, senderQualifier?, itemCodes?: "
                    + "[{partnerCode, sku}], shipNotices?, invoices?}; the sender id is unique per standard.")
    ResponseEntity<TradingPartners.Partner> createPartner(@RequestBody TradingPartners.NewPartner request) {
        if (request == null) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("body")));
        }
        TradingPartners.Partner created = partners.create(request);
        return ResponseEntity.created(URI.create("/api/edi/partners/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/edi/partners")
    @PreAuthorize("hasAnyRole('ADMIN','SALES')")
    @Operation(summary = "Trading partners by name", description = "With their item codes.")
    List<TradingPartners.Partner> partners() {
        return partners.all();
    }

    @PutMapping("/api/edi/partners/{id}/documents")
    @PreAuthorize("hasAnyRole('ADMIN','SALES')")
    @Operation(
            summary = "Choose the documents a trading partner gets",
            description = "{shipNotices, invoices}: whether its EDI orders get a ship notice (856, DESADV) for every "
                    + "shipment and an invoice (810, INVOIC) for every invoice issued; absent means no.")
    TradingPartners.Partner outboundDocuments(@PathVariable UUID id, @RequestBody(required = false) Documents request) {
        Documents wanted = request == null ? new Documents(null, null) : request;
        return partners.outboundDocuments(
                id, Boolean.TRUE.equals(wanted.shipNotices()), Boolean.TRUE.equals(wanted.invoices()));
    }

    /** The body choosing a partner's outbound documents. */
    record Documents(Boolean shipNotices, Boolean invoices) {}
}
