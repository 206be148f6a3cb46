package miicbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import miicbot.telegram.fake.FakeBotApi;

/**
 * Plays Telegram's side of a webhook for the tests: takes the updates queued in the {@link FakeBotApi} (through its
 * getUpdates) and POSTs each to one of the bot's webhook addresses with the secret header, as Telegram does: one
 * chat's updates one after another, chats in parallel, and an update that gets no 2xx is sent again (to the next
 * address, as a load balancer would) until one answers 2xx. With a redelivery share, some updates are sent once
 * more after their 2xx, as Telegram does after a timeout. A 2xx answer's body that names a Bot API "method" is carried
 * out against the fake, as Telegram does (counted in {@link #answerCalls}). Prints its seed.
 */
final class WebhookRelay implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeBotApi api;
    private final Supplier<List<URI>> targets;
    private final String secret;
    private final double redeliveryShare;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final Map<Long, CompletableFuture<Void>> chats = new HashMap<>();
    private final Thread poller;
    private volatile boolean running = true;
    final AtomicInteger posts = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger redelivered = new AtomicInteger();
    final AtomicInteger answerCalls = new AtomicInteger();

    /** {@code targets} is read at every attempt: a test can take a replica out of it. */
    WebhookRelay(FakeBotApi api, Supplier<List<URI>> targets, String secret, double redeliveryShare, long seed) {
        this.api = api;
        this.targets = targets;
        this.secret = secret;
        this.redeliveryShare = redeliveryShare;
        this.random = new Random(seed);
        System.out.println("WebhookRelay seed " + seed);
        poller = new Thread(this::poll, "webhook-relay");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        long offset = 0;
        while (running) {
            try {
                String body = "{\"offset\":" + offset + ",\"timeout\":1,\"limit\":100}";
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(api.url() + "/bot"
                        + FakeBotApi.TOKEN + "/getUpdates")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                for (JsonNode update : JSON.readTree(answer.body()).path("result")) {
                    offset = update.get("update_id").asLong() + 1;
                    long chat = chatOf(update);
                    String json = update.toString();
                    boolean again;
                    synchronized (random) {
                        again = random.nextDouble() < redeliveryShare;
                    }
                    synchronized (chats) {
                        chats.put(chat, chats.getOrDefault(chat, CompletableFuture.completedFuture(null))
                                .thenRunAsync(() -> deliver(json, again), pool));
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                sleep(50);
            }
        }
    }

    private void deliver(String update, boolean again) {
        int attempt;
        synchronized (random) {
            attempt = random.nextInt(1_000); // which replica the load balancer picks first
        }
        int tries = 0;
        long deadline = System.currentTimeMillis() + 120_000;
        while (running && System.currentTimeMillis() < deadline) {
            List<URI> to = targets.get();
            URI target = to.get(attempt++ % to.size());
            HttpResponse<String> answer = post(target, update, secret);
            int status = answer == null ? 0 : answer.statusCode();
            posts.incrementAndGet();
            if (status / 100 == 2) {
                callIn(answer);
                if (again) {
                    again = false;
                    redelivered.incrementAndGet();
                    continue; // Telegram sometimes sends an update it already got a 2xx for
                }
                return;
            }
            refused.incrementAndGet();
            tries++;
            sleep(Math.min(1_000, 20L * tries));
        }
        throw new AssertionError("update never accepted by any replica: " + update.length() + " bytes");
    }

    /** One POST; the answer, or null when the connection failed. */
    HttpResponse<String> post(URI target, String body, String secretHeader) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (secretHeader != null) {
                request.header(WebhookEndpoint.SECRET_HEADER, secretHeader);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Telegram's "making requests when getting updates": a JSON answer with a method is that call. */
    private void callIn(HttpResponse<String> answer) {
        if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return;
        }
        try {
            ObjectNode call = (ObjectNode) JSON.readTree(answer.body());
            String method = call.remove("method").asText();
            http.send(HttpRequest.newBuilder(URI.create(api.url() + "/bot" + FakeBotApi.TOKEN + "/" + method))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(call.toString())).build(),
                    HttpResponse.BodyHandlers.discarding());
            answerCalls.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new AssertionError("the webhook's answer is not a Bot API call: " + e);
        }
    }

    private static long chatOf(JsonNode update) {
        for (String kind : List.of("message", "edited_message")) {
            if (update.has(kind)) {
                return update.get(kind).path("chat").path("id").asLong();
            }
        }
        return update.path("callback_query").path("message").path("chat").path("id").asLong();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        pool.shutdownNow();
    }
}
