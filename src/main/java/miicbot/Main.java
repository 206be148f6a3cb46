package miicbot;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import miicbot.interview.Submission;
import miicbot.metrics.PrometheusMetrics;
import miicbot.pdf.RequestForm;
import miicbot.store.StoreException;
import miicbot.telegram.TelegramBot;
import miicbot.web.WebServer;

/**
 * Starts the bot: Telegram mode when TELEGRAM_BOT_TOKEN is set, else the interview in this terminal.
 * Usage: {@code java -jar miic-privacy-bot.jar [console] [--lang es|so|hmn] [--out DIR]}.
 */
public final class Main {
    /** Exit code for a bad configuration or start-up failure the operator must fix. */
    static final int CONFIG_ERROR = 2;
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
        if (miicbot.review.ReviewCommands.handles(args)) {
            return miicbot.review.ReviewCommands.run(args, out, err);
        }
        Arguments arguments;
        try {
            arguments = Arguments.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("miic-privacy-bot: " + e.getMessage());
            return CONFIG_ERROR;
        }
        // Every setting's problem at once: the basic settings' and production mode's.
        List<String> problems = new ArrayList<>();
        Config config = null;
        ProductionConfig production = null;
        try {
            config = Config.fromEnv(env);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        try {
            production = ProductionConfig.fromEnv(env);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            err.println("miic-privacy-bot: " + String.join("; ", problems));
            return CONFIG_ERROR;
        }
        Map<Language, Catalogue> catalogues;
        Submission submission;
        try {
            catalogues = Catalogue.loadAll(config.messagesDir());
            submission = Submission.load();
        } catch (RuntimeException e) {
            // A bad catalogue or submission.json: one line for the operator, not a stack trace.
            err.println("miic-privacy-bot: " + oneLine(e));
            return CONFIG_ERROR;
        }
        Engine engine = new Engine(catalogues, new Engine.Settings(config.retentionDays(),
                config.deleteTypedAnswers() && config.telegramMode() && !arguments.console(), submission));
        if (!config.telegramMode() || arguments.console()) {
            // The terminal is the parent's screen: only warnings go to it.
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        }
        boolean telegram = config.telegramMode() && !arguments.console();
        PrometheusMetrics prometheus = telegram && (production.webhookMode() || production.metricsPort() > 0)
                ? new PrometheusMetrics() : null;
        ConversationStore store;
        try {
            store = Production.openStore(config, production, env, MINNESOTA, prometheus);
        } catch (StoreException e) {
            err.println("miic-privacy-bot: " + e.getMessage());
            return CONFIG_ERROR;
        }
        try (store) {
            ChatService chats = new ChatService(engine, store, MINNESOTA);
            chats.purgeIdle(Duration.ofDays(config.retentionDays()));
            RequestForm form = new RequestForm(catalogues, submission);
            if (config.telegramMode() && !arguments.console()) {
                return runTelegram(config, production, chats, form, catalogues, store, prometheus, err);
            }
            var console = new ConsoleChat(chats, form::render, catalogues.get(arguments.language()),
                    arguments.outDir(), out);
            console.run(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), arguments.language());
            return 0;
        } catch (Exception e) {
            err.println("miic-privacy-bot: " + e.getMessage());
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
            bot = TelegramBot.start(TelegramBot.Settings.production(config.telegramToken(), config.telegramApiUrl(),
                    config.chatPace(), config.deleteTypedAnswers(), config.dataDir().resolve("heartbeat")), chats, form,
                    catalogues, Production.operations(production, store, prometheus, MINNESOTA));
        } catch (TelegramBot.BadToken e) {
            err.println("miic-privacy-bot: " + e.getMessage());
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

    /** The first line of an exception's message and of its cause's, e.g. Jackson's reason for bad JSON. */
    private static String oneLine(Throwable e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage().lines().findFirst()
                .orElse(""))) {
            message += ": " + cause.getMessage().lines().findFirst().orElse("").strip();
        }
        return message;
    }

    /** The command line: the mode, the console's language and its output folder. */
    record Arguments(boolean console, Language language, Path outDir) {
        static Arguments parse(String[] args, Map<String, String> env) {
            boolean console = false;
            Language language = Language.fromTag(env.getOrDefault("LANG", "en"));
            Path out = Path.of("requests");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "console" -> console = true;
                    case "--lang" -> language = Language.fromTag(value(args, ++i, "--lang"));
                    case "--out" -> out = Path.of(value(args, ++i, "--out"));
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                            + "'. Usage: java -jar miic-privacy-bot.jar [console] [--lang en|es|so|hmn] [--out DIR]");
                }
            }
            return new Arguments(console, language, out);
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }
    }
}
