package miicbot.telegram;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import miicbot.metrics.Metrics;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Watches every Bot API call on the HTTP client: counts answers by method and status, replies sent and calls that
 * {@link BotApi} will try again, and remembers when Telegram last answered at all (for /readyz). Reads only the
 * method name from the URL (the token is in the path too, and is never kept) and the status, never a body.
 */
final class BotApiWatch implements Interceptor {
    private static final Set<String> REPLIES = Set.of("sendmessage", "senddocument");

    private final Metrics metrics;
    private final Clock clock;
    private final AtomicReference<Instant> lastAnswer = new AtomicReference<>(Instant.EPOCH);

    BotApiWatch(Metrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        var segments = chain.request().url().pathSegments();
        String method = segments.isEmpty() ? "" : segments.get(segments.size() - 1).toLowerCase(Locale.ROOT);
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            metrics.botApiCall(method, 0);
            if (!method.equals("getupdates")) {
                metrics.retry(Metrics.Retry.NETWORK);
            }
            throw e;
        }
        lastAnswer.set(clock.instant());
        int status = response.code();
        metrics.botApiCall(method, status);
        if (status == 429) {
            metrics.retry(Metrics.Retry.RATE_LIMITED);
        } else if (status >= 500 && !method.equals("getupdates")) {
            metrics.retry(Metrics.Retry.SERVER_ERROR);
        } else if (status == 200 && REPLIES.contains(method)) {
            metrics.replySent(method);
        }
        return response;
    }

    /** When the Bot API last gave any answer (EPOCH: never). */
    Instant lastAnswer() {
        return lastAnswer.get();
    }
}
