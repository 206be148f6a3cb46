package miicbot;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every setting, good and bad; a bad environment is refused naming every bad setting at once. */
class ConfigTest {
    private static String refusal(Map<String, String> env) {
        return assertThrows(IllegalArgumentException.class, () -> Config.fromEnv(env)).getMessage();
    }

    @Test
    void anEmptyEnvironmentGivesTheSafeDefaults() {
        Config config = Config.fromEnv(Map.of());
        assertEquals(new Config("", null, Path.of("data"), 30, null, true, 1.0), config);
        assertFalse(config.telegramMode());
    }

    @Test
    void blankValuesCountAsUnset() {
        Config config = Config.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", " ", "TELEGRAM_API_URL", " ", "DATA_DIR", " ",
                "RETENTION_DAYS", " ", "MESSAGES_DIR", " ", "DELETE_TYPED_ANSWERS", " ", "CHAT_PACE_PER_SECOND", " "));
        assertEquals(Config.fromEnv(Map.of()), config);
    }

    @Test
    void everyGoodSettingIsRead(@TempDir Path messages) throws IOException {
        Files.writeString(messages.resolve("es.json"), "{}");
        Config config = Config.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", " 123:abc ",
                "TELEGRAM_API_URL", "http://127.0.0.1:8081", "DATA_DIR", "/var/lib/bot", "RETENTION_DAYS", "7",
                "MESSAGES_DIR", messages.toString(), "DELETE_TYPED_ANSWERS", "FALSE", "CHAT_PACE_PER_SECOND", "2.5"));
        assertEquals(new Config("123:abc", URI.create("http://127.0.0.1:8081"), Path.of("/var/lib/bot"), 7, messages,
                false, 2.5), config);
        assertTrue(config.telegramMode());
    }

    @Test
    void retentionBoundsAreOneAndThreeHundredSixtyFiveDays() {
        assertEquals(1, Config.fromEnv(Map.of("RETENTION_DAYS", "1")).retentionDays());
        assertEquals(365, Config.fromEnv(Map.of("RETENTION_DAYS", "365")).retentionDays());
        assertEquals("RETENTION_DAYS must be between 1 and 365", refusal(Map.of("RETENTION_DAYS", "0")));
        assertEquals("RETENTION_DAYS must be between 1 and 365", refusal(Map.of("RETENTION_DAYS", "366")));
        assertEquals("RETENTION_DAYS must be a whole number of days", refusal(Map.of("RETENTION_DAYS", "30d")));
    }

    @Test
    void theApiUrlNeedsASchemeAndAHost() {
        assertEquals(URI.create("https://bot.example:8443"),
                Config.fromEnv(Map.of("TELEGRAM_API_URL", "https://bot.example:8443")).telegramApiUrl());
        String missing = "TELEGRAM_API_URL must look like http://127.0.0.1:8081 (got a value without scheme or host)";
        assertEquals(missing, refusal(Map.of("TELEGRAM_API_URL", "localhost:8081")));
        assertEquals(missing, refusal(Map.of("TELEGRAM_API_URL", "ftp://127.0.0.1")));
        assertEquals("TELEGRAM_API_URL is not a URL", refusal(Map.of("TELEGRAM_API_URL", "http://a b")));
    }

    @Test
    void deleteTypedAnswersIsTrueOrFalse() {
        assertTrue(Config.fromEnv(Map.of("DELETE_TYPED_ANSWERS", "true")).deleteTypedAnswers());
        assertFalse(Config.fromEnv(Map.of("DELETE_TYPED_ANSWERS", "false")).deleteTypedAnswers());
        assertEquals("DELETE_TYPED_ANSWERS must be true or false", refusal(Map.of("DELETE_TYPED_ANSWERS", "yes")));
    }

    @Test
    void chatPaceIsAPositiveNumberUpToTenThousand() {
        assertEquals(0.5, Config.fromEnv(Map.of("CHAT_PACE_PER_SECOND", "0.5")).chatPace());
        assertEquals(10_000, Config.fromEnv(Map.of("CHAT_PACE_PER_SECOND", "10000")).chatPace());
        String range = "CHAT_PACE_PER_SECOND must be above 0 and at most 10000";
        assertEquals(range, refusal(Map.of("CHAT_PACE_PER_SECOND", "0")));
        assertEquals(range, refusal(Map.of("CHAT_PACE_PER_SECOND", "10001")));
        assertEquals(range, refusal(Map.of("CHAT_PACE_PER_SECOND", "NaN")));
        assertEquals("CHAT_PACE_PER_SECOND must be a number, e.g. 1", refusal(Map.of("CHAT_PACE_PER_SECOND", "fast")));
    }

    @Test
    void messagesDirMustBeAFolder(@TempDir Path dir) {
        assertEquals("MESSAGES_DIR is not a folder: " + dir.resolve("nope"),
                refusal(Map.of("MESSAGES_DIR", dir.resolve("nope").toString())));
    }

    @Test
    void everyProblemIsNamedAtOnce(@TempDir Path dir) {
        assertEquals("TELEGRAM_API_URL is not a URL; RETENTION_DAYS must be a whole number of days; "
                        + "DELETE_TYPED_ANSWERS must be true or false; CHAT_PACE_PER_SECOND must be a number, e.g. 1; "
                        + "MESSAGES_DIR is not a folder: " + dir.resolve("x"),
                refusal(Map.of("TELEGRAM_API_URL", "http://a b", "RETENTION_DAYS", "x", "DELETE_TYPED_ANSWERS", "2",
                        "CHAT_PACE_PER_SECOND", "fast", "MESSAGES_DIR", dir.resolve("x").toString())));
    }

    @Test
    void aMessagesDirWithoutAnyOfOurCataloguesIsRefused(@TempDir Path dir) throws IOException {
        String none = "MESSAGES_DIR holds none of en.json, es.json, so.json, hmn.json: " + dir;
        assertEquals(none, refusal(Map.of("MESSAGES_DIR", dir.toString())));
        Files.writeString(dir.resolve("fr.json"), "{}");
        assertEquals(none, refusal(Map.of("MESSAGES_DIR", dir.toString())));
        Files.writeString(dir.resolve("hmn.json"), "{}");
        assertEquals(dir, Config.fromEnv(Map.of("MESSAGES_DIR", dir.toString())).messagesDir());
    }

    @Test
    void aTokenOfTheWrongShapeIsRefusedWithoutQuotingIt() {
        String refused = refusal(Map.of("TELEGRAM_BOT_TOKEN", "garbage"));
        assertTrue(refused.startsWith("TELEGRAM_BOT_TOKEN does not look like a bot token"), refused);
        assertFalse(refused.contains("garbage"), refused);
        assertEquals("123456:AAH-x_9", Config.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", "123456:AAH-x_9")).telegramToken());
        assertTrue(refusal(Map.of("TELEGRAM_BOT_TOKEN", "123456:abc def")).startsWith("TELEGRAM_BOT_TOKEN"));
    }

    @Test
    void aBadDataKeyIsFoundWithTheOtherSettings() {
        Config.Problems problems = assertThrows(Config.Problems.class, () -> Config.fromEnv(Map.of(
                "BOT_DATA_KEY", "c2hvcnQ=", "RETENTION_DAYS", "0", "LOG_LEVEL", "loud", "LOG_FORMAT", "xml")));
        assertEquals(4, problems.lines().size(), problems.lines().toString());
        assertTrue(problems.lines().get(0).startsWith("BOT_DATA_KEY must hold 32 random bytes"), problems.lines().get(0));
        assertEquals("LOG_LEVEL must be one of SEVERE, WARNING, INFO, FINE or OFF", problems.lines().get(2));
        assertEquals("LOG_FORMAT must be text or json", problems.lines().get(3));
    }

    @Test
    void theTokenIsNeverPrinted() {
        String token = "123456:AAHsecretsecretsecret";
        Config config = Config.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", token));
        assertFalse(config.toString().contains("secret"), config.toString());
        assertTrue(config.toString().contains("telegramToken=(hidden)"), config.toString());
        var settings = miicbot.telegram.BotSettings.production(token, null, 1, true, null);
        assertFalse(settings.toString().contains("secret"), settings.toString());
    }
}
