package miicbot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/** The one OkHttp client the bot's calls and its long poll share, and how it is let go. */
final class BotHttp {
    private BotHttp() {
    }

    /** A client whose read timeout outlasts a long poll of {@code pollTimeoutSeconds}; {@code watch} sees every call. */
    static OkHttpClient client(int pollTimeoutSeconds, BotApiWatch watch) {
        // The client makes every call through OkHttp's dispatcher, which by default runs 5 at a time per host: with
        // one Bot API host that capped the bot at 4 calls in flight beside the long poll, and chats queued on it.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(64);
        return new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES)).connectTimeout(Duration.ofSeconds(10))
                .addInterceptor(watch)
                .readTimeout(Duration.ofSeconds(pollTimeoutSeconds + 15L))
                .writeTimeout(Duration.ofSeconds(30)).build();
    }

    /** Telegram's Bot API, or the server at {@code apiUrl} (a local one, or the tests' fake). */
    static TelegramUrl url(URI apiUrl) {
        if (apiUrl == null) {
            return TelegramUrl.DEFAULT_URL;
        }
        int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : apiUrl.getScheme().equals("https") ? 443 : 80;
        return TelegramUrl.builder().schema(apiUrl.getScheme()).host(apiUrl.getHost()).port(port).testServer(false)
                .build();
    }

    /** Ends OkHttp's threads, then closes its connections (an async call ending meanwhile returns its own first). */
    static void close(OkHttpClient http) {
        ExecutorService dispatcher = http.dispatcher().executorService();
        dispatcher.shutdownNow();
        try {
            dispatcher.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.connectionPool().evictAll();
    }
}
