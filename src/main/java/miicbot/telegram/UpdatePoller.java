package miicbot.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import miicbot.metrics.Metrics;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The long poll: getUpdates in a loop on one thread; each batch goes to the consumer, which returns only once the
 * batch is durably applied, and only then does the next getUpdates's offset confirm it to Telegram (exactly once).
 * A failed poll is retried after 0.5 s, growing by half each time up to 10 s. Why not the library's poller: it
 * built a new Jackson deserialiser for every getUpdates, read each answer into a String first and found the
 * batch's highest id with a parallel stream, together a fifth of a non-PDF update's CPU in a profile.
 */
final class UpdatePoller implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(UpdatePoller.class.getName());
    private static final MediaType JSON_BODY = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** One reader for the answer's type, so its deserialiser is built once, not per poll. */
    private static final ObjectReader ANSWER = JSON.readerFor(TypeFactory.defaultInstance().constructParametricType(
            ApiResponse.class, TypeFactory.defaultInstance().constructCollectionType(ArrayList.class, Update.class)));

    private final OkHttpClient http;
    private final HttpUrl url;
    private final String allowedUpdates;
    private final int timeoutSeconds;
    private final Runnable beforePoll;
    private final Consumer<List<Update>> consumer;
    private final Metrics metrics;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Call inFlight;
    private int lastUpdateId;

    /**
     * @param allowedUpdates the update kinds to ask for
     * @param beforePoll     run before every getUpdates (the container's heartbeat)
     * @param consumer       takes each non-empty batch and returns once it is applied
     */
    UpdatePoller(OkHttpClient http, String apiBase, int timeoutSeconds, List<String> allowedUpdates,
                 Runnable beforePoll, Consumer<List<Update>> consumer) {
        this(http, apiBase, timeoutSeconds, allowedUpdates, beforePoll, consumer, Metrics.NONE);
    }

    /** As above; an unexpected error in the loop is counted in {@code metrics} as {@link Metrics.Failure#POLLER}. */
    UpdatePoller(OkHttpClient http, String apiBase, int timeoutSeconds, List<String> allowedUpdates,
                 Runnable beforePoll, Consumer<List<Update>> consumer, Metrics metrics) {
        this.metrics = metrics;
        this.http = http;
        this.url = HttpUrl.get(apiBase + "getUpdates");
        this.timeoutSeconds = timeoutSeconds;
        this.allowedUpdates = allowedUpdates.stream().map(kind -> "\"" + kind + "\"")
                .reduce((a, b) -> a + "," + b).orElse("");
        this.beforePoll = beforePoll;
        this.consumer = consumer;
        this.thread = new Thread(this::run, "poller-updates");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * The loop. It is the bot's only ear, so nothing ends it but {@link #close}: a failed poll is retried with
     * back-off; anything unexpected (an {@code Error} too) is logged, counted and treated the same way. The batch
     * it came from was not confirmed, so the next poll gets it again. Polling on was chosen over exiting for a
     * supervisor's restart: a restart would get the same batch and meet the same error, and every other parent
     * would wait through each restart.
     */
    private void run() {
        long backOff = BackOff.POLL.firstMillis();
        while (running) {
            try {
                beforePoll.run();
                List<Update> updates = poll();
                backOff = BackOff.POLL.firstMillis();
                updates.removeIf(update -> update.getUpdateId() <= lastUpdateId);
                if (!updates.isEmpty()) {
                    consumer.accept(updates);
                    for (Update update : updates) {
                        lastUpdateId = Math.max(lastUpdateId, update.getUpdateId());
                    }
                }
            } catch (Throwable e) {
                if (!running) {
                    return;
                }
                if (e instanceof IOException) {
                    LOG.warning("getUpdates failed (" + e.getClass().getSimpleName() + "); retrying in " + backOff
                            + " ms");
                } else {
                    metrics.failure(Metrics.Failure.POLLER);
                    LOG.log(Level.SEVERE, "unexpected " + e.getClass().getName() + " while polling; polling on in "
                            + backOff + " ms");
                }
                try {
                    backOff = BackOff.POLL.sleep(backOff);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** One getUpdates; Telegram's refusal (e.g. 409, another poller) comes out as an IOException to retry. */
    private List<Update> poll() throws IOException {
        String body = "{\"offset\":" + (lastUpdateId + 1) + ",\"limit\":100,\"timeout\":" + timeoutSeconds
                + ",\"allowed_updates\":[" + allowedUpdates + "]}";
        Call call = http.newCall(new Request.Builder().url(url)
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON_BODY)).build());
        inFlight = call;
        if (!running) {
            call.cancel();
        }
        try (Response response = call.execute(); ResponseBody answerBody = response.body()) {
            if (!response.isSuccessful() || answerBody == null) {
                throw new IOException("HTTP " + response.code());
            }
            ApiResponse<ArrayList<Update>> answer;
            try (InputStream in = answerBody.byteStream()) {
                answer = ANSWER.readValue(in);
            }
            if (answer == null || !Boolean.TRUE.equals(answer.getOk()) || answer.getResult() == null) {
                throw new IOException("refused: " + (answer == null ? "no answer" : answer.getErrorCode()));
            }
            return answer.getResult();
        } finally {
            inFlight = null;
        }
    }

    /** Stops polling: the poll in flight is cancelled and the batch being applied, if any, finishes first. */
    @Override
    public void close() {
        running = false;
        Call call = inFlight;
        if (call != null) {
            call.cancel();
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
