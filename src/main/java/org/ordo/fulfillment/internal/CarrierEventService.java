package org.ordo.fulfillment.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ordo.fulfillment.internal.FulfillmentProperties.Carrier;
import org.ordo.shared.OrdoException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Tracking events a carrier sends by webhook: the call is signed with the carrier's secret (HMAC-SHA256 over the
 * timestamp and the raw body), each event is recorded once per carrier and event id, and an event that cannot be
 * recorded is reported back instead of failing the others.
 */
@Component
class CarrierEventService {

    /** How old (or how far ahead) a signed call may be; a captured call cannot be replayed later. */
    static final Duration SIGNATURE_WINDOW = Duration.ofMinutes(5);

    /** The most events one call may carry. */
    static final int MAX_EVENTS = 500;

    /** One event as the carrier sends it. */
    record CarrierEvent(
            String trackingNumber, String eventId, String type, Instant at, String location, String detail) {}

    record CarrierEvents(List<CarrierEvent> events) {}

    /** An event that was not recorded, and why. */
    record Refused(String eventId, String trackingNumber, String errorCode, String detail) {}

    /** What became of a call's events; {@code unknown} are events for tracking numbers this carrier never got. */
    record Receipt(int accepted, int duplicates, List<Refused> unknown, List<Refused> rejected) {}

    /** Why a call was refused as a whole. */
    enum SignatureProblem {
        MISSING,
        EXPIRED,
        WRONG
    }

    private final Carriers carriers;
    private final ShipmentStore store;
    private final ShipmentService shipments;

    CarrierEventService(Carriers carriers, ShipmentStore store, ShipmentService shipments) {
        this.carriers = carriers;
        this.store = store;
        this.shipments = shipments;
    }

    /** The carrier that may send events here: configured and given a secret. */
    Carrier receiving(String code) {
        return carriers.find(code)
                .filter(c -> c.webhookSecret() != null && !c.webhookSecret().isBlank())
                .orElseThrow(() -> OrdoException.notFound("Carrier", code));
    }

    /**
     * Checks the signature {@code sha256=<hex>} of {@code timestamp + "." + body} with the carrier's secret;
     * empty when it is right and the timestamp (epoch seconds) within the window of {@code now}.
     */
    static Optional<SignatureProblem> check(
            Carrier carrier, String timestamp, String signature, byte[] body, Instant now) {
        if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
            return Optional.of(SignatureProblem.MISSING);
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Optional.of(SignatureProblem.MISSING);
        }
        if (Math.abs(now.getEpochSecond() - seconds) > SIGNATURE_WINDOW.toSeconds()) {
            return Optional.of(SignatureProblem.EXPIRED);
        }
        byte[] expected = sign(carrier.webhookSecret(), timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature
                .substring("sha256=".length())
                .trim()
                .toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.empty() : Optional.of(SignatureProblem.WRONG);
    }

    /** The hex HMAC-SHA256 of {@code timestamp + "." + body} under {@code secret}. */
    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Records the events of a signed call, each on its own, in the order sent; the carrier is their actor. */
    Receipt receive(Carrier carrier, CarrierEvents call) {
        List<CarrierEvent> events = call == null || call.events() == null ? List.of() : call.events();
        if (events.size() > MAX_EVENTS) {
            throw OrdoException.invalid("events", "must be at most " + MAX_EVENTS + " per call");
        }
        return asCarrier(carrier, () -> {
            int accepted = 0;
            int duplicates = 0;
            List<Refused> unknown = new ArrayList<>();
            List<Refused> rejected = new ArrayList<>();
            for (CarrierEvent event : events) {
                if (event == null) {
                    rejected.add(new Refused(null, null, "validation-failed", "an event is null"));
                    continue;
                }
                Optional<String> missing = missing(event);
                Optional<UUID> shipment = missing.isPresent()
                        ? Optional.empty()
                        : store.findByTracking(
                                carrier.code(), event.trackingNumber().trim());
                if (missing.isPresent()) {
                    rejected.add(refused(event, "validation-failed", missing.get() + " is required"));
                } else if (shipment.isEmpty()) {
                    unknown.add(refused(
                            event,
                            "unknown-tracking-number",
                            "no shipment of " + carrier.code() + " has this tracking number"));
                } else {
                    Outcome outcome = record(carrier, shipment.get(), event, rejected);
                    accepted += outcome == Outcome.ACCEPTED ? 1 : 0;
                    duplicates += outcome == Outcome.DUPLICATE ? 1 : 0;
                }
            }
            return new Receipt(accepted, duplicates, unknown, rejected);
        });
    }

    private enum Outcome {
        ACCEPTED,
        DUPLICATE,
        /** Added to the rejected ones. */
        REJECTED
    }

    private Outcome record(Carrier carrier, UUID shipment, CarrierEvent event, List<Refused> rejected) {
        ShipmentService.TrackingEvent tracking =
                new ShipmentService.TrackingEvent(event.type(), event.at(), event.location(), event.detail());
        try {
            boolean recorded = shipments.trackFromCarrier(
                    shipment, tracking, new ShipmentService.CarrierEventId(carrier.code(), event.eventId()));
            return recorded ? Outcome.ACCEPTED : Outcome.DUPLICATE;
        } catch (DataIntegrityViolationException sameEventAtOnce) {
            // the same event in two calls at once: the other call recorded it
            return Outcome.DUPLICATE;
        } catch (OrdoException e) {
            String detail = e.violations().isEmpty()
                    ? e.getMessage()
                    : e.violations().stream()
                            .map(v -> v.field() + " " + v.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(e.getMessage());
            rejected.add(refused(event, e.errorCode(), detail));
            return Outcome.REJECTED;
        }
    }

    private static Optional<String> missing(CarrierEvent event) {
        if (event.eventId() == null || event.eventId().isBlank()) {
            return Optional.of("eventId");
        }
        if (event.eventId().length() > 100) {
            return Optional.of("eventId of at most 100 characters");
        }
        if (event.trackingNumber() == null || event.trackingNumber().isBlank()) {
            return Optional.of("trackingNumber");
        }
        if (event.at() == null) {
            return Optional.of("at");
        }
        return Optional.empty();
    }

    private static Refused refused(CarrierEvent event, String errorCode, String detail) {
        return new Refused(event.eventId(), event.trackingNumber(), errorCode, detail);
    }

    private static <T> T asCarrier(Carrier carrier, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("carrier:" + carrier.code(), null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
