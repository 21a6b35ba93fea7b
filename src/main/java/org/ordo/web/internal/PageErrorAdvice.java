package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordo.shared.OrdoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Failures of the pages as pages, not as the API's problem documents: 403 for what the user's roles do not allow, 404 for
 * what does not exist (or belongs to another customer), and a plain error page, never a stack trace.
 */
@ControllerAdvice(basePackageClasses = PageErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

    private final PageModelAdvice layout;
    private final ViolationTexts violationTexts;

    PageErrorAdvice(PageModelAdvice layout, ViolationTexts violationTexts) {
        this.layout = layout;
        this.violationTexts = violationTexts;
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        layout.addTo(model.asMap(), request);
        return "error/403";
    }

    @ExceptionHandler(OrdoException.class)
    String domain(OrdoException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
            case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
            case CONFLICT -> HttpServletResponse.SC_CONFLICT;
            case STALE -> HttpServletResponse.SC_PRECONDITION_FAILED;
            case RULE_VIOLATED -> 422;
        };
        response.setStatus(status);
        layout.addTo(model.asMap(), request);
        model.addAttribute("status", status);
        model.addAttribute("detail", violationTexts.refusal(e));
        return status == HttpServletResponse.SC_NOT_FOUND
                ? "error/404"
                : status == HttpServletResponse.SC_FORBIDDEN ? "error/403" : "error";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.error("Page failed", e);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        layout.addTo(model.asMap(), request);
        model.addAttribute("status", 500);
        return "error";
    }
}
