package org.ordo.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Refuses request bodies over the configured size (413) before anything reads them. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimit(@Value("${ordo.api.max-request-bytes:4194304}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"" + ProblemAdvice.TYPE_BASE + "payload-too-large\",\"title\":\"Content Too Large\","
                    + "\"status\":413,\"errorCode\":\"payload-too-large\",\"detail\":\"The request body is larger than "
                    + maxBytes + " bytes.\",\"errors\":[{\"field\":\"body\",\"message\":\"must be at most " + maxBytes + " bytes\"}]}");
            return;
        }
        chain.doFilter(request, response);
    }
}
