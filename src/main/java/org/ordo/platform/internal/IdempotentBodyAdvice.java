package org.ordo.platform.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Keeps the bytes of a request body sent with an {@code Idempotency-Key} as they are read for the controller, so that
 * {@link IdempotencyService} compares requests by what was sent, without writing the parsed body out again. A body
 * without the header is read as before, untouched.
 */
@ControllerAdvice
class IdempotentBodyAdvice extends RequestBodyAdviceAdapter {

    /** The request attribute that holds the body's bytes. */
    static final String SENT_BODY = IdempotentBodyAdvice.class.getName() + ".sentBody";

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        if (input.getHeaders().getFirst(IdempotencyService.HEADER) == null) {
            return input;
        }
        byte[] body = input.getBody().readAllBytes();
        RequestContextHolder.currentRequestAttributes().setAttribute(SENT_BODY, body, RequestAttributes.SCOPE_REQUEST);
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }
}
