package miicbot.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The bot's HTTP server on Jetty 12 (its core, no servlets): {@code /healthz}, {@code /readyz}, {@code /metrics},
 * and in webhook mode the webhook at the exact path of WEBHOOK_URL. Plain HTTP: TLS ends at the reverse proxy.
 *
 * <p>Built to stay responsive under slow or many clients: Jetty reads headers and (here) the webhook's body without
 * holding a thread, so a client that trickles bytes costs a connection, not a worker; a connection idle for
 * {@value #IDLE_MILLIS} ms is closed, a body slower than {@value #MIN_BYTES_PER_SECOND} bytes/s is cut, at most
 * {@value #MAX_CONNECTIONS} connections are open at once, and work waits in a queue of at most
 * {@value #QUEUE} tasks. The JDK's server read each request on a worker thread, so 16 such clients stopped it.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WebServer.class.getName());
    /** Telegram's parallel webhook calls (setWebhook's max_connections); the pool has room for them and more. */
    public static final int THREADS = 16;
    static final int MAX_THREADS = 48;
    static final int QUEUE = 64;
    static final int MAX_CONNECTIONS = 512;
    static final long IDLE_MILLIS = 10_000;
    static final long MIN_BYTES_PER_SECOND = 1_024;

    private final Server server;
    private final ServerConnector connector;

    private WebServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    // Jetty's start-up banner is not an event an operator acts on: its loggers say warnings only. And it warns at
    // every start that a bounded queue "can lead to unexpected behavior": bounding it is the point here (a flood is
    // refused, not queued), so that one logger says only what is severe. Both held so they are not collected.
    private static final java.util.logging.Logger JETTY_LOG = java.util.logging.Logger.getLogger("org.eclipse.jetty");
    private static final java.util.logging.Logger JETTY_POOL_LOG =
            java.util.logging.Logger.getLogger(QueuedThreadPool.class.getName());

    /**
     * Starts serving on {@code address} (port 0 for any free one).
     *
     * @param storeAnswers       for /readyz: true when the store answers a query
     * @param lastTelegramAnswer for /readyz: when the Bot API last answered
     * @param metrics            for /metrics: the Prometheus text
     * @param webhook            the webhook, or null when polling
     */
    public static WebServer start(InetSocketAddress address, BooleanSupplier storeAnswers,
                                  Supplier<Instant> lastTelegramAnswer, Supplier<String> metrics, WebhookRoute webhook)
            throws IOException {
        JETTY_LOG.setLevel(java.util.logging.Level.WARNING);
        JETTY_POOL_LOG.setLevel(java.util.logging.Level.SEVERE);
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4, 60_000,
                new BlockingArrayQueue<>(QUEUE, 0, QUEUE));
        threads.setName("http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(8 * 1024);
        http.setMinRequestDataRate(MIN_BYTES_PER_SECOND);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(IDLE_MILLIS);
        connector.setAcceptQueueSize(128);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        server.setHandler(new Routes(new Health(storeAnswers, lastTelegramAnswer, Clock.systemUTC()), metrics,
                webhook == null ? null : webhook.path(),
                webhook == null ? null : new WebhookEndpoint(webhook.secret(), webhook.receiver())));
        server.setStopTimeout(2_000);
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("cannot start the HTTP server: " + e.getClass().getSimpleName(), e);
        }
        LOG.info("HTTP on port " + connector.getLocalPort() + (webhook == null ? "" : ", webhook at "
                + webhook.path()));
        return new WebServer(server, connector);
    }

    /** Exact paths only: {@code /healthz/x} or {@code /telegram-hook-other} is a 404, not the endpoint. */
    private static final class Routes extends Handler.Abstract {
        private final Health health;
        private final Supplier<String> metrics;
        private final String webhookPath;
        private final WebhookEndpoint webhook;

        Routes(Health health, Supplier<String> metrics, String webhookPath, WebhookEndpoint webhook) {
            this.health = health;
            this.metrics = metrics;
            this.webhookPath = webhookPath;
            this.webhook = webhook;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            if (path.equals("/healthz")) {
                Responses.text(200, "alive").send(response, callback);
            } else if (path.equals("/readyz")) {
                health.answer().send(response, callback);
            } else if (path.equals("/metrics")) {
                new Responses(200, "text/plain; version=0.0.4; charset=utf-8", metrics.get(), false)
                        .send(response, callback);
            } else if (webhook != null && path.equals(webhookPath)) {
                webhook(request, response, callback);
            } else {
                Responses.text(404, "not found").send(response, callback);
            }
            return true;
        }

        /** The body is read without holding a thread; the update is applied once it is all here. */
        private void webhook(Request request, Response response, Callback callback) {
            Responses refusal = webhook.refuse(request.getMethod(),
                    request.getHeaders().get(WebhookEndpoint.SECRET_HEADER),
                    request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH));
            if (refusal != null) {
                refusal.send(response, callback);
                return;
            }
            Content.Source.asByteBufferAsync(request, WebhookEndpoint.MAX_BODY_BYTES).whenComplete((body, failure) -> {
                Responses answer;
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    // Over the limit while being read (no length given), or the client gave up or was too slow.
                    answer = cause instanceof IllegalArgumentException ? Responses.closing(413, "")
                            : Responses.closing(400, "body not read");
                } else {
                    try {
                        answer = webhook.apply(bytes(body));
                    } catch (RuntimeException e) {
                        LOG.warning("webhook call failed: " + e.getClass().getName());
                        answer = Responses.text(500, "not applied; send it again");
                    }
                }
                answer.send(response, callback);
            });
        }

        private static byte[] bytes(ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Stops taking requests, lets those in flight finish for up to 2 s. */
    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warning("HTTP server stop: " + e.getClass().getSimpleName());
        }
    }
}
