package miicbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductionConfigTest {
    private static final String SECRET = "0123456789abcdef_-XYZ";
    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private static Map<String, String> webhook() {
        Map<String, String> env = new HashMap<>(Map.of("TELEGRAM_BOT_TOKEN", "1:x", "BOT_MODE", "webhook",
                "WEBHOOK_URL", "https://bot.example.org/telegram/webhook", "WEBHOOK_SECRET", SECRET));
        return env;
    }

    private static String problem(Map<String, String> env) {
        return assertThrows(IllegalArgumentException.class, () -> ProductionConfig.fromEnv(env)).getMessage();
    }

    @Test
    void defaultsArePollingOnSqliteWithNothingExtra() {
        ProductionConfig config = ProductionConfig.fromEnv(Map.of());
        assertFalse(config.webhookMode());
        assertNull(config.database());
        assertEquals(0, config.metricsPort());
        assertEquals(8080, config.port());
        assertEquals(Set.of(), config.adminChatIds());
    }

    @Test
    void webhookModeReadsItsSettings() {
        Map<String, String> env = webhook();
        env.put("PORT", "9000");
        env.put("ADMIN_CHAT_IDS", " 12345, 67890 ");
        ProductionConfig config = ProductionConfig.fromEnv(env);
        assertTrue(config.webhookMode());
        assertEquals("/telegram/webhook", config.webhook().path());
        assertEquals(9000, config.port());
        assertEquals(Set.of(12345L, 67890L), config.adminChatIds());
        assertFalse(config.webhook().toString().contains(SECRET), "the secret is never printed");
    }

    @Test
    void eachWebhookProblemNamesItsSetting() {
        Map<String, String> env = webhook();
        env.remove("WEBHOOK_SECRET");
        assertEquals("WEBHOOK_SECRET is required with BOT_MODE=webhook", problem(env));
        env.put("WEBHOOK_SECRET", "short");
        assertTrue(problem(env).startsWith("WEBHOOK_SECRET must be 16 to 256 characters"));
        env.put("WEBHOOK_SECRET", SECRET);
        env.put("WEBHOOK_URL", "http://bot.example.org/hook");
        assertTrue(problem(env).startsWith("WEBHOOK_URL must be a public https:// address"));
        env.remove("WEBHOOK_URL");
        assertEquals("WEBHOOK_URL is required with BOT_MODE=webhook", problem(env));
        assertTrue(problem(Map.of("BOT_MODE", "push")).startsWith("BOT_MODE must be polling or webhook"));
        assertTrue(problem(Map.of("PORT", "99999")).startsWith("PORT must be a port number"));
        assertTrue(problem(Map.of("ADMIN_CHAT_IDS", "12,abc")).startsWith("ADMIN_CHAT_IDS must be chat ids"));
        Map<String, String> both = webhook();
        both.put("METRICS_PORT", "9100");
        assertTrue(problem(both).startsWith("METRICS_PORT is for polling mode"));
    }

    @Test
    void aDatabaseUrlOfAnyShapeIsOneProblemNeverAnException() {
        for (String url : List.of("nonsense", "host=db dbname=miicbot user=bot password=hunter22", "postgresql:db",
                "postgresql://", "postgresql://bot:hunter22@/miicbot", "postgresql://db:5432", "//db/miicbot",
                "postgresql://bot:hunter22%zz@db/miicbot", "postgresql://db:port/miicbot")) {
            String problem = problem(Map.of("DATABASE_URL", url, "BOT_DATA_KEY", KEY));
            assertTrue(problem.startsWith("DATABASE_URL must look like postgresql://"), url + " -> " + problem);
            assertFalse(problem.contains("hunter22"), problem);
        }
    }

    @Test
    void aPasswordKeepsItsPlusAndItsAtAndColon() {
        ProductionConfig.Database db = ProductionConfig.fromEnv(Map.of("DATABASE_URL",
                "postgres://bot:a+b%2Bc@d:e%40f@db.internal/miicbot", "BOT_DATA_KEY", KEY)).database();
        assertEquals("a+b+c@d:e@f", db.password());
        assertEquals("bot", db.user());
        assertEquals("jdbc:postgresql://db.internal/miicbot", db.jdbcUrl());
    }

    @Test
    void aDatabaseUrlBecomesJdbcWithCredentialsApartAndNeedsTheKey() {
        ProductionConfig config = ProductionConfig.fromEnv(Map.of("DATABASE_URL",
                "postgresql://bot:p%40ss@db.internal:5432/miicbot?sslmode=require", "BOT_DATA_KEY", KEY));
        assertEquals("jdbc:postgresql://db.internal:5432/miicbot?sslmode=require", config.database().jdbcUrl());
        assertEquals("bot", config.database().user());
        assertEquals("p@ss", config.database().password());
        assertFalse(config.database().toString().contains("p@ss"));

        String missingKey = problem(Map.of("DATABASE_URL", "postgresql://bot:pw@db/miicbot"));
        assertTrue(missingKey.startsWith("BOT_DATA_KEY is required with DATABASE_URL"), missingKey);
        String wrong = problem(Map.of("DATABASE_URL", "mysql://bot:hunter22@db/miicbot", "BOT_DATA_KEY", KEY));
        assertTrue(wrong.startsWith("DATABASE_URL must look like postgresql://"), wrong);
        assertFalse(wrong.contains("hunter22"), "the password is never quoted");
    }

    @Test
    void mainExitsWith2AndOneLineNamingTheSetting() {
        Map<String, String> env = webhook();
        env.remove("WEBHOOK_SECRET");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[0], env, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals("miic-privacy-bot: WEBHOOK_SECRET is required with BOT_MODE=webhook\n", printed);
    }

    @Test
    void anUnreachableDatabaseIsExit2WithOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[0], Map.of("DATABASE_URL", "postgresql://bot:pw@127.0.0.1:1/miicbot",
                "BOT_DATA_KEY", KEY), new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("miic-privacy-bot: cannot connect to the database postgresql://127.0.0.1:1/miicbot"),
                printed);
        assertEquals(1, printed.lines().count(), printed);
        assertFalse(printed.contains("pw"), printed);
    }
}
