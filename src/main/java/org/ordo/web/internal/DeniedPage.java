package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where the security chain sends a request a user's roles do not allow (a path rule such as {@code /admin/**}): the
 * 403 page rendered like any page, with the navigation. Refusals inside a page controller are rendered by
 * {@link PageErrorAdvice}.
 */
@Controller
class DeniedPage {

    static final String PATH = "/denied";

    @RequestMapping(PATH)
    String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "error/403";
    }
}
