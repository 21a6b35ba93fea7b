package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@OrdoTest
class ApiConventionsTests {

    @LocalServerPort
    int port;

    @Test
    void healthIsPublicForLoadBalancers() {
        var response = Api.at(port).anonymous().get("/actuator/health").expect(200);
        assertThat(response.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void metricsAreForAdministratorsOnly(@Autowired TestUsers users) {
        Api.at(port)
                .basic(users.staff("SALES"), TestUsers.PASSWORD)
                .get("/actuator/prometheus")
                .expect(403);
        Api.at(port).anonymous().get("/actuator/prometheus").expect(401);
        Api admin = Api.at(port).asAdmin().header("Accept", "text/plain");
        assertThat(admin.get("/actuator/prometheus").expect(200).text()).contains("jvm_memory_used_bytes");
    }

    @Test
    void operatorsKeepTheRequestPoolAndJvmMetricsWithoutAnObservationPerSecurityFilter() {
        Api.at(port).asAdmin().get("/api/orders?size=1").expect(200);
        String metrics = Api.at(port)
                .asAdmin()
                .header("Accept", "text/plain")
                .get("/actuator/prometheus")
                .expect(200)
                .text();
        assertThat(metrics)
                .contains("http_server_requests_seconds_count", "hikaricp_connections_active", "jvm_memory_used_bytes")
                .doesNotContain("spring_security_filterchains", "spring_security_authorizations");
    }

    @Test
    void apiNeedsCredentialsAndSaysSoAsProblem() {
        var response = Api.at(port).anonymous().get("/api/orders").expect(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void wrongPasswordIsRefused() {
        Api.at(port).basic("admin", "wrong").get("/api/orders").expect(401);
    }

    @Test
    void unknownPathIsProblem404() {
        var response = Api.at(port).asAdmin().get("/api/no-such-thing").expect(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void consistencyCheckAnswersForAdmin() {
        var response = Api.at(port).asAdmin().get("/api/admin/consistency").expect(200);
        assertThat(response.json().has("consistent")).isTrue();
    }

    @Test
    void openApiDocumentIsServed() {
        var response = Api.at(port).anonymous().get("/v3/api-docs").expect(200);
        assertThat(response.json().get("paths")).isNotNull();
    }
}
