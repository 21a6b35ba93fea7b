package org.ordo.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without a browser: keeps cookies, follows no redirects, and fills in the CSRF token of the last page. */
final class PageClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    PageClient(int port) {
        this(
                port,
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build(),
                null);
    }

    private PageClient(int port, HttpClient http, String csrf) {
        this.base = "http://localhost:" + port;
        this.http = http;
        this.csrf = csrf;
    }

    /** The same browser (its cookies, its last CSRF token) on another node of the application. */
    PageClient on(int port) {
        return new PageClient(port, http, csrf);
    }

    HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "text/html");
        headers.forEach(request::header);
        HttpResponse<String> response = send(request);
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    /** Posts a form with the CSRF token of the last page read (unless {@code withToken} is false). */
    HttpResponse<String> post(String path, Map<String, String> fields, boolean withToken) {
        return post(path, fields, withToken, Map.of());
    }

    /** Posts a form with the CSRF token and extra headers (e.g. {@code HX-Request} for what htmx sends). */
    HttpResponse<String> postWithHeaders(String path, Map<String, String> fields, Map<String, String> headers) {
        return post(path, fields, true, headers);
    }

    private HttpResponse<String> post(
            String path, Map<String, String> fields, boolean withToken, Map<String, String> headers) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (withToken && csrf != null) {
            form.put("_csrf", csrf);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, fields, true);
    }

    /** Logs in through the form; returns where it redirected to. */
    String logIn(String username, String password) {
        get("/login");
        HttpResponse<String> response = post("/login", Map.of("username", username, "password", password));
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
