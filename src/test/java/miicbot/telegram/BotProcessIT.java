package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import miicbot.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as an operator runs it: against any Bot API server by TELEGRAM_API_URL, stopped by SIGTERM. */
@Timeout(60)
class BotProcessIT {
    private static final Path JAR = Path.of("target", "miic-privacy-bot.jar");

    @TempDir
    Path dir;

    private Process start(FakeBotApi api, String token) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Map<String, String> env = builder.environment();
        env.put("TELEGRAM_BOT_TOKEN", token);
        env.put("TELEGRAM_API_URL", api.url());
        env.put("DATA_DIR", dir.resolve("data").toString());
        return builder.start();
    }

    @Test
    void aBadTokenStopsWithOneClearLineAndCode2() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            Process bot = start(api, "42:not-the-token");
            assertTrue(bot.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, bot.exitValue());
            String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
            assertTrue(err.contains("miic-privacy-bot: Telegram refused the bot token (401)"), err);
            assertFalse(err.contains("\tat "), "no stack trace: " + err);
        }
    }

    @Test
    void theJarServesAParentThenStopsQuicklyOnSigterm() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            long started = System.nanoTime();
            Process bot = start(api, FakeBotApi.TOKEN);
            api.awaitCall(c -> c.method().equals("getupdates"), Duration.ofSeconds(20));
            long toFirstPoll = (System.nanoTime() - started) / 1_000_000;
            System.out.println("start to first getUpdates: " + toFirstPoll + " ms");
            api.pushText(77, 77, "hi", "en");
            api.awaitCall(c -> c.method().equals("sendmessage") && c.chatId() == 77, Duration.ofSeconds(10));
            assertTrue(api.lastMessage(77).text().startsWith("Hello!"));
            assertTrue(Files.exists(dir.resolve("data").resolve("heartbeat")), "liveness file for the health check");

            long stopping = System.nanoTime();
            bot.destroy(); // SIGTERM
            assertTrue(bot.waitFor(5, TimeUnit.SECONDS), "exits within 5 s of SIGTERM");
            // A JVM stopped by SIGTERM exits 128 + 15 once its shutdown hook is done; 1 or 2 would mean a failure.
            assertEquals(143, bot.exitValue(), "exit code after SIGTERM");
            System.out.println("SIGTERM to exit: " + (System.nanoTime() - stopping) / 1_000_000 + " ms");
            String log = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
            for (String secret : List.of(FakeBotApi.TOKEN, "hi\n")) {
                assertFalse(log.contains(secret), "log holds " + secret);
            }
            assertTrue(api.violations().isEmpty(), api.violations().toString());
        }
    }
}
