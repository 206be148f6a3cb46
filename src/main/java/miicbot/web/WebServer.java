package miicbot.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The bot's HTTP server on the JDK's {@code com.sun.net.httpserver} (module jdk.httpserver): {@code /healthz},
 * {@code /readyz}, {@code /metrics}, and in webhook mode the webhook at the path of WEBHOOK_URL. Plain HTTP: TLS
 * ends at the reverse proxy in front.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WebServer.class.getName());
    /** Threads taking requests; setWebhook's max_connections matches it, so Telegram never waits on a queue. */
    public static final int THREADS = 16;

    /** Where the webhook listens and what it does; null in {@link #start} for polling mode. */
    public record Webhook(String path, String secret, Predicate<Update> receiver) { }

    private final HttpServer server;
    private final ExecutorService threads;

    private WebServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Starts serving on {@code address} (port 0 for any free one).
     *
     * @param storeAnswers       for /readyz: true when the store answers a query
     * @param lastTelegramAnswer for /readyz: when the Bot API last answered
     * @param metrics            for /metrics: the Prometheus text
     * @param webhook            the webhook, or null when polling
     */
    public static WebServer start(InetSocketAddress address, BooleanSupplier storeAnswers,
                                  Supplier<Instant> lastTelegramAnswer, Supplier<String> metrics, Webhook webhook)
            throws IOException {
        HttpServer server = HttpServer.create(address, 128);
        server.createContext("/healthz", exchange -> {
            try (exchange) {
                Responses.text(exchange, 200, "alive");
            }
        });
        server.createContext("/readyz", new Health(storeAnswers, lastTelegramAnswer, Clock.systemUTC()));
        server.createContext("/metrics", exchange -> {
            try (exchange) {
                Responses.send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get());
            }
        });
        if (webhook != null) {
            server.createContext(webhook.path(), new WebhookEndpoint(webhook.secret(), webhook.receiver()));
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.start();
        LOG.info("HTTP on port " + server.getAddress().getPort() + (webhook == null ? "" : ", webhook at "
                + webhook.path()));
        return new WebServer(server, threads);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops taking requests, lets those in flight finish for up to 2 s. */
    @Override
    public void close() {
        server.stop(2);
        threads.shutdownNow();
    }
}
