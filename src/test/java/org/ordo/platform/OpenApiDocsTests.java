package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document is generated from the code and lists every path of the contract (docs/api.md); its UI is public. */
@OrdoTest
class OpenApiDocsTests {

    /** The contract's paths (docs/api.md) and the user and token paths, as springdoc writes them. */
    static final List<String> API_PATHS = List.of(
            "/api/products",
            "/api/products/{sku}",
            "/api/customers",
            "/api/customers/{id}",
            "/api/warehouses",
            "/api/inventory",
            "/api/inventory/movements",
            "/api/inventory/policies/{sku}/{warehouse}",
            "/api/forecasts",
            "/api/forecasts/{sku}",
            "/api/forecasts/runs",
            "/api/orders",
            "/api/orders/{id}",
            "/api/orders/{id}/history",
            "/api/orders/{id}/cancel",
            "/api/orders/{id}/hold",
            "/api/orders/{id}/release",
            "/api/orders/{id}/shipments",
            "/api/shipments",
            "/api/shipments/{id}",
            "/api/shipments/{id}/pick",
            "/api/shipments/{id}/pack",
            "/api/shipments/{id}/ship",
            "/api/shipments/{id}/deliver",
            "/api/shipments/{id}/label",
            "/api/invoices",
            "/api/invoices/{id}",
            "/api/payments",
            "/api/invoices/{id}/credit-notes",
            "/api/orders/{id}/returns",
            "/api/returns/{id}/approve",
            "/api/returns/{id}/receive",
            "/api/returns/{id}/reject",
            "/api/reports/kpis",
            "/api/risks",
            "/api/audit",
            "/api/admin/consistency",
            "/api/users",
            "/api/users/{username}",
            "/api/users/{username}/tokens",
            "/api/tokens/{id}");

    @LocalServerPort
    int port;

    @Test
    void theApiDocumentListsEveryPathOfTheContractWithoutCredentials() {
        JsonNode paths = Api.at(port).get("/v3/api-docs").expect(200).json().get("paths");
        List<String> missing = new ArrayList<>();
        for (String path : API_PATHS) {
            if (!paths.has(path)) {
                missing.add(path);
            }
        }
        assertThat(missing).as("paths of docs/api.md missing from /v3/api-docs").isEmpty();
        assertThat(paths.get("/api/orders").has("post")).isTrue();
        assertThat(paths.get("/api/orders/{id}").has("patch")).isTrue();
    }

    @Test
    void swaggerUiAnswersWithoutCredentials() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        for (String path : List.of("/swagger-ui.html", "/swagger-ui/index.html")) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).containsIgnoringCase("swagger");
        }
    }
}
