package miicbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import miicbot.chat.ChatService;
import miicbot.engine.Event;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.pdf.RequestForm;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The bot on Telegram: checks the token, publishes the command menu in each language, warms up the form renderer,
 * delivers replies left from before a restart, then long-polls. {@link #close()} stops polling, lets in-flight
 * updates finish and releases every thread, so the JVM can exit (TelegramBots alone would keep it alive).
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TelegramBot.class.getName());

    /**
     * How the bot talks to Telegram.
     *
     * @param token              the bot token
     * @param apiUrl             another Bot API server, or null for Telegram's
     * @param pollTimeoutSeconds getUpdates long-poll timeout (50 in production, 1 in tests so shutdown is quick)
     * @param messagesPerSecond  pace per chat (Telegram: about one a second, short bursts tolerated)
     * @param workers            threads for chats' work; a chat's updates run one at a time, in order
     * @param deleteTypedAnswers delete a parent's typed personal answers once stored
     * @param heartbeat          a file touched before every poll, for a container health check; null for none
     */
    public record Settings(String token, URI apiUrl, int pollTimeoutSeconds, double messagesPerSecond, int workers,
                           boolean deleteTypedAnswers, Path heartbeat) {
        public static Settings production(String token, URI apiUrl, double pace, boolean deleteTypedAnswers,
                                          Path heartbeat) {
            return new Settings(token, apiUrl, 50, pace, 16, deleteTypedAnswers, heartbeat);
        }
    }

    /** The token was refused by the Bot API (or the API could not be reached to check it). */
    public static final class BadToken extends Exception {
        BadToken(String message) {
            super(message);
        }
    }

    private final OkHttpClient http;
    private final ScheduledExecutorService poller;
    private final ChatQueues queues;
    private final ExecutorService answers;
    private final TelegramBotsLongPollingApplication polling;
    private final UpdateHandler handler;

    private TelegramBot(OkHttpClient http, ScheduledExecutorService poller, ChatQueues queues,
                        ExecutorService answers, TelegramBotsLongPollingApplication polling, UpdateHandler handler) {
        this.handler = handler;
        this.http = http;
        this.poller = poller;
        this.queues = queues;
        this.answers = answers;
        this.polling = polling;
    }

    /** Starts the bot; returns once polling runs. */
    public static TelegramBot start(Settings settings, ChatService chats, RequestForm form,
                                    Map<Language, Catalogue> catalogues) throws BadToken, TelegramApiException {
        TelegramUrl url = url(settings.apiUrl());
        // The client makes every call through OkHttp's dispatcher, which by default runs 5 at a time per host: with
        // one Bot API host that capped the bot at 4 calls in flight beside the long poll, and chats queued on it.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(64);
        OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES)).connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(settings.pollTimeoutSeconds() + 15L))
                .writeTimeout(Duration.ofSeconds(30)).build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(http, settings.token(), url);
        checkToken(client);
        publishCommands(client, catalogues);
        // Warm the renderer beside polling: parents need a form minutes after they start, not at once.
        Thread warmUp = new Thread(form::warmUp, "pdf-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();

        BotApi api = new BotApi(client, new JsonCalls(http, url, settings.token()), settings.messagesPerSecond(), 4);
        TelegramSender sender = new TelegramSender(api, form);
        ChatQueues queues = new ChatQueues(Executors.newFixedThreadPool(settings.workers(), daemon("chat")));
        // Answers must not queue behind each other: a slow Bot API call would leave spinners turning.
        ExecutorService answers = Executors.newFixedThreadPool(16, daemon("callback-answer"));
        UpdateHandler handler = new UpdateHandler(chats, sender, api, queues, answers, catalogues,
                settings.deleteTypedAnswers());
        // Replies left from before a restart go first, each on its chat's queue, ahead of the chat's new updates.
        for (long chat : chats.chatsWithPending()) {
            handler.wake(chat);
        }
        ScheduledExecutorService poller = Executors.newScheduledThreadPool(2, daemon("poller"));
        // A reply given up on (Telegram down for a while) is retried every half minute, on its chat's queue.
        poller.scheduleWithFixedDelay(() -> {
            try {
                for (long chat : chats.chatsWithPending()) {
                    handler.wake(chat);
                }
            } catch (RuntimeException e) {
                LOG.warning("redelivery sweep failed: " + e.getClass().getSimpleName());
            }
        }, 30, 30, TimeUnit.SECONDS);
        TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication(ObjectMapper::new,
                () -> http, () -> poller, CappedBackOff::new);
        int timeout = settings.pollTimeoutSeconds();
        polling.registerBot(settings.token(), () -> url, last -> {
            touch(settings.heartbeat());
            return GetUpdates.builder().offset(last + 1).limit(100).timeout(timeout)
                    .allowedUpdates(List.of("message", "edited_message", "callback_query")).build();
        }, handler);
        LOG.info("polling for updates");
        return new TelegramBot(http, poller, queues, answers, polling, handler);
    }

    /** No chat has work queued or running (tests wait for this instead of sleeping). */
    boolean idle() {
        return queues.busyChats() == 0;
    }

    /** Callback queries ignored because they came from someone other than the private chat's user. */
    public long foreignTaps() {
        return handler.foreignTaps();
    }

    private static void checkToken(OkHttpTelegramClient client) throws BadToken {
        try {
            client.execute(new GetMe());
        } catch (TelegramApiRequestException e) {
            throw new BadToken("Telegram refused the bot token (" + e.getErrorCode()
                    + "): check TELEGRAM_BOT_TOKEN");
        } catch (TelegramApiException e) {
            throw new BadToken("cannot reach the Bot API to check the token: " + e.getClass().getSimpleName());
        }
    }

    /** The command menu, in English by default and in each other catalogue's language for its users. */
    private static void publishCommands(OkHttpTelegramClient client, Map<Language, Catalogue> catalogues)
            throws TelegramApiException {
        for (Language language : Language.values()) {
            List<BotCommand> commands = new ArrayList<>();
            for (Event.Commands command : Event.Commands.values()) {
                commands.add(new BotCommand(command.word(), catalogues.get(language).text("command." + command.word())));
            }
            var request = SetMyCommands.builder().commands(commands);
            if (language != Language.EN && language.code().length() != 2) {
                continue; // the Bot API takes only two-letter ISO 639-1 codes; Hmong ("hmn") users get English
            }
            if (language != Language.EN) {
                request.languageCode(language.code());
            }
            client.execute(request.build());
        }
    }

    private static TelegramUrl url(URI apiUrl) {
        if (apiUrl == null) {
            return TelegramUrl.DEFAULT_URL;
        }
        int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : apiUrl.getScheme().equals("https") ? 443 : 80;
        return TelegramUrl.builder().schema(apiUrl.getScheme()).host(apiUrl.getHost()).port(port).testServer(false)
                .build();
    }

    private static void touch(Path heartbeat) {
        if (heartbeat == null) {
            return;
        }
        try {
            if (!Files.exists(heartbeat)) {
                Files.createFile(heartbeat);
            }
            Files.setLastModifiedTime(heartbeat, FileTime.from(Instant.now()));
        } catch (Exception e) {
            LOG.warning("heartbeat file not updated: " + e.getClass().getSimpleName());
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops polling, waits up to about 3 seconds for chats' work in flight, then releases every thread. */
    @Override
    public void close() {
        try {
            polling.close();
        } catch (Exception e) {
            LOG.warning("stopping the poller: " + e.getClass().getSimpleName());
        }
        poller.shutdownNow();
        try {
            if (!queues.drain(3_000)) {
                LOG.warning("some chats' work was still running at shutdown; it is redone from the store");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queues.close();
        answers.shutdownNow();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }

    /**
     * Retries a failing getUpdates after 0.5 s, growing by half each time up to 10 s; the library's default
     * grows to 15 minutes after a long outage, too long for parents waiting on a reply.
     */
    private static final class CappedBackOff implements BackOff {
        private long next = 500;

        @Override
        public void reset() {
            next = 500;
        }

        @Override
        public long nextBackOffMillis() {
            long wait = next;
            next = Math.min(10_000, next * 3 / 2);
            return wait;
        }
    }
}
