package miicbot.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import miicbot.chat.ChatService;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.pdf.RequestForm;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The bot on Telegram, put together: checks the token, publishes the command menu in each language, delivers
 * replies left from before a restart, long-polls (or has Telegram call the webhook), then warms up the form
 * renderer. Each job is its own class: {@link StartupCalls}, {@link UpdatePoller}, {@link UpdateHandler} with
 * {@link UpdateRouter}, {@link ChatDelivery} and {@link TidyUps}, {@link Housekeeping}, {@link AdminCommands}.
 * {@link #close()} stops polling, lets in-flight updates finish and releases every thread, so the JVM can exit.
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TelegramBot.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Telegram refused the bot token (401 or 404 on getMe): the operator must fix TELEGRAM_BOT_TOKEN. */
    public static final class BadToken extends Exception {
        BadToken(String message) {
            super(message);
        }
    }

    private final OkHttpClient http;
    private final List<ExecutorService> pools;
    private final ScheduledExecutorService timers;
    private final ChatQueues queues;
    private final UpdateHandler handler;
    private final UpdateRouter router;
    private final AdminCommands admin;
    private final BotApiWatch watch;
    private UpdatePoller polling;

    private TelegramBot(OkHttpClient http, List<ExecutorService> pools, ScheduledExecutorService timers,
                        ChatQueues queues, UpdateHandler handler, UpdateRouter router, AdminCommands admin,
                        BotApiWatch watch) {
        this.http = http;
        this.pools = pools;
        this.timers = timers;
        this.queues = queues;
        this.handler = handler;
        this.router = router;
        this.admin = admin;
        this.watch = watch;
    }

    /**
     * Starts the bot; returns once polling runs. Waits, retrying, while the Bot API cannot be reached; throws
     * {@link BadToken} only when Telegram itself refuses the token. Whatever fails, the threads and connections
     * made so far are released.
     */
    public static TelegramBot start(BotSettings settings, ChatService chats, RequestForm form,
                                    Map<Language, Catalogue> catalogues) throws BadToken, TelegramApiException {
        return start(settings, chats, form, catalogues, BotOperations.polling());
    }

    /**
     * Starts the bot with production options: long polling, or (with a webhook) tells Telegram to call it; then
     * the caller's HTTP server hands each update to {@link #receive}.
     */
    public static TelegramBot start(BotSettings settings, ChatService chats, RequestForm form,
                                    Map<Language, Catalogue> catalogues, BotOperations operations)
            throws BadToken, TelegramApiException {
        BotApiWatch watch = new BotApiWatch(operations.metrics(), Clock.systemUTC());
        OkHttpClient http = BotHttp.client(settings.pollTimeoutSeconds(), watch);
        List<ExecutorService> pools = new ArrayList<>();
        try {
            return start(settings, chats, form, catalogues, operations, http, watch, pools);
        } catch (Exception e) {
            pools.forEach(ExecutorService::shutdownNow);
            BotHttp.close(http);
            throw e;
        }
    }

    private static TelegramBot start(BotSettings settings, ChatService chats, RequestForm form,
                                     Map<Language, Catalogue> catalogues, BotOperations operations,
                                     OkHttpClient http, BotApiWatch watch, List<ExecutorService> pools)
            throws BadToken, TelegramApiException {
        TelegramUrl url = BotHttp.url(settings.apiUrl());
        OkHttpTelegramClient client = new OkHttpTelegramClient(http, settings.token(), url);
        StartupCalls startup = new StartupCalls(client, url.getHost());
        startup.checkToken();
        startup.publishMenus(catalogues, operations.webhook() == null);

        BotApi api = new BotApi(client, new JsonCalls(http, url, settings.token()), settings.messagesPerSecond(), 4);
        ExecutorService chatWorkers = pool(pools, Executors.newFixedThreadPool(settings.workers(), daemon("chat")));
        ChatQueues queues = new ChatQueues(chatWorkers, operations.metrics());
        operations.metrics().gauge("miicbot.chat.queues.busy", "Chats with replies being sent or waiting to be", null,
                queues::busyChats);
        // Answers must not queue behind each other: a slow Bot API call would leave spinners turning.
        ExecutorService answers = pool(pools, Executors.newFixedThreadPool(16, daemon("callback-answer")));
        ChatViews views = new ChatViews();
        Notices notices = new Notices(api, catalogues);
        TidyUps tidyUps = new TidyUps(api, catalogues);
        MessageLedger ledger = new MessageLedger(chats, Clock.systemUTC());
        TelegramSender sender = new TelegramSender(api, form, operations.metrics(), ledger,
                new ChatClearing(api, ledger, catalogues, Clock.systemUTC()));
        ChatDelivery delivery = new ChatDelivery(chats, sender, api, queues, views, tidyUps);
        UpdateRouter router = new UpdateRouter(views, queues, answers, api, notices);
        UpdateHandler handler = new UpdateHandler(chats, router, views, tidyUps, delivery, notices, queues,
                operations.metrics(), ledger, settings.deleteTypedAnswers());
        // Replies left from before a restart go first, each on its chat's queue, ahead of the chat's new updates.
        Housekeeping.wakeAllPending(chats, delivery);
        ScheduledExecutorService timers = pool(pools, Executors.newScheduledThreadPool(1, daemon("timer")));
        Housekeeping housekeeping = new Housekeeping(timers, operations.metrics());
        housekeeping.sweepEvery30Seconds(chats, delivery);
        TelegramBot bot = new TelegramBot(http, pools, timers, queues, handler, router,
                new AdminCommands(operations, queues, notices), watch);
        if (operations.webhook() != null) {
            startup.setWebhook(operations.webhook());
            housekeeping.askAboutWebhookEachMinute(client);
            LOG.info("webhook set; waiting for Telegram's calls");
        } else {
            bot.polling = new UpdatePoller(http, JsonCalls.base(url, settings.token()), settings.pollTimeoutSeconds(),
                    StartupCalls.ALLOWED_UPDATES, () -> Housekeeping.touch(settings.heartbeat()), bot::consume,
                    operations.metrics());
            bot.polling.start();
            LOG.info("polling for updates");
        }
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
            if (!admin.handled(update)) {
                interview.add(update);
            }
        }
        handler.consume(interview);
    }

    /**
     * What became of one update from the webhook: {@code applied} once it is durably applied (or recognised as a
     * repeat), not when the store failed (the webhook answers 5xx and Telegram sends it again); {@code call} is the
     * Bot API call for the webhook's answer body (a tap's answerCallbackQuery, so it costs no request), or null.
     */
    public record Receipt(boolean applied, String call) { }

    /**
     * Takes one update's JSON as Telegram POSTs it to the webhook: an admin's /stats is answered here, every other
     * update goes to the interview. Returns once it is applied. Throws {@link IllegalArgumentException} when the
     * body is not an update (its message never quotes the body, which may hold a parent's text), nothing else.
     */
    public Receipt receive(byte[] json) {
        Update update;
        try {
            update = JSON.readValue(json, Update.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Telegram update (" + e.getClass().getSimpleName() + ")");
        }
        if (update == null || update.getUpdateId() == null) {
            throw new IllegalArgumentException("not a Telegram update (no update_id)");
        }
        boolean applied = admin.handled(update) || handler.accept(update);
        return new Receipt(applied, applied && update.hasCallbackQuery() ? answer(update.getCallbackQuery()) : null);
    }

    private static String answer(CallbackQuery query) {
        return JSON.createObjectNode().put("method", "answerCallbackQuery")
                .put("callback_query_id", query.getId()).toString();
    }

    /** No chat has work queued or running (tests wait for this instead of sleeping). */
    boolean idle() {
        return queues.busyChats() == 0;
    }

    /** Callback queries ignored because they came from someone other than the private chat's user. */
    public long foreignTaps() {
        return router.foreignTaps();
    }

    /** When the Bot API last answered anything (EPOCH: never since start). */
    public Instant lastBotApiAnswer() {
        return watch.lastAnswer();
    }

    private static <T extends ExecutorService> T pool(List<ExecutorService> pools, T pool) {
        pools.add(pool);
        return pool;
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
        pools.forEach(ExecutorService::shutdownNow); // the answers' pool; the others are down already
        BotHttp.close(http);
    }
}
