package org.ordo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.ordo.testing.Acting;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The identity module's administration API the pages use: users, self-lockout, password resets, tokens, audit search. */
@OrdoTest
class IdentityAdminTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAdmin users;

    @Autowired
    TokenAdmin tokens;

    @Autowired
    AuditTrail audit;

    @AfterEach
    void stopActing() {
        Acting.stop();
    }

    @Test
    void anAdministratorCannotTakeTheAdminRoleFromThemselvesNorDisableThemselves() {
        String admin = Users.uniqueName("boss");
        Acting.as("admin", Role.ADMIN);
        users.create(admin, Users.PASSWORD, "Boss", Set.of(Role.ADMIN), null);
        UserAdmin.UserView me = users.user(admin).orElseThrow();

        Acting.as(admin, Role.ADMIN);
        OrdoException roles = catchThrowableOfType(
                OrdoException.class,
                () -> users.update(
                        admin, me.version(), new UserAdmin.UserUpdate("Boss", Set.of(Role.SALES), null, true)));
        assertThat(roles.errorCode()).isEqualTo("self-lockout");
        assertThat(roles.violations()).extracting(FieldViolation::field).containsExactly("roles");
        OrdoException disable = catchThrowableOfType(
                OrdoException.class,
                () -> users.update(
                        admin, me.version(), new UserAdmin.UserUpdate("Boss", Set.of(Role.ADMIN), null, false)));
        assertThat(disable.violations()).extracting(FieldViolation::field).containsExactly("enabled");
        assertThat(users.user(admin).orElseThrow()).isEqualTo(me);

        // another administrator may
        Acting.as("admin", Role.ADMIN);
        UserAdmin.UserView demoted = users.update(
                admin,
                me.version(),
                new UserAdmin.UserUpdate("Boss", EnumSet.of(Role.SALES, Role.SUPPORT), null, false));
        assertThat(demoted.roles()).containsExactly(Role.SALES, Role.SUPPORT);
        assertThat(demoted.enabled()).isFalse();
        OrdoException stale = catchThrowableOfType(
                OrdoException.class,
                () -> users.update(
                        admin, me.version(), new UserAdmin.UserUpdate("Boss", Set.of(Role.ADMIN), null, true)));
        assertThat(stale.kind()).isEqualTo(OrdoException.Kind.STALE);
    }

    @Test
    void aResetPasswordFollowsThePasswordRuleAndThenWorks() {
        String user = Users.uniqueName("forgetful");
        Acting.as("admin", Role.ADMIN);
        users.create(user, Users.PASSWORD, null, Set.of(Role.SUPPORT), null);
        OrdoException tooShort = catchThrowableOfType(OrdoException.class, () -> users.resetPassword(user, "short"));
        assertThat(tooShort.violations()).extracting(FieldViolation::field).containsExactly("password");
        users.resetPassword(user, "a-brand-new-password");
        Api.at(port).basic(user, "a-brand-new-password").get("/api/users/me").expect(200);
        assertThat(users.users(user, Paging.of(0, 5)).items())
                .extracting(UserAdmin.UserView::username)
                .containsExactly(user);
    }

    @Test
    void tokensOfEveryUserAreListedWithoutSecretsAndARevokedOneStopsWorking() {
        String user = Users.uniqueName("robot");
        Acting.as("admin", Role.ADMIN);
        users.create(user, Users.PASSWORD, null, Set.of(Role.SALES), null);
        TokenAdmin.IssuedToken issued =
                tokens.issue(user, "shop sync", Instant.now().plus(30, ChronoUnit.DAYS));
        assertThat(issued.secret()).startsWith("ordo_");
        Api.at(port).bearer(issued.secret()).get("/api/users/me").expect(200);

        PageResult<TokenAdmin.TokenInfo> mine = tokens.tokens(user, Paging.of(0, 10));
        assertThat(mine.items()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("shop sync");
            assertThat(t.username()).isEqualTo(user);
            assertThat(t.revoked()).isFalse();
        });
        assertThat(tokens.tokens(null, Paging.of(0, 500)).items())
                .extracting(TokenAdmin.TokenInfo::id)
                .contains(issued.id());
        tokens.revoke(issued.id());
        Api.at(port).bearer(issued.secret()).get("/api/users/me").expect(401);
        assertThat(tokens.tokens(user, Paging.of(0, 10)).items().get(0).revoked())
                .isTrue();
    }

    @Test
    void theAuditSearchFiltersByThingActorAndTimeNewestFirstAndVerifiesAChain() {
        String user = Users.uniqueName("audited");
        Acting.as("admin", Role.ADMIN);
        Instant before = Instant.now().minusSeconds(1);
        users.create(user, Users.PASSWORD, null, Set.of(Role.SALES), null);
        users.resetPassword(user, "another-password-1");

        PageResult<AuditEntry> entries =
                audit.search(new AuditTrail.Search("USER", user, "admin", before, null), Paging.of(0, 10));
        assertThat(entries.items()).extracting(AuditEntry::action).containsExactly("UPDATED", "CREATED");
        assertThat(entries.totalItems()).isEqualTo(2);
        assertThat(audit.search(new AuditTrail.Search("USER", user, "someone-else", null, null), Paging.of(0, 10))
                        .items())
                .isEmpty();
        assertThat(audit.search(new AuditTrail.Search("USER", user, null, null, before), Paging.of(0, 10))
                        .items())
                .isEmpty();
        // intact; what a tampered chain looks like is AuditChainsTests' business (the shared trail must stay intact)
        assertThat(audit.verify("USER", user)).isEmpty();
    }
}
