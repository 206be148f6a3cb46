package miicbot;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import miicbot.i18n.Language;

/**
 * The command line: a command word (or none), then options. Each {@link Command} carries its help line, so a new
 * command is one enum constant and one case in {@link Main}.
 *
 * @param command        what to do
 * @param language       the console's language: {@code --lang}, else {@code LANG}, else English
 * @param languageChosen {@code --lang} was given: it wins over the language a finished or new conversation had
 * @param outDir         where the console writes forms ({@code --out}, default {@code ./requests})
 */
record CommandLine(Command command, Language language, boolean languageChosen, Path outDir) {
    static final String JAR = "java -jar miic-privacy-bot.jar";

    /** The first word on the command line. */
    enum Command {
        /** No word: Telegram when TELEGRAM_BOT_TOKEN is set, else the console. */
        RUN("", "Telegram when TELEGRAM_BOT_TOKEN is set, else the interview in this terminal"),
        CONSOLE("console", "the interview in this terminal, even when TELEGRAM_BOT_TOKEN is set"),
        HELP("help", "this help (also -h, --help)");

        private final String word;
        private final String help;

        Command(String word, String help) {
            this.word = word;
            this.help = help;
        }

        String word() {
            return word;
        }

        String help() {
            return help;
        }

        static Command of(String word) {
            if (word.equals("-h") || word.equals("--help")) {
                return HELP;
            }
            return Arrays.stream(values()).filter(c -> !c.word.isEmpty() && c.word.equals(word)).findFirst()
                    .orElse(null);
        }

        static String words() {
            return Arrays.stream(values()).map(Command::word).filter(w -> !w.isEmpty())
                    .collect(Collectors.joining(", "));
        }
    }

    /** A command line that cannot be run: the message names what is valid. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message + " (" + JAR + " --help lists them)");
        }
    }

    /** Reads {@code args}; throws {@link UsageException} for an unknown word, option or language. */
    static CommandLine parse(String[] args, Map<String, String> env) {
        Command command = Command.RUN;
        Language language = Language.fromTag(env.getOrDefault("LANG", "en"));
        boolean chosen = false;
        Path out = Path.of("requests");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--lang" -> {
                    String code = value(args, ++i, "--lang");
                    language = Arrays.stream(Language.values()).filter(l -> l.code().equals(code)).findFirst()
                            .orElseThrow(() -> new UsageException("unknown language '" + code + "' for --lang; "
                                    + "use one of " + languageCodes()));
                    chosen = true;
                }
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                default -> {
                    Command word = Command.of(arg);
                    if (word == null) {
                        throw new UsageException("unknown argument '" + arg + "'; commands: " + Command.words()
                                + "; options: --lang, --out, --help");
                    }
                    command = word;
                }
            }
        }
        return new CommandLine(command, language, chosen, out);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new UsageException(flag + " needs a value");
        }
        return args[i];
    }

    private static String languageCodes() {
        return Arrays.stream(Language.values()).map(Language::code).collect(Collectors.joining(", "));
    }

    /** The text of --help: commands, options and every environment setting with its default. */
    static String help() {
        StringBuilder text = new StringBuilder();
        text.append("miic-privacy-bot: fills in the MIIC Privacy Setting Change Request, on Telegram or here.\n\n");
        text.append("Usage: ").append(JAR).append(" [").append(String.join("|", Command.words().split(", ")))
                .append("] [--lang ").append(String.join("|", languageCodes().split(", ")))
                .append("] [--out DIR]\n\nCommands:\n");
        for (Command command : Command.values()) {
            text.append(String.format("  %-10s %s%n", command.word().isEmpty() ? "(none)" : command.word(),
                    command.help()));
        }
        text.append("\nOptions (console):\n");
        text.append(String.format("  %-10s %s%n", "--lang", "the language to use: " + languageCodes()
                + " (default: from LANG, else en); it wins for a new or finished conversation"));
        text.append(String.format("  %-10s %s%n", "--out DIR", "where forms are written (default: ./requests)"));
        text.append(String.format("  %-10s %s%n", "--help", "this help"));
        text.append("\nFor translators (docs/TRANSLATING.md):\n");
        text.append(String.format("  %-10s %s%n", "review-kit", "--lang xx [--out DIR]: one HTML page to review a language"));
        text.append(String.format("  %-10s %s%n", "review-merge", "--lang xx --file FILE: merge a reviewer's corrections"));
        text.append("\nEnvironment settings (default in brackets):\n");
        for (Setting s : SETTINGS) {
            text.append(String.format("  %-21s %s [%s]%n", s.name(), s.meaning(), s.fallback()));
        }
        text.append("\nExit codes: 0 done, 2 a setting or argument to fix (every problem is listed), 1 other errors.\n");
        return text.toString();
    }

    /** One environment setting for the help text. */
    record Setting(String name, String fallback, String meaning) { }

    static final List<Setting> SETTINGS = List.of(
            new Setting("TELEGRAM_BOT_TOKEN", "none: console mode", "the token from @BotFather; set: Telegram mode"),
            new Setting("TELEGRAM_API_URL", "Telegram's", "another Bot API server, e.g. http://127.0.0.1:8081"),
            new Setting("DATA_DIR", "./data", "the SQLite file, the key file and the console's log"),
            new Setting("BOT_DATA_KEY", "the key file", "base64 of 32 bytes that encrypts stored answers"),
            new Setting("RETENTION_DAYS", "30", "idle conversations are erased after this many days"),
            new Setting("MESSAGES_DIR", "the bundled texts", "a folder of xx.json files overriding texts by key"),
            new Setting("DELETE_TYPED_ANSWERS", "true", "Telegram: delete typed personal answers when the review shows them"),
            new Setting("CHAT_PACE_PER_SECOND", "1", "Telegram: messages a second to one chat"),
            new Setting("LOG_LEVEL", "INFO; console: WARNING", "SEVERE, WARNING, INFO or FINE"),
            new Setting("LOG_FORMAT", "text", "server logs: text (one line per event) or json"),
            new Setting("BOT_MODE", "polling", "polling, or webhook (needs WEBHOOK_URL and WEBHOOK_SECRET)"),
            new Setting("WEBHOOK_URL", "none", "the public https:// address Telegram calls"),
            new Setting("WEBHOOK_SECRET", "none", "16-256 characters of A-Za-z0-9_-"),
            new Setting("PORT", "8080", "webhook mode: webhook, /healthz, /readyz, /metrics"),
            new Setting("METRICS_PORT", "off", "polling mode: /healthz, /readyz, /metrics on this port"),
            new Setting("ADMIN_CHAT_IDS", "none", "comma-separated chat ids allowed to use /stats"),
            new Setting("DATABASE_URL", "SQLite in DATA_DIR", "postgresql://user:password@host:5432/db"));
}
