package org.ordo.invoicing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.identity.AuditTrail;
import org.ordo.invoicing.InvoicingSupport;
import org.ordo.orders.OrderFulfillment;
import org.ordo.platform.CompanyCalendar;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Whether an invoice is overdue is decided on the company's calendar, not on UTC's. */
@OrdoTest
class CompanyDayDunningTests {

    /** Half past eleven in the evening in London is already the next morning in Shanghai. */
    static final Instant LATE_EVENING_UTC = Instant.parse("2026-03-10T23:30:00Z");

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
    JdbcClient jdbcClient;

    @Autowired
    InvoiceService management;

    @Autowired
    InvoiceStore invoices;

    @Autowired
    AuditTrail audit;

    @Autowired
    InvoicingProperties properties;

    @Test
    void anInvoiceDueOnTheTenthIsOverdueAtHalfPastElevenUtcForACompanyInShanghaiButNotForOneInLondon() {
        String invoice = invoiceDueOn(LocalDate.parse("2026-03-10"));

        dunningAt("Europe/London").run();
        assertThat(status(invoice)).isEqualTo("ISSUED");

        DunningService.Run shanghai = dunningAt("Asia/Shanghai").run();
        assertThat(shanghai.asOf()).isEqualTo(LocalDate.parse("2026-03-11"));
        assertThat(status(invoice)).isEqualTo("OVERDUE");
    }

    private DunningService dunningAt(String companyZone) {
        CompanyCalendar calendar =
                new CompanyCalendar(ZoneId.of(companyZone), Clock.fixed(LATE_EVENING_UTC, ZoneOffset.UTC));
        return new DunningService(jdbcClient, tx, management, invoices, audit, properties, calendar, events);
    }

    private String invoiceDueOn(LocalDate due) {
        Fixtures fixtures = new Fixtures(port);
        InvoicingSupport flow = new InvoicingSupport(port, fulfillment, tx, events);
        UUID customer = flow.customer("DE", Map.of());
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, 1);
        JsonNode order = flow.order(customer, sku, 1);
        flow.ship(order, warehouse, 1, 1);
        String id = flow.awaitInvoice(order.get("id").asString()).get("id").asString();
        jdbc.update("UPDATE invoice SET due_date = ? WHERE id = ?", Date.valueOf(due), UUID.fromString(id));
        return id;
    }

    private String status(String invoice) {
        return jdbc.queryForObject("SELECT status FROM invoice WHERE id = ?", String.class, UUID.fromString(invoice));
    }
}
