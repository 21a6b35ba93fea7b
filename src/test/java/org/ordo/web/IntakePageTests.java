package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordo.intake.DocumentStatus;
import org.ordo.intake.MailOrders;
import org.ordo.intake.internal.PurchaseOrderPdfs;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The e-mailed orders pages: for those who enter orders; a draft is placed only when complete, and says why not. */
@OrdoTest
class IntakePageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    MailOrders mailOrders;

    @Test
    void onlyAdminAndSalesOpenTheEmailedOrders() {
        MailOrders.Draft draft = mailOrders.receive(new MailOrders.Incoming(
                "po.txt", "text/plain", "1 x anything\n".getBytes(StandardCharsets.UTF_8), null, null, null));
        PageClient warehouse = logIn(users.staff("WAREHOUSE"));
        assertThat(warehouse.get("/intake").statusCode()).isEqualTo(403);
        assertThat(warehouse.get("/intake/" + draft.document().id()).statusCode())
                .isEqualTo(403);
        assertThat(warehouse.get("/intake/" + draft.document().id() + "/file").statusCode())
                .isEqualTo(403);
        PageClient sales = logIn(users.staff("SALES"));
        assertThat(sales.get("/intake").body()).contains("po.txt");
        assertThat(sales.get("/intake/" + draft.document().id() + "/file").body())
                .isEqualTo("1 x anything\n");
    }

    @Test
    void anImageOnlyPdfShowsWhyItHasNoLines() {
        MailOrders.Draft draft = mailOrders.receive(new MailOrders.Incoming(
                "scan.pdf", "application/pdf", PurchaseOrderPdfs.imageOnly(), null, null, null));

        String page = logIn(users.staff("SALES"))
                .get("/intake/" + draft.document().id())
                .body();

        assertThat(page).contains("id=\"intake-note\"").contains("This PDF holds no text");
    }

    @Test
    void aDraftWithoutCustomerOrProductIsNotPlacedAndSaysWhatIsMissing() {
        MailOrders.Draft draft = mailOrders.receive(new MailOrders.Incoming(
                "po.txt",
                "text/plain",
                "2 x nothing we sell at all\n".getBytes(StandardCharsets.UTF_8),
                null,
                null,
                null));
        PageClient sales = logIn(users.staff("SALES"));
        String id = draft.document().id().toString();
        sales.get("/intake/" + id);

        HttpResponse<String> refused = sales.post(
                "/intake/" + id,
                Map.of(
                        "action",
                        "place",
                        "customer",
                        "",
                        "poNumber",
                        "PO-9",
                        "line-0",
                        "1",
                        "sku-0",
                        "",
                        "quantity-0",
                        "2"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"intake-problems\"")
                .contains("Enter the customer")
                .contains("#1: ");
        MailOrders.Draft after = mailOrders.find(draft.document().id()).orElseThrow();
        assertThat(after.document().status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(after.document().poNumber()).isEqualTo("PO-9");
    }

    private PageClient logIn(String username) {
        PageClient client = new PageClient(port);
        client.logIn(username, TestUsers.PASSWORD);
        return client;
    }
}
