package miicbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A slow-client attack on the webhook port: 50 connections that send their headers, or their body, a byte at a
 * time. Meanwhile {@code /healthz} and a real update from Telegram are still answered within 2 seconds.
 */
@Timeout(60)
class SlowClientsTest {
    private static final String PATH = "/telegram/hook";
    private static final String SECRET = "s3cret-for-the-test";
    private static final int SLOW_CLIENTS = 50;
    private static final Duration WITHIN = Duration.ofSeconds(2);

    @Test
    void healthAndARealUpdateAreAnsweredWhileFiftyClientsTrickle() throws Exception {
        List<Long> received = new CopyOnWriteArrayList<>();
        WebhookRoute webhook = new WebhookRoute(PATH, SECRET, body -> received.add(updateId(body))
                ? WebhookRoute.Receipt.APPLIED : WebhookRoute.Receipt.NOT_APPLIED);
        List<Socket> slow = new ArrayList<>();
        try (WebServer web = WebServer.start(new InetSocketAddress("127.0.0.1", 0), () -> true, Instant::now,
                () -> "", webhook)) {
            // One update first, not measured: the first Update Jackson reads in this JVM costs class loading.
            HttpClient warm = HttpClient.newHttpClient();
            assertEquals(200, warm.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + PATH))
                    .header(WebhookEndpoint.SECRET_HEADER, SECRET).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"update_id\":4241}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket("127.0.0.1", web.port());
                slow.add(socket);
                OutputStream out = socket.getOutputStream();
                if (i % 2 == 0) { // headers never finished
                    out.write(("POST " + PATH + " HTTP/1.1\r\nHost: bot\r\nX-Slow: ").getBytes(StandardCharsets.US_ASCII));
                } else { // headers complete, the right secret even, and a body that never comes
                    out.write(("POST " + PATH + " HTTP/1.1\r\nHost: bot\r\n" + WebhookEndpoint.SECRET_HEADER + ": "
                            + SECRET + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"up")
                            .getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            }
            Thread trickle = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        for (Socket socket : slow) {
                            try {
                                socket.getOutputStream().write('a');
                                socket.getOutputStream().flush();
                            } catch (IOException closedByTheServer) {
                                // the server gave up on it: that is the point
                            }
                        }
                        Thread.sleep(200);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "trickle");
            trickle.setDaemon(true);
            trickle.start();
            try {
                Thread.sleep(500); // every slow client is in
                HttpClient http = HttpClient.newBuilder().connectTimeout(WITHIN).build();
                long start = System.nanoTime();
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + web.port() + "/healthz")).timeout(WITHIN).build(), HttpResponse.BodyHandlers.ofString());
                long healthMs = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, health.statusCode());

                start = System.nanoTime();
                HttpResponse<String> update = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + web.port() + PATH)).timeout(WITHIN).header(WebhookEndpoint.SECRET_HEADER, SECRET)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"update_id\":4242,\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":7,"
                                        + "\"type\":\"private\"},\"text\":\"hi\"}}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                long updateMs = (System.nanoTime() - start) / 1_000_000;
                System.out.println("SlowClientsTest: /healthz in " + healthMs + " ms, an update in " + updateMs
                        + " ms, with " + SLOW_CLIENTS + " slow clients");
                assertEquals(200, update.statusCode());
                assertEquals(List.of(4241L, 4242L), received);
                assertTrue(healthMs <= WITHIN.toMillis() && updateMs <= WITHIN.toMillis());
                for (String near : List.of("/healthz/x", PATH + "x", PATH + "/")) { // exact paths, not prefixes
                    assertEquals(404, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port()
                            + near)).timeout(WITHIN).build(), HttpResponse.BodyHandlers.discarding()).statusCode(), near);
                }
            } finally {
                trickle.interrupt();
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }


    /** The update id of a body, as the Telegram adapter would read it (the web package hands over bytes only). */
    private static long updateId(byte[] body) {
        try {
            return new ObjectMapper().readTree(body).get("update_id").asLong();
        } catch (IOException | NullPointerException e) {
            throw new IllegalArgumentException("not an update");
        }
    }
}
