package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import miicbot.engine.ExpectedChat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import miicbot.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged bot under load, killed with SIGKILL three times at random moments and restarted: every chat still
 * completes, every answer counts once, and each child's form arrives (again only right after a kill).
 */
class CrashIT {
    private static final int CHATS = 10;

    @TempDir
    Path dir;

    private Process start(FakeBotApi api) throws Exception {
        return BotJar.start(api, dir);
    }

    @Test
    @Timeout(120)
    void killedThreeTimesUnderLoadEveryChatCompletesOnce() throws Exception {
        List<String> script = RobustnessTest.twoChildren("Maria Lopez");
        List<String> expected = ExpectedChat.collapse(ExpectedChat.texts(script));
        long seed = Long.getLong("crash.seed", 2);
        System.out.println("CrashIT: seed " + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        try (FakeBotApi api = new FakeBotApi()) {
            api.latency(Duration.ofMillis(15)); // stretches the run so the kills land mid-stream
            for (String line : script) {
                for (long chat = 1; chat <= CHATS; chat++) {
                    api.pushText(chat, chat, line, "en");
                }
            }
            for (int kill = 1; kill <= 3; kill++) {
                Process bot = start(api);
                int callsBefore = api.botCalls();
                api.awaitCall(c -> c.method().equals("getupdates"), Duration.ofSeconds(30));
                long deadline = System.currentTimeMillis() + 10_000;
                int target = callsBefore + 20 + random.nextInt(120);
                while (api.botCalls() < target && System.currentTimeMillis() < deadline) {
                    Thread.sleep(5);
                }
                bot.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye
                assertTrue(bot.waitFor(10, TimeUnit.SECONDS));
                System.out.println("kill " + kill + " after " + (api.botCalls() - callsBefore) + " calls");
            }
            Process bot = start(api);
            try {
                for (long chat = 1; chat <= CHATS; chat++) {
                    api.awaitDocuments(chat, 2, Duration.ofSeconds(60));
                }
                api.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(20));
            } finally {
                bot.destroy();
                bot.waitFor(10, TimeUnit.SECONDS);
            }
            for (long chat = 1; chat <= CHATS; chat++) {
                // The texts; forms (null texts) are checked by name below, where one resent after a kill is allowed.
                List<String> texts = api.messages(chat).stream().map(FakeBotApi.BotMessage::text)
                        .filter(java.util.Objects::nonNull).toList();
                List<String> got = ExpectedChat.collapse(texts);
                // A text sent just before a kill, before its mark, goes again after it: at most once per kill.
                assertTrue(texts.size() - got.size() <= 3, "chat " + chat + ": resent more than once per kill: " + texts);
                // All lines were sent at once, so questions answered meanwhile may be left out.
                assertTrue(ExpectedChat.inOrderWithin(got, expected), "chat " + chat
                        + ": every answer applied once, in order: " + got);
                assertEquals(java.util.Set.of(), ExpectedChat.missingNotes(got, script), "chat " + chat + ": notes");
                assertEquals(expected.get(expected.size() - 1), got.get(got.size() - 1), "chat " + chat);
                List<FakeBotApi.Document> forms = api.documents(chat);
                List<String> names = forms.stream().map(FakeBotApi.Document::fileName).toList();
                // Like a text, a form whose upload succeeded just before a kill is sent again after it: at most
                // once per kill in each chat (a kill can catch every chat's upload at once), right after itself.
                // Never a form missing, out of order, or sent without a kill.
                assertEquals(List.of("MIIC-request-Ana-Garcia.pdf", "MIIC-request-Luis-Garcia.pdf"), ExpectedChat.collapse(names),
                        "each form, in order: " + names);
                assertTrue(names.size() - 2 <= 3, "chat " + chat + ": " + names);
                assertTrue(BotHarness.pdfText(forms.get(forms.size() - 1).bytes()).contains("Westside Clinic"));
            }
            assertEquals(List.of(), api.violations());
        }
    }
}
