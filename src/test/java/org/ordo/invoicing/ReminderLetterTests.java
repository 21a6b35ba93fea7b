package org.ordo.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.orders.OrderFulfillment;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A reminder's letter is a PDF per level in the customer's language: friendly first, firmer second, a final notice third,
 * naming every invoice of the customer past due with its days overdue and what is still due, the total and the bank account.
 */
@OrdoTest
class ReminderLetterTests {

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
    TestUsers users;

    InvoicingSupport flow;
    Api admin;

    @BeforeEach
    void setUp() {
        flow = new InvoicingSupport(port, fulfillment, tx, events);
        admin = Api.at(port).asAdmin();
    }

    /** Makes the invoice {@code days} past due and runs dunning, which sends the level due then. */
    private void pastDueBy(JsonNode invoice, int days) {
        jdbc.update(
                "UPDATE invoice SET due_date = ? WHERE id = ?",
                java.sql.Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(days)),
                UUID.fromString(invoice.get("id").asString()));
        assertThat(admin.post("/api/admin/jobs/dunning", null)
                        .expect(200)
                        .json()
                        .get("ran")
                        .asBoolean())
                .isTrue();
    }

    private String letter(JsonNode invoice, int level) throws IOException {
        Api.Binary pdf = admin.download(
                        "GET",
                        "/api/invoices/" + invoice.get("number").asString() + "/reminders/" + level + "/pdf",
                        null)
                .expect(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static String due(JsonNode invoice) {
        return invoice.get("totals").get("total").get("amount").asString();
    }

    @Test
    void eachLevelPrintsItsOwnWordingInEnglishWithTheInvoicesPastDueTheirTotalAndTheBankAccount() throws IOException {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode older = flow.shippedInvoice(customer, 10);
        JsonNode newer = flow.shippedInvoice(customer, 2);
        JsonNode notYetDue = flow.shippedInvoice(customer, 1);
        jdbc.update(
                "UPDATE invoice SET due_date = ? WHERE id = ?",
                java.sql.Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(3)),
                UUID.fromString(newer.get("id").asString()));
        pastDueBy(older, 8);

        String first = letter(older, 1);
        assertThat(first)
                .contains("Payment reminder", "Perhaps it has escaped your attention")
                .doesNotContain("Second payment reminder", "Final notice")
                .contains(older.get("buyer").get("name").asString())
                .contains(older.get("number").asString() + " "
                        + LocalDate.now(ZoneOffset.UTC).minusDays(8) + " 8 ")
                .contains(newer.get("number").asString() + " "
                        + LocalDate.now(ZoneOffset.UTC).minusDays(3) + " 3 ")
                .doesNotContain(notYetDue.get("number").asString())
                .contains("Total due (EUR) "
                        + new java.math.BigDecimal(due(older)).add(new java.math.BigDecimal(due(newer))))
                .contains("IBAN DE89370400440532013000", "Ordo Demo GmbH");

        pastDueBy(older, 22);
        assertThat(letter(older, 2)).contains("Second payment reminder", "Despite our first reminder");
        pastDueBy(older, 36);
        assertThat(letter(older, 3))
                .contains("Final notice", "hand the matter over for collection")
                .doesNotContain("Payment reminder");
        // a level never sent has no letter
        assertThat(admin.download("GET", "/api/invoices/" + newer.get("number").asString() + "/reminders/1/pdf", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aCustomerWhoReadsChineseGetsItsLettersInChineseWithTheNameInItsOwnScript() throws IOException {
        String name = "上海纸业有限公司 " + Fixtures.unique("SH");
        UUID customer = flow.customer("CN", Map.of("name", name, "language", "zh-CN"));
        JsonNode invoice = flow.shippedInvoice(customer, 4);
        pastDueBy(invoice, 8);
        assertThat(letter(invoice, 1))
                .contains("付款提醒", "您或许未曾留意", "逾期天数", "应付总额 (EUR)", name)
                .doesNotContain("Payment reminder", "最后催告");
        pastDueBy(invoice, 22);
        assertThat(letter(invoice, 2)).contains("第二次付款提醒", "尽管我们已发出第一次提醒");
        pastDueBy(invoice, 36);
        assertThat(letter(invoice, 3)).contains("最后催告", "交由催收处理");
    }

    @Test
    void aCustomerReadsTheLettersOfItsOwnInvoicesAndNoOneElses() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode invoice = flow.shippedInvoice(customer, 1);
        pastDueBy(invoice, 8);
        String path = "/api/invoices/" + invoice.get("id").asString() + "/reminders/1/pdf";
        assertThat(users.customerUser(port, customer)
                        .download("GET", path, null)
                        .status())
                .isEqualTo(200);
        assertThat(users.customerUser(port, flow.customer("DE", Map.of()))
                        .download("GET", path, null)
                        .status())
                .isEqualTo(404);
    }
}
