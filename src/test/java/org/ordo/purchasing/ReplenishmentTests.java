package org.ordo.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Replenishment proposes what to buy when projected stock falls to the reorder point, and orders it once. */
@OrdoTest
class ReplenishmentTests {

    @LocalServerPort
    int port;

    @Test
    void aRunProposesARoundedQuantityFromTheCheapestSupplierAndOrdersItOnce() {
        PurchasingFixtures purchasing = new PurchasingFixtures(port);
        Api admin = purchasing.admin;
        Fixtures fixtures = purchasing.fixtures;
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("9.00");
        fixtures.receive(sku, warehouse, 3);
        admin.put("/api/inventory/levels/" + warehouse + "/" + sku, Map.of("safetyStock", 4, "reorderPoint", 10))
                .expect(200);
        String cheap = purchasing.supplier("Cheap");
        String fast = purchasing.supplier("Fast");
        purchasing.offer(cheap, sku, "2.00", 5, 12, 7);
        purchasing.offer(fast, sku, "3.00", 1, 1, 2);

        JsonNode run =
                admin.post("/api/replenishment/runs", Map.of()).expect(201).json();

        assertThat(run.get("status").asString()).isEqualTo("DONE");
        assertThat(run.get("proposed").asInt()).isPositive();
        assertThat(admin.get("/api/replenishment/runs/" + run.get("id").asString())
                        .expect(200)
                        .json()
                        .get("checked")
                        .asInt())
                .isEqualTo(run.get("checked").asInt());
        JsonNode proposal = proposalOf(admin, sku);
        // projected 3, reorder point 10, cycle stock 10 − 4 = 6: 13 needed, rounded up to packs of 12
        assertThat(proposal.get("quantity").asLong()).isEqualTo(24);
        assertThat(proposal.get("supplierId").asString()).isEqualTo(cheap);
        assertThat(proposal.get("unitPrice").get("amount").asString()).isEqualTo("2.00");
        assertThat(proposal.get("onHand").asLong()).isEqualTo(3);
        assertThat(proposal.get("reorderPoint").asLong()).isEqualTo(10);

        Map<String, Object> body =
                Map.of("proposalIds", List.of(proposal.get("id").asString()));
        JsonNode ordered = admin.post("/api/replenishment/proposals/purchase-orders", body)
                .expect(200)
                .json()
                .get("purchaseOrders");
        JsonNode again = admin.post("/api/replenishment/proposals/purchase-orders", body)
                .expect(200)
                .json()
                .get("purchaseOrders");

        assertThat(ordered).hasSize(1);
        assertThat(ordered.get(0).get("status").asString()).isEqualTo("DRAFT");
        assertThat(ordered.get(0).get("supplierId").asString()).isEqualTo(cheap);
        assertThat(ordered.get(0).get("lines").get(0).get("quantity").asLong()).isEqualTo(24);
        assertThat(again).isEmpty();
        assertThat(admin.get("/api/purchase-orders?sku=" + sku)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);

        admin.post("/api/replenishment/runs", Map.of()).expect(201);
        assertThat(proposalOrNull(admin, sku))
                .as("the draft counts: nothing more to propose")
                .isNull();
        JsonNode report = fixtures.consistency();
        assertThat(report.get("consistent").asBoolean()).as(report.toString()).isTrue();
    }

    private static JsonNode proposalOf(Api admin, String sku) {
        JsonNode proposal = proposalOrNull(admin, sku);
        assertThat(proposal).as("a proposal for " + sku).isNotNull();
        return proposal;
    }

    private static JsonNode proposalOrNull(Api admin, String sku) {
        return admin.get("/api/replenishment/proposals")
                .expect(200)
                .json()
                .valueStream()
                .filter(p -> p.get("sku").asString().equals(sku))
                .findFirst()
                .orElse(null);
    }
}
