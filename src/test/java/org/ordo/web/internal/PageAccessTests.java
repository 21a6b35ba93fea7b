package org.ordo.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.identity.Actor;
import org.ordo.identity.Role;
import org.ordo.orders.OrderStatus;

class PageAccessTests {

    private static Actor actor(Role... roles) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(java.util.List.of(roles));
        return new Actor("someone", set, set.contains(Role.CUSTOMER) ? UUID.randomUUID() : null);
    }

    private static java.util.List<String> links(Actor actor) {
        return PageAccess.navigation(actor).stream()
                .map(PageAccess.NavItem::href)
                .toList();
    }

    @Test
    void eachRoleSeesOnlyTheSectionsItMayOpenAndCustomersOnlyThePortal() {
        assertThat(links(actor(Role.ADMIN)))
                .containsExactly(
                        "/",
                        "/orders",
                        "/orders/new",
                        "/quotations",
                        "/warehouse",
                        "/purchasing",
                        "/accounting",
                        "/customers",
                        "/returns",
                        "/deliveries",
                        "/cases",
                        "/purchasing/forecasts",
                        "/imports",
                        "/edi",
                        "/intake",
                        "/pricing/price-lists",
                        "/admin");
        assertThat(links(actor(Role.SALES)))
                .containsExactly(
                        "/",
                        "/orders",
                        "/orders/new",
                        "/quotations",
                        "/customers",
                        "/returns",
                        "/cases",
                        "/purchasing/forecasts",
                        "/imports",
                        "/edi",
                        "/intake",
                        "/pricing/price-lists");
        assertThat(links(actor(Role.ACCOUNTING)))
                .containsExactly("/", "/orders", "/accounting", "/customers", "/returns", "/pricing/price-lists");
        assertThat(links(actor(Role.WAREHOUSE)))
                .containsExactly(
                        "/orders", "/warehouse", "/returns", "/deliveries", "/purchasing/forecasts", "/imports");
        assertThat(links(actor(Role.SUPPORT)))
                .containsExactly("/orders", "/customers", "/returns", "/deliveries", "/cases", "/pricing/price-lists");
        assertThat(links(actor(Role.PURCHASING))).containsExactly("/purchasing", "/purchasing/forecasts");
        assertThat(links(actor(Role.CUSTOMER)))
                .containsExactly("/portal/shop", "/portal", "/portal/quotations", "/portal/invoices", "/portal/cases");
    }

    @Test
    void everyoneLandsWhereTheirWorkStarts() {
        assertThat(PageAccess.home(actor(Role.SALES))).isEqualTo("/");
        assertThat(PageAccess.home(actor(Role.WAREHOUSE))).isEqualTo("/warehouse");
        assertThat(PageAccess.home(actor(Role.SUPPORT))).isEqualTo("/orders");
        assertThat(PageAccess.home(actor(Role.CUSTOMER))).isEqualTo("/portal");
        assertThat(PageAccess.home(actor(Role.PURCHASING))).isEqualTo("/purchasing");
    }

    @Test
    void holdAndReleaseAreOfferedOnlyToHoldersAndOnlyWhereTheStateTableAllowsThem() {
        assertThat(PageAccess.orderActions(actor(Role.SALES), OrderStatus.CONFIRMED, false))
                .containsExactly("edit", "hold", "cancel");
        assertThat(PageAccess.orderActions(actor(Role.ACCOUNTING), OrderStatus.ON_HOLD, false))
                .containsExactly("release");
        assertThat(PageAccess.orderActions(actor(Role.SALES), OrderStatus.ON_HOLD, false))
                .containsExactly("edit", "release", "cancel");
        assertThat(PageAccess.orderActions(actor(Role.WAREHOUSE), OrderStatus.CONFIRMED, false))
                .isEmpty();
        assertThat(PageAccess.orderActions(actor(Role.SUPPORT), OrderStatus.PLACED, false))
                .containsExactly("cancel");
        // a customer cancels nothing on the staff's page: the portal is where a customer acts
        assertThat(PageAccess.orderActions(actor(Role.CUSTOMER), OrderStatus.CONFIRMED, false))
                .isEmpty();
    }

    @Test
    void onlyOrderTakersMayEditAndOnlyBeforeFulfilmentStarts() {
        for (OrderStatus status : OrderStatus.values()) {
            boolean changeable = status == OrderStatus.DRAFT
                    || status == OrderStatus.PLACED
                    || status == OrderStatus.CONFIRMED
                    || status == OrderStatus.ON_HOLD;
            assertThat(PageAccess.orderActions(actor(Role.ADMIN), status, false).contains("edit"))
                    .as(status.name())
                    .isEqualTo(changeable);
            assertThat(PageAccess.orderActions(actor(Role.SALES), status, false).contains("edit"))
                    .as(status.name())
                    .isEqualTo(changeable);
            assertThat(PageAccess.orderActions(actor(Role.SALES), status, true))
                    .as(status.name())
                    .doesNotContain("edit");
        }
        for (Role role : EnumSet.of(Role.WAREHOUSE, Role.ACCOUNTING, Role.SUPPORT, Role.CUSTOMER)) {
            assertThat(PageAccess.orderActions(actor(role), OrderStatus.CONFIRMED, false))
                    .as(role.name())
                    .doesNotContain("edit");
        }
    }

    @Test
    void nothingIsOfferedOnceTheOrderHasShippedOrIsFinished() {
        assertThat(PageAccess.orderActions(actor(Role.ADMIN), OrderStatus.IN_FULFILLMENT, true))
                .isEmpty();
        for (OrderStatus done :
                EnumSet.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.COMPLETED, OrderStatus.CANCELLED)) {
            assertThat(PageAccess.orderActions(actor(Role.ADMIN), done, true))
                    .as(done.name())
                    .isEmpty();
        }
    }

    @Test
    void theLanguageSwitchReturnsOnlyToPathsOfThisApplication() {
        assertThat(SignInPage.localPath("/orders?status=ON_HOLD")).isEqualTo("/orders?status=ON_HOLD");
        assertThat(SignInPage.localPath("https://evil.example/")).isEqualTo("/");
        assertThat(SignInPage.localPath("//evil.example/")).isEqualTo("/");
        assertThat(SignInPage.localPath("/\\evil.example")).isEqualTo("/");
        assertThat(SignInPage.localPath(null)).isEqualTo("/");
    }

    @Test
    void anyChineseIsSimplifiedChineseAndEverythingElseEnglish() {
        assertThat(UserLocales.supported("zh-CN")).isEqualTo(java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(UserLocales.supported("zh")).isEqualTo(java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(UserLocales.supported("de-CH")).isEqualTo(java.util.Locale.ENGLISH);
        assertThat(UserLocales.supported(null)).isEqualTo(java.util.Locale.ENGLISH);
    }
}
