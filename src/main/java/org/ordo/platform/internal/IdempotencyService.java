package org.ordo.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.ordo.platform.Idempotency;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

@Component
class IdempotencyService implements Idempotency {

    static final int MAX_KEY_LENGTH = 255;

    static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    IdempotencyService(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    record Stored(String requestHash, int status, String location, String etag, String body) {}

    @Override
    public ResponseEntity<?> execute(String scope, String key, Object request, Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            return transactions.execute(tx -> action.get());
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw OrdoException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String principal = principal();
        HttpServletRequest sent = currentRequest();
        byte[] body = sent == null ? null : (byte[]) sent.getAttribute(IdempotentBodyAdvice.SENT_BODY);
        String requestHash = body == null ? canonicalHash(request) : sentHash(sent.getRequestURI(), body);
        try {
            return transactions.execute(tx -> {
                ResponseEntity<?> response = action.get();
                // the answer is serialized once: stored, and for a request sent as a body also written as it is stored
                String answer = response.getBody() == null ? null : json.writeValueAsString(response.getBody());
                // the key and the answer in one row, last: a racing request with the key waits here for this commit
                jdbc.sql("INSERT INTO idempotency_record (principal, scope, idem_key, request_hash, created_at, "
                                + "response_status, location, etag, response_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                principal,
                                scope,
                                key,
                                requestHash,
                                Timestamp.from(Instant.now()),
                                response.getStatusCode().value(),
                                header(response, HttpHeaders.LOCATION),
                                header(response, HttpHeaders.ETAG),
                                answer)
                        .update();
                return body == null || answer == null ? response : asStored(response, answer);
            });
        } catch (RuntimeException failed) {
            // rolled back: the key was used first (a duplicate, or work the first request's changes refused), or never
            Stored stored = find(principal, scope, key).orElseThrow(() -> failed);
            if (!stored.requestHash().equals(requestHash)
                    // a key used before requests were compared as sent: its row holds the canonical JSON's hash
                    && !(body != null && stored.requestHash().equals(canonicalHash(request)))) {
                throw OrdoException.rule(
                        "idempotency-key-reused",
                        "This Idempotency-Key was already used with a different request body.",
                        List.of(new FieldViolation(HEADER, "was used with a different request body")));
            }
            return replay(stored);
        }
    }

    private Optional<Stored> find(String principal, String scope, String key) {
        return jdbc.sql("SELECT request_hash, response_status, location, etag, response_body FROM idempotency_record "
                        + "WHERE principal = ? AND scope = ? AND idem_key = ?")
                .params(principal, scope, key)
                .query((rs, n) -> new Stored(
                        rs.getString("request_hash"),
                        rs.getInt("response_status"),
                        rs.getString("location"),
                        rs.getString("etag"),
                        rs.getString("response_body")))
                .optional();
    }

    /** The work's answer with its body as stored: the same bytes as a replay of it writes. */
    private static ResponseEntity<?> asStored(ResponseEntity<?> response, String answer) {
        ResponseEntity.BodyBuilder builder =
                ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders());
        if (response.getHeaders().getContentType() == null) {
            builder.contentType(MediaType.APPLICATION_JSON);
        }
        return builder.body(answer);
    }

    private static ResponseEntity<?> replay(Stored stored) {
        ResponseEntity.BodyBuilder builder =
                ResponseEntity.status(stored.status()).header("Idempotent-Replayed", "true");
        if (stored.location() != null) {
            builder.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            builder.header(HttpHeaders.ETAG, stored.etag());
        }
        if (stored.body() == null) {
            return builder.build();
        }
        return builder.contentType(MediaType.APPLICATION_JSON).body(stored.body());
    }

    private static String header(ResponseEntity<?> response, String name) {
        return response.getHeaders().getFirst(name);
    }

    private static String principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "anonymous" : auth.getName();
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    /**
     * A request sent as a body (the API's): its path (which names the target, e.g. the shipment to ship) and its body's
     * bytes as sent. A retry sends the same bytes; a body written differently is another request.
     */
    static String sentHash(String path, byte[] body) {
        MessageDigest digest = sha256();
        digest.update(path.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0); // no path holds a NUL: the path ends here
        return HexFormat.of().formatHex(digest.digest(body));
    }

    /** A request given as an object (a page's form): its canonical JSON. */
    private String canonicalHash(Object request) {
        return HexFormat.of()
                .formatHex(sha256().digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
