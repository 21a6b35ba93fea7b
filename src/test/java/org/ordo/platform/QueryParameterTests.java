package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every list of the API refuses a query parameter it does not take and a filter it cannot read, naming the parameter,
 * instead of dropping it and answering with everything.
 */
@OrdoTest
class QueryParameterTests {

    @LocalServerPort
    int port;

    /** Each list of the API with a parameter it takes, given a value it cannot read (null: it takes none to spoil). */
    static Stream<Arguments> lists() {
        return Stream.of(
                Arguments.of("/api/orders", "placedFrom", "yesterday"),
                Arguments.of("/api/orders", "customerId", "42"),
                Arguments.of("/api/invoices", "orderId", "42"),
                Arguments.of("/api/payments", "status", "LOST"),
                Arguments.of("/api/shipments", "page", "first"),
                Arguments.of("/api/returns", "customerId", "42"),
                Arguments.of("/api/customers", "page", "first"),
                Arguments.of("/api/products", "active", "maybe"),
                Arguments.of("/api/inventory", "belowReorderPoint", "maybe"),
                Arguments.of("/api/inventory/movements", "from", "yesterday"),
                Arguments.of("/api/purchase-orders", "supplierId", "42"),
                Arguments.of("/api/suppliers", "active", "maybe"),
                Arguments.of("/api/users", "size", "many"),
                Arguments.of("/api/tax-rates", "on", "today"),
                Arguments.of("/api/reports/sales", "from", "yesterday"),
                Arguments.of("/api/reports/kpis", "from", "yesterday"),
                Arguments.of("/api/risks", "severity", "HUGE"),
                Arguments.of("/api/audit", null, null),
                Arguments.of("/api/forecasts", null, null),
                Arguments.of("/api/warehouses", null, null),
                Arguments.of("/api/carriers", null, null),
                Arguments.of("/api/replenishment/proposals", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void anUnknownQueryParameterIsRefusedNamingIt(String path, String parameter, String malformed) {
        JsonNode problem =
                Api.at(port).asAdmin().get(path + "?bogus=1").expect(400).json();

        assertThat(problem.get("errorCode").asString()).isEqualTo("validation-failed");
        assertThat(problem.get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asString()).isEqualTo("bogus");
            assertThat(error.get("code").asString()).isEqualTo("unknown-parameter");
        });
    }

    @ParameterizedTest(name = "{0}?{1}={2}")
    @MethodSource("lists")
    void aFilterThatCannotBeReadIsRefusedNamingItInPlainWords(String path, String parameter, String malformed) {
        if (parameter == null) {
            return;
        }
        JsonNode problem = Api.at(port)
                .asAdmin()
                .get(path + "?" + parameter + "=" + malformed)
                .expect(400)
                .json();

        assertThat(problem.get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asString()).isEqualTo(parameter);
            assertThat(error.get("message").asString())
                    .doesNotContainPattern("Integer|Long|Boolean|LocalDate|Instant|valid UUID|\\[");
        });
    }

    @Test
    void anOrderSearchBySkuIsRefusedRatherThanAnsweredWithEveryOrder() {
        JsonNode problem =
                Api.at(port).asAdmin().get("/api/orders?sku=").expect(400).json();

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("sku");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("placedFrom", "status");
    }

    @Test
    void aNumberThatIsNoNumberIsCalledAWholeNumberNotAJavaType() {
        JsonNode problem =
                Api.at(port).asAdmin().get("/api/orders?page=two").expect(400).json();

        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("must be a whole number");
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("malformed");
    }
}
