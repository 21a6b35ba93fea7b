package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.ShippedOrders;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;

/** What people read says things in words: no enum names, no developer terms, one day and two days. */
@OrdoTest
class PlainWordsTests {

    /** Words in capitals a person may well read: codes people use themselves (WAPE: the forecast error measure). */
    private static final Set<String> REAL_CODES = Set.of("GTIN", "IBAN", "VAT", "EORI", "WAPE");

    private static final Pattern ENUM_LIKE = Pattern.compile("\\b[A-Z][A-Z_]{3,}\\b");
    private static final Pattern LINK = Pattern.compile("href=\"(/[a-z][^\"?#]*)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    MessageSource messages;

    ShippedOrders shipping;

    @BeforeEach
    void setUp() {
        shipping = new ShippedOrders(port);
    }

    @Test
    void aRefusedTransitionIsExplainedInPlainWords() {
        ShippedOrders.Shipped delivered = shipping.forNewCustomer(1);

        JsonNode problem = Api.at(port)
                .asAdmin()
                .post("/api/orders/" + delivered.orderId() + "/cancel", Map.of("reason", "too late"))
                .expect(409)
                .json();
        assertThat(problem.get("detail").asString())
                .isEqualTo("Order " + delivered.orderNumber()
                        + " is delivered and cannot be cancelled; from here it can only become completed.");
        assertThat(problem.get("currentState").asString()).isEqualTo("DELIVERED");
        assertThat(problem.get("targetState").asString()).isEqualTo("CANCELLED");

        PageClient page = signedIn("SALES");
        page.get("/orders/" + delivered.orderNumber());
        HttpResponse<String> english =
                page.post("/orders/" + delivered.orderNumber() + "/cancel", Map.of("reason", "too late"));
        assertThat(english.statusCode()).isEqualTo(409);
        assertThat(visibleText(english.body()))
                .contains("Order " + delivered.orderNumber()
                        + " is \u201cDelivered\u201d and cannot be \u201cCancelled\u201d; from here it can only become"
                        + " Completed.")
                .doesNotContain("DELIVERED")
                .doesNotContain("CANCELLED");

        page.post("/settings/language", Map.of("language", "zh-CN", "returnTo", "/orders"));
        page.get("/orders/" + delivered.orderNumber());
        HttpResponse<String> chinese =
                page.post("/orders/" + delivered.orderNumber() + "/cancel", Map.of("reason", "too late"));
        assertThat(chinese.body()).contains("订单 " + delivered.orderNumber() + " 的状态为“已送达”，不能变为“已取消”");
    }

    @Test
    void orderFiltersOfferOnlyStatesAndChannelsThatOccur() {
        String list = signedIn("SALES").get("/orders").body();

        assertThat(list)
                .contains("value=\"PLACED\"", "value=\"PHONE\"", "value=\"REPLACEMENT\"")
                .doesNotContain("value=\"DRAFT\"")
                .contains("value=\"CSV\"");
    }

    @Test
    void aSpanOfOneDayIsOneDayAndOfTwoDaysTwoDays() {
        assertThat(messages.getMessage("warehouse.ship.delivery", new Object[] {"Monday", 1}, Locale.ENGLISH))
                .isEqualTo("Arrives Monday (1 working day)");
        assertThat(messages.getMessage("warehouse.ship.delivery", new Object[] {"Monday", 2}, Locale.ENGLISH))
                .isEqualTo("Arrives Monday (2 working days)");
        assertThat(messages.getMessage("admin.customer.days", new Object[] {30}, Locale.ENGLISH))
                .isEqualTo("30 days");
    }

    @Test
    void pagesNeverShowEnumNames() {
        ShippedOrders.Shipped delivered = shipping.forNewCustomer(1);
        Map<String, List<String>> found = new java.util.TreeMap<>();
        for (String role : List.of("SALES", "WAREHOUSE", "ACCOUNTING", "SUPPORT", "PURCHASING", "ADMIN")) {
            PageClient page = signedIn(role);
            for (String path : mainPages(page, "/orders/" + delivered.orderNumber())) {
                HttpResponse<String> response = page.get(path);
                if (response.statusCode() == 200
                        && response.headers()
                                .firstValue("Content-Type")
                                .orElse("")
                                .startsWith("text/html")) {
                    Set<String> enumLike = enumLike(visibleText(response.body()), delivered);
                    if (!enumLike.isEmpty()) {
                        found.put(role + " " + path, List.copyOf(enumLike));
                    }
                }
            }
        }
        PageClient portal = new PageClient(port);
        portal.logIn(users.customer(delivered.customer()), TestUsers.PASSWORD);
        for (String path :
                List.of("/portal", "/portal/orders", "/portal/orders/" + delivered.orderNumber(), "/portal/invoices")) {
            Set<String> enumLike = enumLike(visibleText(portal.get(path).body()), delivered);
            if (!enumLike.isEmpty()) {
                found.put("CUSTOMER " + path, List.copyOf(enumLike));
            }
        }
        assertThat(found).as("enum names shown on pages").isEmpty();
    }

    /** The pages the navigation links to, and the ones given. */
    private static Set<String> mainPages(PageClient page, String... more) {
        Set<String> paths = new LinkedHashSet<>(List.of("/dashboard"));
        Matcher link = LINK.matcher(page.get("/dashboard").body());
        while (link.find()) {
            String path = link.group(1);
            if (!path.startsWith("/webjars")
                    && !path.startsWith("/css")
                    && !path.contains(".")
                    && !path.equals("/logout")) {
                paths.add(path);
            }
        }
        paths.addAll(List.of(more));
        return paths;
    }

    private static String visibleText(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?s)<[^>]*>", " ")
                .replace("&nbsp;", " ");
    }

    /**
     * The words in capitals that name a constant of one of Ordo's enums or join words by underscores; other capitals
     * (generated codes and names of test data) are data, not developer words.
     */
    private static Set<String> enumLike(String text, ShippedOrders.Shipped shipped) {
        Set<String> found = new TreeSet<>();
        Matcher m = ENUM_LIKE.matcher(text);
        while (m.find()) {
            String word = m.group();
            if ((word.contains("_") || ENUM_NAMES.contains(word))
                    && !REAL_CODES.contains(word)
                    && shipped.skus().stream().noneMatch(s -> s.contains(word))) {
                found.add(word);
            }
        }
        return found;
    }

    private static final Set<String> ENUM_NAMES = enumNames();

    private static Set<String> enumNames() {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AssignableTypeFilter(Enum.class));
        Set<String> names = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("org.ordo")) {
            try {
                // a constant with a body of its own is a subclass of its enum, with no constants of its own
                Object[] constants = Class.forName(candidate.getBeanClassName()).getEnumConstants();
                for (Object constant : constants == null ? new Object[0] : constants) {
                    names.add(((Enum<?>) constant).name());
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    private PageClient signedIn(String role) {
        PageClient page = new PageClient(port);
        page.logIn(users.staff(role), TestUsers.PASSWORD);
        return page;
    }
}
