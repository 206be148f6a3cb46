package miicbot;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import miicbot.chat.ChatService;
import miicbot.chat.ConversationStore;
import miicbot.console.ConsoleChat;
import miicbot.engine.Engine;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.MiicInterview;
import miicbot.interview.Submission;
import miicbot.metrics.PrometheusMetrics;
import miicbot.pdf.RequestForm;
import miicbot.store.StoreException;
import miicbot.telegram.BotSettings;
import miicbot.telegram.TelegramBot;
import miicbot.web.WebServer;

/**
 * Starts the bot: Telegram mode when TELEGRAM_BOT_TOKEN is set, else the interview in this terminal.
 * Usage: {@code java -jar miic-privacy-bot.jar [console|help] [--lang en|es|so|hmn] [--out DIR]} (see
 * {@link CommandLine}).
 */
public final class Main {
    /** Exit code for a bad configuration or start-up failure the operator must fix. */
    static final int CONFIG_ERROR = 2;
    /** Every line for the operator starts so, to tell it from the JVM's own. */
    static final String PREFIX = "miic-privacy-bot: ";
    /** Dates (birthdays, "prepared on", the counters' days) are Minnesota's. */
    static final Clock MINNESOTA = Clock.system(ZoneId.of("America/Chicago"));

    private Main() {
    }

    private static final Logger LOG = Logger.getLogger(Main.class.getName());
    // Counted down once main has closed the store, so the shutdown hook can wait for it.
    private static final CountDownLatch DONE = new CountDownLatch(1);

    public static void main(String[] args) {
        // UTF-8 whatever the locale: with LANG unset Java would print "Mar?a" for a parent's "María".
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, System.getenv(), System.in, out, err);
        DONE.countDown();
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        // Translators' tools: their own options, handled apart from the bot's command line.
        if (miicbot.review.ReviewCommands.handles(args)) {
            return miicbot.review.ReviewCommands.run(args, out, err);
        }
        CommandLine line;
        try {
            line = CommandLine.parse(args, env);
        } catch (CommandLine.UsageException e) {
            err.println(PREFIX + e.getMessage());
            return CONFIG_ERROR;
        }
        return switch (line.command()) {
            case HELP -> {
                out.print(CommandLine.help());
                yield 0;
            }
            case RUN, CONSOLE -> serve(line, env, in, out, err);
        };
    }

    /** The bot itself: every setting checked first, then Telegram or the console. */
    private static int serve(CommandLine line, Map<String, String> env, InputStream in, PrintStream out,
                             PrintStream err) {
        Checked checked = Checked.of(line, env);
        if (!checked.problems().isEmpty()) {
            checked.problems().forEach(problem -> err.println(PREFIX + problem));
            return CONFIG_ERROR;
        }
        Config config = checked.config();
        ProductionConfig production = checked.production();
        Map<Language, Catalogue> catalogues = checked.catalogues();
        Submission submission = checked.submission();
        boolean telegram = checked.telegram();
        if (telegram) {
            LogSettings.server(env, err);
        } else {
            LogSettings.console(env, config.dataDir(), err);
        }
        Engine engine = new Engine(MiicInterview.interview(submission), catalogues,
                new Engine.Settings(config.retentionDays(), config.deleteTypedAnswers() && telegram,
                        telegram ? Engine.Screen.CHAT : Engine.Screen.CONSOLE));
        PrometheusMetrics prometheus = telegram && (production.webhookMode() || production.metricsPort() > 0)
                ? new PrometheusMetrics() : null;
        ConversationStore store;
        try {
            store = Production.openStore(config, production, env, MINNESOTA, prometheus);
        } catch (StoreException e) {
            err.println(PREFIX + e.getMessage());
            return CONFIG_ERROR;
        }
        try (store) {
            ChatService chats = new ChatService(engine, store, MINNESOTA);
            chats.purgeIdle(Duration.ofDays(config.retentionDays()));
            RequestForm form = new RequestForm(catalogues, submission);
            if (telegram) {
                return runTelegram(config, production, chats, form, catalogues, store, prometheus, err);
            }
            var console = new ConsoleChat(chats, form::render, catalogues, line.outDir(), out);
            console.run(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), line.language(),
                    line.languageChosen());
            return 0;
        } catch (Exception e) {
            err.println(PREFIX + e.getMessage());
            return 1;
        }
    }

    /** Runs the bot on Telegram until SIGTERM (or Ctrl-C); returns the exit code. */
    private static int runTelegram(Config config, ProductionConfig production, ChatService chats, RequestForm form,
                                   Map<Language, Catalogue> catalogues, ConversationStore store,
                                   PrometheusMetrics prometheus, PrintStream err) throws Exception {
        TelegramBot bot;
        // In webhook mode the server listens before setWebhook; until the bot is up it answers 500 (Telegram retries).
        AtomicReference<TelegramBot> started = new AtomicReference<>();
        WebServer web;
        try {
            web = Production.startWebServer(production, store, started, prometheus);
        } catch (IOException e) {
            err.println("miic-privacy-bot: cannot listen on PORT/METRICS_PORT (" + e.getMessage() + ")");
            return CONFIG_ERROR;
        }
        try {
            bot = TelegramBot.start(BotSettings.production(config.telegramToken(), config.telegramApiUrl(),
                    config.chatPace(), config.deleteTypedAnswers(), config.dataDir().resolve("heartbeat")), chats, form,
                    catalogues, Production.operations(production, store, prometheus, MINNESOTA));
        } catch (TelegramBot.BadToken e) {
            err.println(PREFIX + e.getMessage());
            if (web != null) {
                web.close();
            }
            return CONFIG_ERROR;
        }
        started.set(bot);
        CountDownLatch stopped = new CountDownLatch(1);
        ScheduledExecutorService retention = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention");
            t.setDaemon(true);
            return t;
        });
        retention.scheduleAtFixedRate(() -> {
            try {
                chats.purgeIdle(Duration.ofDays(config.retentionDays()));
            } catch (RuntimeException e) {
                LOG.warning("retention purge failed: " + e.getClass().getSimpleName());
            }
        }, 1, 1, TimeUnit.HOURS);
        Thread hook = new Thread(() -> {
            // SIGTERM: stop polling, let chats' work in flight finish, then let main close the store.
            retention.shutdownNow();
            if (web != null) {
                web.close();
            }
            bot.close();
            stopped.countDown();
            try {
                DONE.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return 0;
    }

}
