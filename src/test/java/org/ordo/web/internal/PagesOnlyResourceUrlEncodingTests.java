package org.ordo.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PagesOnlyResourceUrlEncodingTests {

    private final PageConfiguration.PagesOnlyResourceUrlEncoding filter =
            new PageConfiguration.PagesOnlyResourceUrlEncoding();

    @Test
    void apiRequestsPassUnwrappedWhilePagesGetTheirResourceLinksEncoded() throws Exception {
        MockHttpServletRequest api = new MockHttpServletRequest("POST", "/api/orders");
        MockFilterChain apiChain = new MockFilterChain();
        filter.doFilter(api, new MockHttpServletResponse(), apiChain);
        assertThat(apiChain.getRequest()).isSameAs(api);

        MockHttpServletRequest metrics = new MockHttpServletRequest("GET", "/actuator/prometheus");
        MockFilterChain metricsChain = new MockFilterChain();
        filter.doFilter(metrics, new MockHttpServletResponse(), metricsChain);
        assertThat(metricsChain.getRequest()).isSameAs(metrics);

        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/orders");
        MockFilterChain pageChain = new MockFilterChain();
        filter.doFilter(page, new MockHttpServletResponse(), pageChain);
        assertThat(pageChain.getRequest()).isNotSameAs(page);
    }
}
