package miicbot;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import miicbot.i18n.Language;
import miicbot.store.DataKey;

/**
 * The bot's settings, read once from the environment and checked at start; every problem is reported at once.
 *
 * @param telegramToken   TELEGRAM_BOT_TOKEN; empty means console mode
 * @param telegramApiUrl  TELEGRAM_API_URL, another Bot API server (a local one, or the tests' fake); null for Telegram's
 * @param dataDir         DATA_DIR, where the SQLite file and the key file live (default ./data); the store reads
 *                        BOT_DATA_KEY itself (miicbot.store.DataKey), so it is not held here
 * @param retentionDays   RETENTION_DAYS, idle conversations are erased after this many days (default 30)
 * @param messagesDir     MESSAGES_DIR, catalogues that override the bundled ones; null for the bundled ones
 * @param deleteTypedAnswers DELETE_TYPED_ANSWERS, delete parents' typed personal answers from the chat (default true)
 * @param chatPace        CHAT_PACE_PER_SECOND, messages a second to one chat after a short burst (default 1, as
 *                        Telegram asks; raise it only for a local Bot API server or a load test)
 */
public record Config(String telegramToken, URI telegramApiUrl, Path dataDir, int retentionDays,
                     Path messagesDir, boolean deleteTypedAnswers, double chatPace) {
    // A token from @BotFather is the bot's numeric id, a colon and a secret of letters, digits, _ and -.
    private static final Pattern TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]+");

    /** Every problem with the settings, one a line, so a start can list them all (exit 2). */
    public static final class Problems extends IllegalArgumentException {
        private final List<String> lines;

        public Problems(List<String> lines) {
            super(String.join("; ", lines));
            this.lines = List.copyOf(lines);
        }

        public List<String> lines() {
            return lines;
        }
    }

    @Override
    public String toString() {
        return "Config[telegramToken=" + (telegramToken.isEmpty() ? "(none)" : "(hidden)") + ", telegramApiUrl="
                + telegramApiUrl + ", dataDir=" + dataDir + ", retentionDays=" + retentionDays + ", messagesDir="
                + messagesDir + ", deleteTypedAnswers=" + deleteTypedAnswers + ", chatPace=" + chatPace + "]";
    }

    /** Reads the settings from {@code env}; throws {@link IllegalArgumentException} naming every bad setting. */
    public static Config fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String token = env.getOrDefault("TELEGRAM_BOT_TOKEN", "").strip();
        if (!token.isEmpty() && !TOKEN.matcher(token).matches()) {
            // Never quote the value: it may be a real token with a typo.
            problems.add("TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then letters, "
                    + "digits, _ or -, as @BotFather gives it)");
        }
        String key = env.getOrDefault(DataKey.ENV, "").strip();
        if (!key.isEmpty() && !DataKey.isWellFormed(key)) {
            problems.add(DataKey.ENV + " must hold 32 random bytes in base64 (44 characters), e.g. from: "
                    + "head -c 32 /dev/urandom | base64");
        }
        URI apiUrl = null;
        String url = env.getOrDefault("TELEGRAM_API_URL", "").strip();
        if (!url.isEmpty()) {
            try {
                apiUrl = URI.create(url);
                if (apiUrl.getHost() == null || !List.of("http", "https").contains(apiUrl.getScheme())) {
                    problems.add("TELEGRAM_API_URL must look like http://127.0.0.1:8081 (got a value without scheme or host)");
                }
            } catch (IllegalArgumentException e) {
                problems.add("TELEGRAM_API_URL is not a URL");
            }
        }
        int retention = 30;
        String days = env.getOrDefault("RETENTION_DAYS", "").strip();
        if (!days.isEmpty()) {
            try {
                retention = Integer.parseInt(days);
                if (retention < 1 || retention > 365) {
                    problems.add("RETENTION_DAYS must be between 1 and 365");
                }
            } catch (NumberFormatException e) {
                problems.add("RETENTION_DAYS must be a whole number of days");
            }
        }
        String deleteTyped = env.getOrDefault("DELETE_TYPED_ANSWERS", "").strip().toLowerCase(Locale.ROOT);
        if (deleteTyped.isEmpty()) {
            deleteTyped = "true";
        } else if (!List.of("true", "false").contains(deleteTyped)) {
            problems.add("DELETE_TYPED_ANSWERS must be true or false");
        }
        double pace = 1;
        String perSecond = env.getOrDefault("CHAT_PACE_PER_SECOND", "").strip();
        if (!perSecond.isEmpty()) {
            try {
                pace = Double.parseDouble(perSecond);
                if (!(pace > 0 && pace <= 10_000)) {
                    problems.add("CHAT_PACE_PER_SECOND must be above 0 and at most 10000");
                }
            } catch (NumberFormatException e) {
                problems.add("CHAT_PACE_PER_SECOND must be a number, e.g. 1");
            }
        }
        String dataDir = env.getOrDefault("DATA_DIR", "").strip();
        String messages = env.getOrDefault("MESSAGES_DIR", "").strip();
        if (!messages.isEmpty() && !Files.isDirectory(Path.of(messages))) {
            problems.add("MESSAGES_DIR is not a folder: " + messages);
        } else if (!messages.isEmpty() && !holdsACatalogue(Path.of(messages))) {
            problems.add("MESSAGES_DIR holds none of " + catalogueNames() + ": " + messages);
        }
        problems.addAll(LogSettings.problems(env));
        if (!problems.isEmpty()) {
            throw new Problems(problems);
        }
        return new Config(token, apiUrl, Path.of(dataDir.isEmpty() ? "data" : dataDir), retention,
                messages.isEmpty() ? null : Path.of(messages), deleteTyped.equals("true"), pace);
    }

    private static boolean holdsACatalogue(Path dir) {
        return Stream.of(Language.values()).anyMatch(l -> Files.isRegularFile(dir.resolve(l.code() + ".json")));
    }

    private static String catalogueNames() {
        return Stream.of(Language.values()).map(l -> l.code() + ".json").collect(Collectors.joining(", "));
    }

    public boolean telegramMode() {
        return !telegramToken.isEmpty();
    }
}
