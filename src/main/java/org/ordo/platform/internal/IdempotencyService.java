package org.ordo.platform.internal;

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
import tools.jackson.databind.json.JsonMapper;

@Component
class IdempotencyService implements Idempotency {

    static final int MAX_KEY_LENGTH = 255;

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
            throw OrdoException.invalid("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String principal = principal();
        String requestHash = sha256(json.writeValueAsString(request));
        try {
            return transactions.execute(tx -> {
                ResponseEntity<?> response = action.get();
                String body = response.getBody() == null ? null : json.writeValueAsString(response.getBody());
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
                                body)
                        .update();
                return response;
            });
        } catch (RuntimeException failed) {
            // rolled back: the key was used first (a duplicate, or work the first request's changes refused), or never
            Stored stored = find(principal, scope, key).orElseThrow(() -> failed);
            if (!stored.requestHash().equals(requestHash)) {
                throw OrdoException.rule(
                        "idempotency-key-reused",
                        "This Idempotency-Key was already used with a different request body.",
                        List.of(new FieldViolation("Idempotency-Key", "was used with a different request body")));
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

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
