package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.PostgresInitializer;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * One lockout for every way in, and a limit per client address: five wrong passwords lock a username for the login page
 * and the API alike, and an address that fails too often (any username, any token) is answered 429 with Retry-After, so
 * that one client can neither guess on nor lock every user. Clients are told apart by the address a trusted proxy forwards
 * for ({@code X-Forwarded-For} from the loopback address); a context of its own, so its low limit troubles no other test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ordo.admin-password=" + Api.ADMIN_PASSWORD,
            "server.shutdown=immediate",
            "ordo.identity.throttle.max-failures=8"
        })
@ContextConfiguration(initializers = PostgresInitializer.class)
class LoginThrottleTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void fiveWrongApiPasswordsLockTheUserForThePageAndTheApiAlike() {
        String username = users.staff("SALES");
        Api guesser = Api.at(port).header("X-Forwarded-For", "198.51.100.1");
        for (int i = 1; i <= 4; i++) {
            guesser.basic(username, "wrong-" + i).get("/api/orders").expect(401);
        }
        assertThat(guesser.basic(username, "wrong-5")
                        .get("/api/orders")
                        .expect(401)
                        .json()
                        .get("errorCode")
                        .asString())
                .isEqualTo("locked");

        // the right password, from elsewhere, is refused while the lock lasts: over the API and on the page
        Api owner = Api.at(port).header("X-Forwarded-For", "198.51.100.2").basic(username, TestUsers.PASSWORD);
        assertThat(owner.get("/api/orders").expect(401).json().get("errorCode").asString())
                .isEqualTo("locked");
        assertThat(new PageClient(port).logIn(username, TestUsers.PASSWORD)).endsWith("/login?locked");
    }

    @Test
    void anAddressThatFailsTooOftenIsAnswered429WithRetryAfterWhateverItTriesNext() {
        Api guesser = Api.at(port).header("X-Forwarded-For", "198.51.100.10");
        for (int i = 0; i < 8; i++) {
            guesser.basic("nobody-" + i, "guess").get("/api/orders").expect(401);
        }
        Api.Response refused = guesser.asAdmin().get("/api/orders").expect(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 600L);
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("too-many-failed-logins");
        // the login page refuses the address too; another address is not affected, nor is admin locked
        PageClient page = new PageClient(port);
        page.get("/login");
        HttpResponse<String> form = page.postWithHeaders(
                "/login",
                Map.of("username", "admin", "password", Api.ADMIN_PASSWORD),
                Map.of("X-Forwarded-For", "198.51.100.10"));
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(form.headers().firstValue("Retry-After")).isPresent();
        Api.at(port)
                .header("X-Forwarded-For", "198.51.100.11")
                .asAdmin()
                .get("/api/orders")
                .expect(200);
    }

    @Test
    void guessingApiTokensIsThrottledLikeGuessingPasswords() {
        Api guesser = Api.at(port).header("X-Forwarded-For", "198.51.100.20");
        for (int i = 0; i < 8; i++) {
            guesser.bearer("ordo_guess_" + i).get("/api/orders").expect(401);
        }
        guesser.bearer("ordo_guess_9").get("/api/orders").expect(429);
        assertThat(Api.at(port)
                        .header("X-Forwarded-For", "198.51.100.21")
                        .asAdmin()
                        .get("/api/orders")
                        .status())
                .isEqualTo(200);
    }
}
