package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import miicbot.chat.ChatService;
import miicbot.engine.ExpectedChat;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.store.SqliteConversationStore;
import miicbot.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged bot as a process, killed with SIGKILL at the moments that matter: after a flood's first poll is
 * committed and before the next getUpdates confirms it; and with a stored conversation damaged while it is down.
 */
class StallIT {
    @TempDir
    Path dir;

    private Process start(FakeBotApi api) throws Exception {
        return BotJar.start(api, dir);
    }

    private static void kill(Process bot) throws InterruptedException {
        bot.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye
        assertTrue(bot.waitFor(10, TimeUnit.SECONDS));
    }

    @Test
    @Timeout(180)
    void aFloodOfOneChatKilledAfterItsFirstPollIsCommittedIsAppliedOnce() throws Exception {
        List<String> script = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            script.addAll(RobustnessTest.twoChildren("Maria Lopez"));
        }
        assertTrue(script.size() >= 150, "a flood larger than one poll (100)");
        List<String> expected = ExpectedChat.collapse(ExpectedChat.texts(script));
        try (FakeBotApi api = new FakeBotApi()) {
            for (String line : script) {
                api.pushText(1, 1, line, "en");
            }
            Process bot = start(api);
            api.awaitCall(c -> c.method().equals("getupdates"), Duration.ofSeconds(60));
            // The first poll carries 100 updates; the next getUpdates, which would confirm them, fails and so
            // confirms nothing. It is sent only once the first poll is committed: the moment to kill.
            api.failNext("getUpdates", 1_000_000, 502);
            api.awaitCall(c -> c.method().equals("getupdates") && c.status() == 502, Duration.ofSeconds(60));
            kill(bot);
            api.failNext("getUpdates", 0, 502);
            System.out.println("StallIT: killed after the first poll's commit; " + api.messages(1).size()
                    + " messages were out");
            bot = start(api);
            try {
                api.awaitDocuments(1, 16, Duration.ofSeconds(120));
                long deadline = System.currentTimeMillis() + 60_000;
                String last = expected.get(expected.size() - 1);
                while (!last.equals(api.lastMessage(1).text())) {
                    assertTrue(System.currentTimeMillis() < deadline, "the flood was not all answered");
                    Thread.sleep(20);
                }
                api.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(30));
            } finally {
                bot.destroy();
                bot.waitFor(10, TimeUnit.SECONDS);
            }
            List<String> got = ExpectedChat.collapse(api.messages(1).stream().map(FakeBotApi.BotMessage::text)
                    .filter(Objects::nonNull).toList());
            assertTrue(ExpectedChat.inOrderWithin(got, expected), "every update applied once, in order: " + got);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data")
                    .resolve(SqliteConversationStore.FILE_NAME)); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT sum(count) FROM counters")) {
                r.next();
                assertEquals(16, r.getLong(1), "each of the 16 forms made once: no update of the first poll twice");
            }
            assertEquals(List.of(), api.violations());
        }
    }

    @Test
    @Timeout(120)
    void aConversationDamagedWhileTheBotWasKilledStartsOverAndOthersGoOn() throws Exception {
        String startedOver = Catalogue.load(Language.EN, null).text(ChatService.STARTED_OVER);
        try (FakeBotApi api = new FakeBotApi()) {
            Process bot = start(api);
            for (long chat = 1; chat <= 3; chat++) {
                api.pushText(chat, chat, "hi", "en");
            }
            for (long chat = 1; chat <= 3; chat++) {
                long c = chat;
                api.awaitCall(call -> call.method().equals("sendmessage") && call.chatId() == c,
                        Duration.ofSeconds(60));
            }
            api.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(20));
            kill(bot);
            StoredRows.damageConversation(dir.resolve("data"), 2);
            bot = start(api);
            try {
                int polls = api.calls("getupdates").size();
                api.awaitCall(call -> call.method().equals("getupdates"), Duration.ofSeconds(60));
                while (api.calls("getupdates").size() <= polls) {
                    Thread.sleep(10);
                }
                long pushed = System.currentTimeMillis();
                for (long chat = 1; chat <= 3; chat++) {
                    api.pushText(chat, chat, "I am the parent", "en");
                }
                for (long chat : List.of(1L, 3L)) {
                    FakeBotApi.Call answer = api.awaitCall(call -> call.method().equals("sendmessage")
                            && call.chatId() == chat && call.atMillis() >= pushed, Duration.ofSeconds(10));
                    long waited = answer.atMillis() - pushed;
                    System.out.println("StallIT: chat " + chat + " answered after " + waited + " ms");
                    assertTrue(waited <= 2_000, "chat " + chat + " waited " + waited + " ms");
                }
                api.awaitCall(call -> call.method().equals("sendmessage") && call.chatId() == 2
                        && call.atMillis() >= pushed && startedOver.equals(call.params().path("text").asText()),
                        Duration.ofSeconds(10));
                api.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(20));
            } finally {
                bot.destroy();
                bot.waitFor(10, TimeUnit.SECONDS);
            }
            assertTrue(api.messages(1).stream().noneMatch(m -> startedOver.equals(m.text())));
            assertEquals(List.of(), api.violations());
        }
    }
}
