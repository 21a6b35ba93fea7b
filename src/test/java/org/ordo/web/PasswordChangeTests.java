package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ordo.identity.Role;
import org.ordo.identity.UserAdmin;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every user changes their own password on a page: the current one is checked, the new one typed twice. */
@OrdoTest
class PasswordChangeTests {

    static final String OLD = "the-old-password-1";
    static final String NEW = "the-new-password-2";

    @LocalServerPort
    int port;

    @Autowired
    UserAdmin users;

    @Test
    void aWrongCurrentPasswordOrTwoDifferentNewOnesAreExplainedNextToTheFieldAndChangeNothing() {
        String username = newUser();
        PageClient page = new PageClient(port);
        page.logIn(username, OLD);
        assertThat(page.get("/settings/password").body()).contains("id=\"currentPassword\"");

        HttpResponse<String> wrong = page.post(
                "/settings/password",
                Map.of("currentPassword", "not-my-password-9", "newPassword", NEW, "confirmPassword", NEW));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body())
                .contains("id=\"currentPassword-error\"")
                .contains("This is not your current password.")
                // a password is never written back into the page
                .doesNotContain(NEW);

        HttpResponse<String> mismatch = page.post(
                "/settings/password", Map.of("currentPassword", OLD, "newPassword", NEW, "confirmPassword", NEW + "x"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("id=\"confirmPassword-error\"").contains("The two new passwords differ.");

        HttpResponse<String> tooShort = page.post(
                "/settings/password",
                Map.of("currentPassword", OLD, "newPassword", "short", "confirmPassword", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("id=\"newPassword-error\"");

        assertThat(new PageClient(port).logIn(username, OLD)).doesNotContain("error");
    }

    @Test
    void afterTheChangeOnlyTheNewPasswordLogsIn() {
        String username = newUser();
        PageClient page = new PageClient(port);
        page.logIn(username, OLD);
        page.get("/settings/password");
        HttpResponse<String> changed = page.post(
                "/settings/password", Map.of("currentPassword", OLD, "newPassword", NEW, "confirmPassword", NEW));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(page.get("/settings/password").body()).contains("Your password has been changed.");

        assertThat(new PageClient(port).logIn(username, OLD)).contains("/login?error");
        assertThat(new PageClient(port).logIn(username, NEW)).doesNotContain("error");
    }

    @Test
    void aChangedPasswordEndsTheUsersOtherSessionsButNotTheOneThatChangedIt() {
        String username = newUser();
        PageClient here = new PageClient(port);
        PageClient elsewhere = new PageClient(port);
        here.logIn(username, OLD);
        elsewhere.logIn(username, OLD);
        assertThat(elsewhere.get("/settings/password").statusCode()).isEqualTo(200);

        here.get("/settings/password");
        here.post("/settings/password", Map.of("currentPassword", OLD, "newPassword", NEW, "confirmPassword", NEW));

        assertThat(here.get("/settings/password").statusCode()).isEqualTo(200);
        HttpResponse<String> ended = elsewhere.get("/settings/password");
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
        assertThat(elsewhere.get("/login?expired").body()).contains("id=\"login-expired\"");
    }

    @Test
    void thePageNeedsASignedInUser() {
        HttpResponse<String> stranger = new PageClient(port).get("/settings/password");
        assertThat(stranger.statusCode()).isEqualTo(302);
        assertThat(stranger.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private String newUser() {
        String username = Fixtures.unique("pw").toLowerCase();
        users.create(username, OLD, "Password Changer", Set.of(Role.SUPPORT), null);
        return username;
    }
}
