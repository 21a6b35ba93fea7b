package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every user reads times in their own zone (else the company's, UTC in tests), in their language, marked with the
 * offset; the API keeps its instants in UTC.
 */
@OrdoTest
class TimeZonePageTests {

    /** Half past eleven in the evening in UTC: the next day in Berlin and in Shanghai. */
    static final Instant PLACED = Instant.parse("2026-03-10T23:30:00Z");

    private static final Pattern PLACED_AT = Pattern.compile("(?:Placed|下单时间)</dt>\\s*<dd[^>]*>([^<]+)</dd>");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBerlinUserAndAShanghaiUserSeeTheSameOrderInTheirOwnLocalTimes() {
        String order = orderPlacedAt(PLACED);
        PageClient berlin = signedIn(users.staff("SALES"));
        PageClient shanghai = signedIn(users.staff("SALES"));
        chooseZone(berlin, "Europe/Berlin");
        chooseZone(shanghai, "Asia/Shanghai");

        assertThat(placedAt(berlin, order))
                .contains("Mar 11, 2026")
                .contains("12:30")
                .endsWith("UTC+1");
        assertThat(placedAt(shanghai, order))
                .contains("Mar 11, 2026")
                .contains("7:30")
                .endsWith("UTC+8");
        JsonNode api =
                Api.at(port).asAdmin().get("/api/orders/" + order).expect(200).json();
        assertThat(api.get("placedAt").asString()).isEqualTo("2026-03-10T23:30:00Z");
    }

    @Test
    void aUserWithoutAZoneReadsTheCompanyZoneAndAChineseUserReadsChineseDates() {
        String order = orderPlacedAt(PLACED);
        PageClient plain = signedIn(users.staff("SALES"));
        assertThat(placedAt(plain, order))
                .contains("Mar 10, 2026")
                .contains("11:30")
                .endsWith("UTC");

        PageClient chinese = signedIn(users.staff("SALES"));
        chooseZone(chinese, "Asia/Shanghai");
        chinese.post("/settings/language", Map.of("language", "zh-CN", "returnTo", "/"));
        assertThat(placedAt(chinese, order)).isEqualTo("2026年3月11日 上午7:30 UTC+8");
    }

    @Test
    void anUnknownZoneIsExplainedNextToTheSelectAndChangesNothing() {
        PageClient page = signedIn(users.staff("SUPPORT"));
        chooseZone(page, "Asia/Tokyo");

        HttpResponse<String> refused = page.post("/settings/time-zone", Map.of("timeZone", "Mars/Olympus_Mons"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"timeZone-error\"").contains("Choose a time zone from the list.");
        assertThat(page.get("/settings/password").body())
                .contains("<option value=\"Asia/Tokyo\" selected=\"selected\"");
    }

    @Test
    void anAdministratorSetsAUsersZoneOnTheUserPageAndTheApiShowsIt() {
        String username = users.staff("WAREHOUSE");
        PageClient admin = signedIn("admin", Api.ADMIN_PASSWORD);
        admin.get("/admin/users/" + username);

        HttpResponse<String> saved =
                admin.post("/admin/users/" + username + "/time-zone", Map.of("timeZone", "America/New_York"));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/users/" + username).body())
                .contains("<option value=\"America/New_York\" selected=\"selected\"");
        Api api = Api.at(port).asAdmin();
        assertThat(api.get("/api/users/" + username)
                        .expect(200)
                        .json()
                        .get("timeZone")
                        .asString())
                .isEqualTo("America/New_York");
        Map<String, Object> companyZone = new HashMap<>();
        companyZone.put("timeZone", null);
        assertThat(api.patch("/api/users/" + username, companyZone)
                        .expect(200)
                        .json()
                        .get("timeZone")
                        .isNull())
                .isTrue();
        api.patch("/api/users/" + username, Map.of("timeZone", "Europe/Atlantis"))
                .expect(400);
    }

    private String orderPlacedAt(Instant placed) {
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("5.00");
        fixtures.receive(sku, warehouse, 5);
        UUID customer = fixtures.customer("10000.00");
        JsonNode order = Api.at(port)
                .asAdmin()
                .post("/api/orders", Fixtures.order(customer, sku, 1))
                .expect(201)
                .json();
        String id = order.get("id").asString();
        jdbc.update("UPDATE sales_order SET placed_at = ? WHERE id = ?", Timestamp.from(placed), UUID.fromString(id));
        return id;
    }

    private PageClient signedIn(String username) {
        return signedIn(username, TestUsers.PASSWORD);
    }

    private PageClient signedIn(String username, String password) {
        PageClient page = new PageClient(port);
        page.logIn(username, password);
        return page;
    }

    private static void chooseZone(PageClient page, String zone) {
        page.get("/settings/password");
        HttpResponse<String> chosen = page.post("/settings/time-zone", Map.of("timeZone", zone));
        assertThat(chosen.statusCode()).isEqualTo(302);
    }

    private static String placedAt(PageClient page, String order) {
        String body = page.get("/orders/" + order).body();
        Matcher placed = PLACED_AT.matcher(body);
        assertThat(placed.find()).as("the order page shows when it was placed").isTrue();
        return placed.group(1).trim().replace('\u202f', ' ');
    }
}
