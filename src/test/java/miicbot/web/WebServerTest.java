package miicbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The endpoints without a bot: polling mode's /healthz, /readyz and /metrics on METRICS_PORT, and no webhook. */
class WebServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(WebServer web, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessNamesWhatFailsAndPollingModeHasNoWebhook() throws Exception {
        AtomicBoolean storeUp = new AtomicBoolean(true);
        AtomicReference<Instant> lastAnswer = new AtomicReference<>(Instant.now());
        try (WebServer web = WebServer.start(new InetSocketAddress("127.0.0.1", 0), storeUp::get, lastAnswer::get,
                () -> "miicbot_updates_total{kind=\"message\"} 3.0\n", null)) {
            assertEquals(200, get(web, "/healthz").statusCode());
            assertEquals("ready", get(web, "/readyz").body());

            lastAnswer.set(Instant.now().minus(Health.TELEGRAM_WINDOW).minus(Duration.ofSeconds(1)));
            HttpResponse<String> stale = get(web, "/readyz");
            assertEquals(503, stale.statusCode());
            assertEquals("no answer from the Bot API for 5 minutes", stale.body());

            storeUp.set(false);
            assertEquals("store not reachable; no answer from the Bot API for 5 minutes", get(web, "/readyz").body());
            assertEquals(200, get(web, "/healthz").statusCode(), "alive though not ready");

            HttpResponse<String> metrics = get(web, "/metrics");
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            assertEquals("miicbot_updates_total{kind=\"message\"} 3.0\n", metrics.body());

            HttpResponse<String> webhook = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + web.port() + Replica.PATH)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, webhook.statusCode(), "no webhook in polling mode");
        }
    }
}
