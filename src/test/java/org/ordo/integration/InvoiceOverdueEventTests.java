package org.ordo.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.invoicing.InvoicingSupport;
import org.ordo.orders.OrderFulfillment;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code invoice.overdue}: written once, when the dunning run first finds an unpaid invoice past its due date. */
@OrdoTest
class InvoiceOverdueEventTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void anInvoiceIsToldOverdueOnceWhenDunningFirstFindsItPastDue() {
        InvoicingSupport flow = new InvoicingSupport(port, fulfillment, tx, events);
        Api admin = Api.at(port).asAdmin();
        JsonNode invoice = flow.shippedInvoice(flow.customer("DE", Map.of()), 1);
        String id = invoice.get("id").asString();
        assertThat(overdueEvents(id)).isEmpty();
        jdbc.update("UPDATE invoice SET due_date = CURRENT_DATE - 3 WHERE id = ?", UUID.fromString(id));

        admin.post("/api/admin/jobs/dunning", null).expect(200);
        admin.post("/api/admin/jobs/dunning", null).expect(200);

        List<String> overdue = overdueEvents(id);
        assertThat(overdue).hasSize(1);
        JsonNode body = json.readTree(overdue.get(0));
        assertThat(body.get("type").asString()).isEqualTo("invoice.overdue");
        JsonNode data = body.get("data");
        assertThat(data.get("number").asString())
                .isEqualTo(invoice.get("number").asString());
        assertThat(data.get("orderId").asString())
                .isEqualTo(invoice.get("orderId").asString());
        assertThat(data.get("amountDue").decimalValue()).isEqualByComparingTo("11.90");
        assertThat(data.get("currency").asString()).isEqualTo("EUR");
    }

    private List<String> overdueEvents(String invoiceId) {
        return jdbc.queryForList(
                "SELECT payload FROM integration_event WHERE type = 'invoice.overdue' AND aggregate_id = ?",
                String.class,
                invoiceId);
    }
}
