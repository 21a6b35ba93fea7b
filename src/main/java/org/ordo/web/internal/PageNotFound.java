package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An unknown path outside the API answers with the 404 page, not with the API's problem document; unknown API paths are
 * left to the API's handling.
 */
@Component
class PageNotFound implements HandlerExceptionResolver, Ordered {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final PageModelAdvice layout;

    PageNotFound(PageModelAdvice layout) {
        this.layout = layout;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!(e instanceof NoResourceFoundException)) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String api : PageSecurityConfiguration.API_PATHS) {
            if (PATHS.match(api, path)) {
                return null;
            }
        }
        ModelAndView page = new ModelAndView("error/404");
        layout.addTo(page.getModel(), request);
        page.setStatus(org.springframework.http.HttpStatus.NOT_FOUND);
        return page;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
