package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A request body is read as written and never past the size limit: a chunked body (no length given) is refused while it
 * streams, numbers are not bent into other numbers, a key given twice is an error, and every such refusal names its field
 * in plain words.
 */
@OrdoTest
class RequestBodyRulesTests {

    private static final long LIMIT = 4L * 1024 * 1024;
    private static final long HUGE = 150L * 1024 * 1024;

    @LocalServerPort
    int port;

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileItStreamsAndTheHeapStaysFlat() throws Exception {
        long heapBefore = usedHeapAfterGc();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String credentials = Base64.getEncoder()
                    .encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            out.write(("POST /api/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<String> statusLine = CompletableFuture.supplyAsync(() -> readStatusLine(socket));
            long sent = sendChunkedOrderUntilAnswered(out, statusLine);

            assertThat(statusLine.get(60, TimeUnit.SECONDS)).startsWith("HTTP/1.1 413");
            assertThat(sent).as("bytes the server took before refusing").isLessThan(4 * LIMIT);
        }
        assertThat(usedHeapAfterGc() - heapBefore)
                .as("heap growth while refusing a 150 MB body")
                .isLessThan(64L * 1024 * 1024);
    }

    @Test
    void numbersAreNotBentIntoOtherNumbersAndEachRefusalNamesItsField() {
        Api admin = Api.at(port).asAdmin();
        UUID customer = UUID.randomUUID();
        String sku = "NO-MATTER";
        assertRefused(
                admin,
                "{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1.5}]}",
                "lines[0].quantity",
                "must be a whole number");
        assertRefused(
                admin,
                "{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":\"１２\"}]}",
                "lines[0].quantity",
                "must be a whole number");
        assertRefused(
                admin,
                "{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\"" + sku
                        + "\",\"quantity\":99999999999999999999}]}",
                "lines[0].quantity",
                "is out of range");
        assertRefused(
                admin,
                "{\"customerId\":\"" + customer + "\",\"notes\":\"call\\u0000me\",\"lines\":[]}",
                "notes",
                "must not contain control characters");
        // a price that is not free charges something: 1 × 0.004 EUR would be an order of 0.00
        JsonNode subCent = admin.post(
                        "/api/orders",
                        "{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\"" + sku
                                + "\",\"quantity\":1,\"unitPrice\":{\"amount\":\"0.004\",\"currency\":\"EUR\"}}]}")
                .expect(400)
                .json();
        assertThat(Fixtures.fields(subCent)).containsExactly("lines[0].unitPrice.amount");
        JsonNode duplicated = admin.post(
                        "/api/orders",
                        "{\"customerId\":\"" + customer + "\",\"customerId\":\"" + UUID.randomUUID()
                                + "\",\"lines\":[]}")
                .expect(400)
                .json();
        assertThat(duplicated.get("detail").asString()).contains("customerId");
        assertThat(admin.get("/api/orders?customerId=" + customer)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
    }

    private static void assertRefused(Api admin, String body, String field, String message) {
        JsonNode problem = admin.post("/api/orders", body).expect(400).json();
        assertThat(Fixtures.fields(problem)).as(body).containsExactly(field);
        String text = problem.get("errors").get(0).get("message").asString();
        assertThat(text).as(body).startsWith(message).doesNotContain("java.").doesNotContain("Long");
    }

    /** Sends one order whose lines never end, in 64 KiB chunks, until the server answers or stops reading. */
    private static long sendChunkedOrderUntilAnswered(OutputStream out, CompletableFuture<String> answered) {
        byte[] line = "{\"sku\":\"OF-1001\",\"quantity\":1},".repeat(2048).getBytes(StandardCharsets.US_ASCII);
        long sent = 0;
        try {
            sent += chunk(
                    out,
                    ("{\"customerId\":\"" + UUID.randomUUID() + "\",\"lines\":[").getBytes(StandardCharsets.US_ASCII));
            while (sent < HUGE && !answered.isDone()) {
                sent += chunk(out, line);
            }
        } catch (IOException stoppedReading) {
            // the server answered and closed: what was sent so far is what it took
        }
        return sent;
    }

    private static long chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return data.length;
    }

    private static String readStatusLine(Socket socket) {
        try {
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        } catch (IOException e) {
            return "no answer: " + e.getMessage();
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
