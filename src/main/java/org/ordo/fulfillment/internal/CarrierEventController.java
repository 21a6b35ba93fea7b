package org.ordo.fulfillment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.ordo.fulfillment.internal.FulfillmentProperties.Carrier;
import org.ordo.shared.OrdoException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The carriers' webhook: signed by the carrier's secret instead of a user's login (docs/api.md). */
@RestController
@Tag(name = "Shipments")
class CarrierEventController {

    static final String SIGNATURE = "X-Ordo-Signature";
    static final String TIMESTAMP = "X-Ordo-Timestamp";

    private final CarrierEventService events;
    private final JsonMapper json;

    CarrierEventController(CarrierEventService events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    @PostMapping(path = "/api/carriers/{code}/events", consumes = MediaType.ALL_VALUE)
    @Operation(
            summary = "Tracking events from a carrier",
            description = "No login: the call is signed. X-Ordo-Timestamp carries the epoch seconds (at most 5 minutes "
                    + "off), X-Ordo-Signature 'sha256=' and the hex HMAC-SHA256 of timestamp + '.' + the raw body under "
                    + "the carrier's webhook secret; a missing, stale or wrong signature is answered 401, a carrier "
                    + "without a secret 404. Each event is recorded once per eventId; the answer counts the accepted "
                    + "and duplicate ones and lists those for unknown tracking numbers and those refused.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = CarrierEventService.CarrierEvents.class)))
    ResponseEntity<?> receive(
            @PathVariable String code,
            @RequestHeader(name = TIMESTAMP, required = false) String timestamp,
            @RequestHeader(name = SIGNATURE, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        Carrier carrier = events.receiving(code);
        byte[] raw = body == null ? new byte[0] : body;
        Optional<CarrierEventService.SignatureProblem> problem =
                CarrierEventService.check(carrier, timestamp, signature, raw, Instant.now());
        if (problem.isPresent()) {
            return unsigned(problem.get());
        }
        CarrierEventService.CarrierEvents call;
        try {
            call = json.readValue(raw, CarrierEventService.CarrierEvents.class);
        } catch (JacksonException e) {
            throw OrdoException.invalid("body", "must be {\"events\": [...]} as described in docs/api.md");
        }
        return ResponseEntity.ok(events.receive(carrier, call));
    }

    private static ResponseEntity<ProblemDetail> unsigned(CarrierEventService.SignatureProblem problem) {
        String detail = switch (problem) {
            case MISSING -> "The call needs the headers " + TIMESTAMP + " and " + SIGNATURE + " (sha256=…).";
            case EXPIRED -> "The timestamp is more than 5 minutes off; sign the call anew.";
            case WRONG -> "The signature does not match the body and timestamp under this carrier's secret.";
        };
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        body.setType(URI.create("https://ordo.dev/problems/bad-signature"));
        body.setTitle("Unauthorized");
        body.setProperty("errorCode", "bad-signature");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
