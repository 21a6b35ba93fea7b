package org.ordo.platform.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.platform.RequestChecks;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Maps every failure to an RFC 9457 problem document with a stable {@code type} and {@code errorCode}, and for
 * field problems an {@code errors} array naming each field. Never a stack trace.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    static final String TYPE_BASE = "https://ordo.dev/problems/";

    @ExceptionHandler(OrdoException.class)
    ResponseEntity<Object> domain(OrdoException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case RULE_VIOLATED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
            case STALE -> HttpStatus.PRECONDITION_FAILED;
        };
        ProblemDetail problem = problem(status, e.errorCode(), e.getMessage(), e.violations());
        e.properties().forEach(problem::setProperty);
        return response(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getParameter().getNestedParameterType();
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            type = e.getParameter().nested().getNestedParameterType();
        }
        return response(problem(
                HttpStatus.BAD_REQUEST,
                "validation-failed",
                "The request has invalid parameters.",
                List.of(CommonRule.MALFORMED.at(e.getName(), expected(type)))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException e) {
        return response(problem(
                HttpStatus.BAD_REQUEST,
                "validation-failed",
                "A required header is missing.",
                List.of(new FieldViolation(e.getHeaderName(), "is required"))));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<Object> denied(RuntimeException e) {
        return response(problem(HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this.", List.of()));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e) {
        return response(
                problem(HttpStatus.CONFLICT, "duplicate", "This conflicts with an existing record.", List.of()));
    }

    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<Object> lockFailure(PessimisticLockingFailureException e) {
        log.warn("lock conflict, asking the client to retry: {}", e.getMessage());
        ProblemDetail problem = problem(
                HttpStatus.CONFLICT, "retry", "A concurrent change got in the way; retry the request.", List.of());
        return response(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        log.error("unexpected failure, reference {}", reference, e);
        ProblemDetail problem = problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Something went wrong on our side; nothing was changed. Reference: " + reference,
                List.of());
        return response(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        RequestSizeLimit.BodyTooLarge tooLarge = find(e, RequestSizeLimit.BodyTooLarge.class);
        if (tooLarge != null || find(e, StreamConstraintsException.class) != null) {
            return response(problem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "payload-too-large",
                    "The request body is too large or too deeply nested.",
                    List.of(new FieldViolation("body", "is too large or too deeply nested"))));
        }
        JacksonException jackson = find(e, JacksonException.class);
        if (jackson == null) {
            return response(problem(
                    HttpStatus.BAD_REQUEST,
                    "malformed-request",
                    cause instanceof JacksonException
                            ? "The request body cannot be read."
                            : "The request body is missing or cannot be read.",
                    List.of()));
        }
        String field = path(jackson);
        if (jackson instanceof StreamReadException
                && !(jackson instanceof InputCoercionException && !field.isEmpty())) {
            return response(problem(
                    HttpStatus.BAD_REQUEST,
                    "malformed-json",
                    "The request body is not well-formed JSON: " + clean(jackson.getOriginalMessage()),
                    List.of()));
        }
        if (jackson instanceof UnrecognizedPropertyException u && field.isEmpty()) {
            field = u.getPropertyName();
        }
        return response(problem(
                HttpStatus.BAD_REQUEST,
                "validation-failed",
                "The request has invalid fields.",
                List.of(new FieldViolation(field == null || field.isEmpty() ? "body" : field, message(jackson)))));
    }

    /** What is wrong with a value JSON could not bind, in words for people: no Java type names. */
    private static String message(JacksonException jackson) {
        if (jackson instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (jackson instanceof InvalidNullException) {
            return "must not be null";
        }
        if (jackson instanceof PlainText.ControlCharacters) {
            return jackson.getOriginalMessage();
        }
        if (jackson instanceof InputCoercionException c) {
            return "is out of range: must be " + expected(c.getTargetType());
        }
        if (jackson instanceof ValueInstantiationException v) {
            return v.getCause() != null && v.getCause().getMessage() != null
                    ? v.getCause().getMessage()
                    : "is not valid";
        }
        if (jackson instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "must be " + expected(m.getTargetType());
        }
        return clean(jackson.getOriginalMessage());
    }

    /** The kind of value a Java type takes, as the API's reader knows it. */
    static String expected(Class<?> type) {
        return RequestChecks.expected(type);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> entity = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (entity != null && entity.getBody() instanceof ProblemDetail problem && problem.getProperties() == null) {
            String code = HttpStatus.resolve(statusCode.value()) == null
                    ? "error"
                    : HttpStatus.resolve(statusCode.value())
                            .name()
                            .toLowerCase()
                            .replace('_', '-');
            problem.setType(URI.create(TYPE_BASE + code));
            problem.setProperty("errorCode", code);
        }
        return entity;
    }

    static ProblemDetail problem(HttpStatus status, String errorCode, String detail, List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + errorCode));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("errorCode", errorCode);
        if (!violations.isEmpty()) {
            problem.setProperty(
                    "errors", violations.stream().map(ProblemAdvice::error).toList());
        }
        return problem;
    }

    /** A field's problem: the field, the English message and, for a catalogued rule, its stable code. */
    private static Map<String, String> error(FieldViolation v) {
        return v.code() == null
                ? Map.of("field", v.field(), "message", v.message())
                : Map.of("field", v.field(), "message", v.message(), "code", v.code());
    }

    private static ResponseEntity<Object> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The JSON path of the failing value, as {@code lines[0].quantity}. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Jackson's messages name Java classes; keep the first sentence and drop those. */
    private static String clean(String message) {
        if (message == null) {
            return "cannot be read";
        }
        String first = message.split("\n")[0];
        return first.replaceAll("\\(for [^)]*\\)", "")
                .replaceAll("`[a-z]+(\\.[a-zA-Z0-9_$]+)+`", "value")
                .trim();
    }
}
