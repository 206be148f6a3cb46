package miicbot;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import miicbot.chat.ChatService;
import miicbot.console.ConsoleChat;
import miicbot.engine.Engine;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.Submission;
import miicbot.pdf.RequestForm;
import miicbot.store.SqliteConversationStore;
import miicbot.store.StoreException;

/**
 * Starts the bot: Telegram mode when TELEGRAM_BOT_TOKEN is set, else the interview in this terminal.
 * Usage: {@code java -jar miic-privacy-bot.jar [console] [--lang es] [--out DIR]}.
 */
public final class Main {
    /** Exit code for a bad configuration or start-up failure the operator must fix. */
    static final int CONFIG_ERROR = 2;
    /** Dates (birthdays, "prepared on", the counters' days) are Minnesota's. */
    static final Clock MINNESOTA = Clock.system(ZoneId.of("America/Chicago"));

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.in, System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        Arguments arguments;
        Config config;
        try {
            arguments = Arguments.parse(args, env);
            config = Config.fromEnv(env);
        } catch (IllegalArgumentException e) {
            err.println("miic-privacy-bot: " + e.getMessage());
            return CONFIG_ERROR;
        }
        Map<Language, Catalogue> catalogues = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            catalogues.put(language, Catalogue.load(language, config.messagesDir()));
        }
        Submission submission = Submission.load();
        Engine engine = new Engine(catalogues, new Engine.Settings(config.retentionDays(),
                config.deleteTypedAnswers() && config.telegramMode() && !arguments.console(), submission));
        if (!config.telegramMode() || arguments.console()) {
            // The terminal is the parent's screen: only warnings go to it.
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        }
        SqliteConversationStore store;
        try {
            store = SqliteConversationStore.open(config.dataDir(), env, MINNESOTA);
        } catch (StoreException e) {
            err.println("miic-privacy-bot: " + e.getMessage());
            return CONFIG_ERROR;
        }
        try (store) {
            ChatService chats = new ChatService(engine, store, MINNESOTA);
            chats.purgeIdle(Duration.ofDays(config.retentionDays()));
            RequestForm form = new RequestForm(catalogues, submission);
            var console = new ConsoleChat(chats, form::render, catalogues.get(arguments.language()),
                    arguments.outDir(), out);
            console.run(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), arguments.language());
            return 0;
        } catch (Exception e) {
            err.println("miic-privacy-bot: " + e.getMessage());
            return 1;
        }
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
                            + "'. Usage: java -jar miic-privacy-bot.jar [console] [--lang en|es] [--out DIR]");
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
