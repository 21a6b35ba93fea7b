package org.ordo.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Browsers still ask for {@code /favicon.ico} now and then (error pages, bookmarks, some tabs) whatever the page links:
 * they get the same icon as the pages, not a 404.
 */
@Controller
class FaviconPage {

    @GetMapping("/favicon.ico")
    String icon() {
        return "forward:/favicon.svg";
    }
}
