package miicbot.telegram;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.Set;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import miicbot.metrics.Metrics;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The bot on Telegram: checks the token, publishes the command menu in each language, delivers replies left from
 * before a restart, long-polls, then warms up the form renderer. {@link #close()} stops polling, lets in-flight
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
     * @param deleteTypedAnswers delete a parent's typed personal answers when the review shows them
     * @param heartbeat          a file touched before every poll, for a container health check; null for none
     */
    public record Settings(String token, URI apiUrl, int pollTimeoutSeconds, double messagesPerSecond, int workers,
                           boolean deleteTypedAnswers, Path heartbeat) {
        public static Settings production(String token, URI apiUrl, double pace, boolean deleteTypedAnswers,
                                          Path heartbeat) {
            return new Settings(token, apiUrl, 50, pace, 16, deleteTypedAnswers, heartbeat);
        }

        @Override
        public String toString() {
            return "Settings[token=(hidden), apiUrl=" + apiUrl + ", pollTimeoutSeconds=" + pollTimeoutSeconds
                    + ", messagesPerSecond=" + messagesPerSecond + ", workers=" + workers + ", deleteTypedAnswers="
                    + deleteTypedAnswers + ", heartbeat=" + heartbeat + "]";
        }
    }

    /**
     * What production mode adds (README, "Running in production").
     *
     * @param metrics      where counts and timings go
     * @param adminChatIds chats whose "/stats" gets {@code stats} instead of going to the interview
     * @param stats        the /stats text, made when asked
     * @param webhook      the webhook Telegram is told to call; null to long-poll
     */
    public record Operations(Metrics metrics, Set<Long> adminChatIds, Supplier<String> stats, Webhook webhook) {
        public Operations {
            adminChatIds = Set.copyOf(adminChatIds);
        }

        /** Long polling, no metrics, no admins: the embedded default. */
        public static Operations polling() {
            return new Operations(Metrics.NONE, Set.of(), () -> "", null);
        }
    }

    /**
     * The webhook: {@code url} is the public HTTPS address Telegram calls, {@code secret} comes back in the
     * X-Telegram-Bot-Api-Secret-Token header, {@code maxConnections} caps Telegram's parallel requests.
     */
    public record Webhook(URI url, String secret, int maxConnections) {
        @Override
        public String toString() {
            return "Webhook[url=" + url + ", secret=(hidden), maxConnections=" + maxConnections + "]";
        }
    }

    /** Telegram refused the token (401 or 404 on getMe): the operator must fix TELEGRAM_BOT_TOKEN. */
    public static final class BadToken extends Exception {
        BadToken(String message) {
            super(message);
        }
    }

    private static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query");

    private final OkHttpClient http;
    private final ScheduledExecutorService timers;
    private final ChatQueues queues;
    private final ExecutorService answers;
    private final UpdateHandler handler;
    private final BotApi api;
    private final BotApiWatch watch;
    private final Operations operations;
    private UpdatePoller polling;

    private TelegramBot(OkHttpClient http, ScheduledExecutorService timers, ChatQueues queues,
                        ExecutorService answers, UpdateHandler handler, BotApi api, BotApiWatch watch,
                        Operations operations) {
        this.http = http;
        this.timers = timers;
        this.queues = queues;
        this.answers = answers;
        this.handler = handler;
        this.api = api;
        this.watch = watch;
        this.operations = operations;
    }

    /**
     * Starts the bot; returns once polling runs. Waits, retrying, while the Bot API cannot be reached; throws
     * {@link BadToken} only when Telegram itself refuses the token. Whatever fails, the threads and connections
     * made so far are released.
     */
    public static TelegramBot start(Settings settings, ChatService chats, RequestForm form,
                                    Map<Language, Catalogue> catalogues) throws BadToken, TelegramApiException {
        return start(settings, chats, form, catalogues, Operations.polling());
    }

    /**
     * Starts the bot with production options: long polling, or (with a webhook) tells Telegram to call it; then
     * the caller's HTTP server hands each update to {@link #receive}.
     */
    public static TelegramBot start(Settings settings, ChatService chats, RequestForm form,
                                    Map<Language, Catalogue> catalogues, Operations operations)
            throws BadToken, TelegramApiException {
        TelegramUrl url = url(settings.apiUrl());
        BotApiWatch watch = new BotApiWatch(operations.metrics(), Clock.systemUTC());
        // The client makes every call through OkHttp's dispatcher, which by default runs 5 at a time per host: with
        // one Bot API host that capped the bot at 4 calls in flight beside the long poll, and chats queued on it.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(64);
        OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES)).connectTimeout(Duration.ofSeconds(10))
                .addInterceptor(watch)
                .readTimeout(Duration.ofSeconds(settings.pollTimeoutSeconds() + 15L))
                .writeTimeout(Duration.ofSeconds(30)).build();
        List<ExecutorService> pools = new ArrayList<>();
        try {
            return start(settings, chats, form, catalogues, operations, url, http, watch, pools);
        } catch (Exception e) {
            pools.forEach(ExecutorService::shutdownNow);
            closeHttp(http);
            throw e;
        }
    }

    private static TelegramBot start(Settings settings, ChatService chats, RequestForm form,
                                     Map<Language, Catalogue> catalogues, Operations operations, TelegramUrl url,
                                     OkHttpClient http, BotApiWatch watch, List<ExecutorService> pools)
            throws BadToken, TelegramApiException {
        OkHttpTelegramClient client = new OkHttpTelegramClient(http, settings.token(), url);
        StartupCalls startup = new StartupCalls(url.getHost());
        startup.untilAnswered("getMe", true, () -> client.execute(new GetMe()));
        // The menus (and, for polling, the webhook's removal) go at once, not one after another: a faster start.
        startup.untilAnswered(operations.webhook() == null ? "setMyCommands and deleteWebhook" : "setMyCommands",
                () -> {
                    List<CompletableFuture<Boolean>> setUp = publishCommands(client, catalogues);
                    if (operations.webhook() == null) {
                        // a webhook left set would fail every getUpdates
                        setUp.add(client.executeAsync(new DeleteWebhook()));
                    }
                    awaitAll(setUp);
                });

        BotApi api = new BotApi(client, new JsonCalls(http, url, settings.token()), settings.messagesPerSecond(), 4);
        MessageLedger ledger = new MessageLedger(chats, Clock.systemUTC());
        TelegramSender sender = new TelegramSender(api, form, operations.metrics(), ledger,
                new ChatClearing(api, ledger, catalogues, Clock.systemUTC()));
        ExecutorService chatWorkers = Executors.newFixedThreadPool(settings.workers(), daemon("chat"));
        pools.add(chatWorkers);
        ChatQueues queues = new ChatQueues(chatWorkers, operations.metrics());
        operations.metrics().gauge("miicbot.chat.queues.busy", "Chats with replies being sent or waiting to be", null,
                queues::busyChats);
        // Answers must not queue behind each other: a slow Bot API call would leave spinners turning.
        ExecutorService answers = Executors.newFixedThreadPool(16, daemon("callback-answer"));
        pools.add(answers);
        UpdateHandler handler = new UpdateHandler(chats, sender, api, queues, answers, catalogues,
                settings.deleteTypedAnswers(), operations.metrics());
        // Replies left from before a restart go first, each on its chat's queue, ahead of the chat's new updates.
        for (long chat : chats.chatsWithPending()) {
            handler.wake(chat);
        }
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, daemon("timer"));
        pools.add(timers);
        // A reply given up on (Telegram down for a while) is retried every half minute, on its chat's queue.
        timers.scheduleWithFixedDelay(() -> {
            try {
                for (long chat : chats.chatsWithPending()) {
                    handler.wake(chat);
                }
            } catch (Throwable e) { // an Error too: a scheduled task that throws is never run again
                operations.metrics().failure(Metrics.Failure.WORKER);
                LOG.warning("redelivery sweep failed: " + e.getClass().getSimpleName());
            }
        }, 30, 30, TimeUnit.SECONDS);
        TelegramBot bot = new TelegramBot(http, timers, queues, answers, handler, api, watch, operations);
        Webhook webhook = operations.webhook();
        if (webhook != null) {
            startup.untilAnswered("setWebhook (check WEBHOOK_URL)", () -> setWebhook(client, webhook));
            // No update may come for hours: ask Telegram about the webhook each minute, so /readyz knows it answers.
            timers.scheduleWithFixedDelay(() -> {
                try {
                    client.execute(new GetWebhookInfo());
                } catch (Throwable e) { // an Error too: a scheduled task that throws is never run again
                    LOG.warning("getWebhookInfo failed: " + e.getClass().getSimpleName());
                }
            }, 60, 60, TimeUnit.SECONDS);
            LOG.info("webhook set; waiting for Telegram's calls");
            warmUp(form);
            return bot;
        }
        bot.polling = new UpdatePoller(http, JsonCalls.base(url, settings.token()), settings.pollTimeoutSeconds(),
                ALLOWED_UPDATES, () -> touch(settings.heartbeat()), bot::consume, operations.metrics());
        bot.polling.start();
        LOG.info("polling for updates");
        warmUp(form);
        return bot;
    }

    /**
     * Warms the renderer beside the first updates: parents need a form minutes after they start, not at once, and
     * on one or two cores the warm-up would otherwise slow the start itself.
     */
    private static void warmUp(RequestForm form) {
        Thread warmUp = new Thread(form::warmUp, "pdf-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** A poll: an admin's /stats is answered here; the rest is applied as one batch (see UpdateHandler). */
    private void consume(List<Update> updates) {
        List<Update> interview = new ArrayList<>(updates.size());
        for (Update update : updates) {
            if (!operational(update)) {
                interview.add(update);
            }
        }
        handler.consume(interview);
    }

    /**
     * Takes one update from the webhook's HTTP server: an admin's /stats is answered here, every other update goes
     * to the interview. Returns once the update is durably applied (or recognised as a repeat); false when the
     * store failed, so the webhook answers 5xx and Telegram sends the update again. Throws nothing.
     */
    public boolean receive(Update update) {
        return operational(update) || handler.accept(update);
    }

    /** Counts the update's kind, and answers an admin's /stats; true when nothing more is to be done with it. */
    private boolean operational(Update update) {
        try {
            operations.metrics().update(kind(update));
            Message message = update.getMessage();
            if (message != null && message.isUserMessage() && message.hasText()
                    && operations.adminChatIds().contains(message.getChatId())
                    && message.getText().strip().matches("/stats(@\\w+)?")) {
                long chatId = message.getChatId();
                queues.submit(chatId, () -> sendStats(chatId));
                return true;
            }
        } catch (RuntimeException e) {
            LOG.warning("update " + update.getUpdateId() + ": " + e.getClass().getSimpleName());
        }
        return false;
    }

    /** No chat has work queued or running (tests wait for this instead of sleeping). */
    boolean idle() {
        return queues.busyChats() == 0;
    }

    /** Callback queries ignored because they came from someone other than the private chat's user. */
    public long foreignTaps() {
        return handler.foreignTaps();
    }

    /** When the Bot API last answered anything (EPOCH: never since start). */
    public Instant lastBotApiAnswer() {
        return watch.lastAnswer();
    }

    private void sendStats(long chatId) {
        try {
            api.execute(chatId, SendMessage.builder().chatId(chatId).text(TelegramSender.cut(
                    operations.stats().get(), TelegramSender.MAX_TEXT)).build());
        } catch (Exception e) {
            LOG.warning("stats reply failed: " + e.getClass().getSimpleName());
        }
    }

    private static Metrics.UpdateKind kind(Update update) {
        if (update.hasMessage()) {
            return Metrics.UpdateKind.MESSAGE;
        } else if (update.hasEditedMessage()) {
            return Metrics.UpdateKind.EDITED_MESSAGE;
        } else if (update.hasCallbackQuery()) {
            return Metrics.UpdateKind.CALLBACK_QUERY;
        }
        return Metrics.UpdateKind.OTHER;
    }

    private static void setWebhook(OkHttpTelegramClient client, Webhook webhook) throws TelegramApiException {
        client.execute(SetWebhook.builder().url(webhook.url().toString()).secretToken(webhook.secret())
                .allowedUpdates(ALLOWED_UPDATES).maxConnections(webhook.maxConnections()).build());
    }

    /** The command menu, in English by default and in each other catalogue's language for its users; sent, not awaited. */
    private static List<CompletableFuture<Boolean>> publishCommands(OkHttpTelegramClient client,
                                                                    Map<Language, Catalogue> catalogues)
            throws TelegramApiException {
        List<CompletableFuture<Boolean>> calls = new ArrayList<>();
        for (Language language : Language.values()) {
            if (language != Language.EN && language.code().length() != 2) {
                continue; // the Bot API takes only two-letter ISO 639-1 codes; Hmong ("hmn") users get English
            }
            List<BotCommand> commands = new ArrayList<>();
            for (Event.Commands command : Event.Commands.values()) {
                commands.add(new BotCommand(command.word(), catalogues.get(language).text("command." + command.word())));
            }
            var request = SetMyCommands.builder().commands(commands);
            if (language != Language.EN) {
                request.languageCode(language.code());
            }
            calls.add(client.executeAsync(request.build()));
        }
        return calls;
    }

    /** Waits for every call; the first that failed is thrown as itself (a failed start then closes the client). */
    private static void awaitAll(List<CompletableFuture<Boolean>> calls) throws TelegramApiException {
        for (CompletableFuture<Boolean> call : calls) {
            try {
                call.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof TelegramApiException failed) {
                    throw failed;
                }
                throw new TelegramApiException("a start-up call failed", e.getCause());
            }
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
        // A webhook is left set: with several replicas, the others still take Telegram's calls.
        if (polling != null) {
            polling.close();
        }
        timers.shutdownNow();
        try {
            if (!queues.drain(3_000)) {
                LOG.warning("some chats' work was still running at shutdown; it is redone from the store");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queues.close();
        answers.shutdownNow();
        closeHttp(http);
    }

    /** Ends OkHttp's threads, then closes its connections (an async call ending meanwhile returns its own first). */
    private static void closeHttp(OkHttpClient http) {
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
