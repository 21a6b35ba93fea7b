package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard's period: what the reporting module refuses is explained next to the end date, in the user's language. */
@OrdoTest
class DashboardPageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void aPeriodEndingBeforeItStartsOrSpanningMoreThanTenYearsIsExplainedAtTheEndDateInTheUsersLanguage() {
        PageClient page = new PageClient(port);
        page.logIn(users.staff("SALES"), TestUsers.PASSWORD);

        String reversed = page.get("/dashboard?from=2026-11-21&to=2026-11-20").body();
        assertThat(reversed)
                .contains("id=\"to-error\"")
                .contains("Must not be before the start date.")
                .contains("value=\"2026-11-20\"");
        String tooLong = page.get("/dashboard?from=2000-01-01&to=2026-11-20").body();
        assertThat(tooLong).contains("id=\"to-error\"").contains("The period may span at most ten years.");

        page.post("/settings/language", Map.of("language", "zh-CN", "returnTo", "/dashboard"));
        assertThat(page.get("/dashboard?from=2026-11-21&to=2026-11-20").body())
                .contains("id=\"to-error\"")
                .contains("不能早于开始日期。");
        assertThat(page.get("/dashboard?from=2000-01-01&to=2026-11-20").body()).contains("期间最长为十年。");
    }

    @Test
    void theDashboardOffersItsKeyFiguresAsCsvForThePeriodShownToManagersOnly() {
        PageClient page = new PageClient(port);
        page.logIn(users.staff("ACCOUNTING"), TestUsers.PASSWORD);
        assertThat(page.get("/dashboard?from=2026-10-01&to=2026-10-31").body())
                .contains("id=\"kpis-csv\"")
                .contains("/dashboard/key-figures.csv?from=2026-10-01&amp;to=2026-10-31");
        var csv = page.get("/dashboard/key-figures.csv?from=2026-10-01&to=2026-10-31");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("name,value,unit,period\r\n")
                .contains("backorderRate,")
                .contains(",ratio,2026-10-01/2026-10-31");

        PageClient warehouse = new PageClient(port);
        warehouse.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        assertThat(warehouse.get("/dashboard/key-figures.csv").statusCode()).isEqualTo(403);
    }
}
