package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ordo.edi.EdiFiles;
import org.ordo.edi.EdiInterchanges;
import org.ordo.edi.TradingPartners;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Trading partners on the EDI pages: created with a customer, their item codes added and removed, the documents they
 * want chosen; what was sent back downloaded as a file; sales and admin only.
 */
@OrdoTest
class EdiPageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    TradingPartners partners;

    @Autowired
    EdiInterchanges interchanges;

    @Test
    void salesCreatesAPartnerNamingEachRefusedFieldAndAddsAndRemovesItsItemCodes() {
        Fixtures fixtures = new Fixtures(port);
        UUID customer = fixtures.customer("1000.00");
        String sku = fixtures.product("4.00");
        String sender = Fixtures.unique("P").substring(0, 12).toUpperCase();
        PageClient sales = logIn(users.staff("SALES"));
        sales.get("/edi/partners");

        HttpResponse<String> refused =
                sales.post("/edi/partners", Map.of("name", "", "standard", "X12", "senderId", sender));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"name-error\"", "id=\"customerId-error\"");

        Map<String, String> partner = Map.of(
                "name", "Partner " + sender, "customerId", customer.toString(), "standard", "X12", "senderId", sender);
        assertThat(sales.post("/edi/partners", partner).statusCode()).isEqualTo(302);
        String page = sales.get("/edi/partners").body();
        assertThat(page).contains("Partner " + sender);
        String id = page.replaceAll("(?s).*/edi/partners/([0-9a-f-]{36})/items\".*", "$1");

        HttpResponse<String> unknown =
                sales.post("/edi/partners/" + id + "/items", Map.of("partnerCode", "C-1", "sku", "NO-SUCH"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"item-error\"", "NO-SUCH");
        sales.post("/edi/partners/" + id + "/items", Map.of("partnerCode", "C-1", "sku", sku));
        assertThat(sales.get("/edi/partners").body()).contains("C-1 → " + sku);
        sales.post("/edi/partners/" + id + "/items/remove", Map.of("partnerCode", "C-1"));
        assertThat(sales.get("/edi/partners").body()).doesNotContain("C-1 → " + sku);
    }

    @Test
    void thePartnersChoiceOfShipNoticesAndInvoicesIsSavedAndShown() {
        UUID customer = new Fixtures(port).customer("1000.00");
        String sender = Fixtures.unique("D").substring(0, 12).toUpperCase();
        PageClient sales = logIn(users.staff("SALES"));
        sales.get("/edi/partners");

        Map<String, String> partner = Map.of(
                "name",
                "Partner " + sender,
                "customerId",
                customer.toString(),
                "standard",
                "X12",
                "senderId",
                sender,
                "shipNotices",
                "true");
        assertThat(sales.post("/edi/partners", partner).statusCode()).isEqualTo(302);
        TradingPartners.Partner created = partners.all().stream()
                .filter(p -> p.senderId().equals(sender))
                .findFirst()
                .orElseThrow();
        assertThat(created.shipNotices()).isTrue();
        assertThat(created.invoices()).isFalse();
        String page = sales.get("/edi/partners").body();
        assertThat(ticked(page, "shipNotices-" + created.id())).isTrue();
        assertThat(ticked(page, "invoices-" + created.id())).isFalse();
        assertThat(page).contains("Sent to this partner: 997, 855, 856<");

        // the boxes as sent: ship notices unticked, invoices ticked
        HttpResponse<String> changed =
                sales.post("/edi/partners/" + created.id() + "/documents", Map.of("invoices", "true"));
        assertThat(changed.statusCode()).isEqualTo(302);
        TradingPartners.Partner now = partners.find(created.id()).orElseThrow();
        assertThat(now.shipNotices()).isFalse();
        assertThat(now.invoices()).isTrue();
        page = sales.get("/edi/partners").body();
        assertThat(ticked(page, "shipNotices-" + created.id())).isFalse();
        assertThat(ticked(page, "invoices-" + created.id())).isTrue();
        assertThat(page).contains("Sent to this partner: 997, 855, 810<");
    }

    @Test
    void aDocumentSentBackDownloadsAsAnEdiFileNamedByItsNumberAndKind() {
        String sender = Fixtures.unique("F").substring(0, 12).toUpperCase();
        String control =
                String.valueOf(100_000_000 + ThreadLocalRandom.current().nextInt(900_000_000));
        UUID id = interchanges
                .receive(
                        "X12",
                        EdiFiles.x12(
                                EdiFiles.X12Style.PLAIN,
                                sender,
                                control,
                                List.of(EdiFiles.po850("PO-" + control, null, "VN NO-SKU 1"))))
                .id();
        EdiInterchanges.Document acknowledgement = interchanges.find(id).orElseThrow().documents().stream()
                .filter(d -> d.kind().equals("997"))
                .findFirst()
                .orElseThrow();
        PageClient sales = logIn(users.staff("SALES"));

        String page = sales.get("/edi/interchanges/" + id).body();
        String link = "/edi/interchanges/" + id + "/documents/" + acknowledgement.id() + "/file";
        assertThat(page).contains("href=\"" + link + "\"");
        HttpResponse<String> file = sales.get(link);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment").contains(control + "-997.edi"));
        assertThat(file.body()).isEqualTo(acknowledgement.raw()).contains("ST*997*");

        UUID purchaseOrder = interchanges.find(id).orElseThrow().documents().stream()
                .filter(d -> d.direction().equals("IN"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(sales.get("/edi/interchanges/" + id + "/documents/" + purchaseOrder + "/file")
                        .statusCode())
                .as("only what was sent back is a file here; what came in is the interchange's text")
                .isEqualTo(404);
    }

    @Test
    void onlyAdminAndSalesOpenTheEdiPages() {
        PageClient warehouse = logIn(users.staff("WAREHOUSE"));
        assertThat(warehouse.get("/edi").statusCode()).isEqualTo(403);
        assertThat(warehouse.get("/edi/partners").statusCode()).isEqualTo(403);
        assertThat(logIn(users.staff("SALES")).get("/edi").statusCode()).isEqualTo(200);
    }

    /** Whether the page's checkbox of that id is ticked. */
    private static boolean ticked(String page, String id) {
        Matcher input = Pattern.compile("<input[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(page);
        assertThat(input.find()).as(id).isTrue();
        return input.group().contains("checked");
    }

    private PageClient logIn(String username) {
        PageClient client = new PageClient(port);
        client.logIn(username, TestUsers.PASSWORD);
        return client;
    }
}
