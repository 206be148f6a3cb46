package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import miicbot.engine.ExpectedChat;
import miicbot.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Many chats at once against an unreliable Bot API, and thousands of hostile updates. */
class RobustnessTest {
    /** A whole interview for two children, typed as fast as the parent can, no buttons needed. */
    static List<String> twoChildren(String parentName) {
        return List.of("hi", "I am the parent", parentName, "651 555 0123", "1 Main St, St. Paul, MN 55101", "Ana",
                "Garcia", "3/14/2019", "Female", "Opt out of MIIC", "Looks right: make the form", "Luis",
                "Same last name: Garcia", "7/1/2021", "Male", "Limit access to one clinic",
                "Westside Clinic, Bloomington", "No", "Looks right: make the form", "Finish");
    }

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void everyReplyAndFormArrivesOnceAndInOrderDespiteFaults() throws Exception {
        int chats = 12;
        List<String> script = twoChildren("Maria Lopez");
        List<String> expected = ExpectedChat.texts(script);
        assertEquals(2, expected.stream().filter(t -> t == null).count());
        try (BotHarness h = new BotHarness(dir)) {
            h.api.failRate(0.05, 7);
            for (int i = 0; i < script.size(); i++) {
                if (i % 10 == 5) {
                    h.api.rateLimitNext("sendmessage", 2, 1);
                }
                for (long chat = 1; chat <= chats; chat++) {
                    h.api.pushText(chat, chat, script.get(i), "en");
                }
            }
            for (long chat = 1; chat <= chats; chat++) {
                h.api.awaitDocuments(chat, 2, Duration.ofSeconds(90));
                // A 429's retry_after (1 s) is longer than the quiet spell below: wait for each chat's last message.
                String last = expected.get(expected.size() - 1);
                long chatId = chat;
                h.api.awaitCall(c -> c.chatId() == chatId && c.status() == 200
                        && last.equals(c.params().path("text").asText()), Duration.ofSeconds(60));
            }
            h.api.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(30));
            for (long chat = 1; chat <= chats; chat++) {
                List<String> got = h.api.messages(chat).stream().map(FakeBotApi.BotMessage::text).toList();
                // The whole script arrives at once, so replies a later answer made pointless (questions already
                // answered) may be left out; what is sent is in order, once, and ends as the script does.
                assertTrue(ExpectedChat.inOrderWithin(got, expected), "chat " + chat + ": " + got);
                assertEquals(Set.of(), ExpectedChat.missingNotes(got, script), "chat " + chat + ": notes never left out");
                assertEquals(expected.get(expected.size() - 1), got.get(got.size() - 1), "chat " + chat);
                assertEquals(2, h.api.documents(chat).size(), "each form exactly once");
            }
            h.assertNoViolations();
        }
    }

    @Test
    @Timeout(120)
    void tenThousandHostileUpdatesBreakNothing() throws Exception {
        List<String> nasty = List.of("x".repeat(4096), "\u0000\u0007\u001b[2J", "\u202Eevil\u202C", "Ana\u200B\u200D",
                "😀👨‍👩‍👧", "'; DROP TABLE conversations; --", "<b>bold</b> & <i>", "*_[]()~`>#+-=|{}.!",
                "31/02/2019", "9999-12-31", "مرحبا", "/back", "/forget", "/start", "/status", "/language", "/help",
                "/cancel", "/unknown", "1", "99", "skip", "Start", "Parent", "Yes", "No", "3/14/2019", "Ana",
                "Maria Lopez", "55101", "MN", "   ", "x");
        long seed = Long.getLong("hostile.seed", 11);
        System.out.println("hostile: seed " + seed + " (rerun with -Dhostile.seed=" + seed + ")");
        Random random = new Random(seed);
        int privateChats = 200;
        List<String> severe = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.logging.Handler watch = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                    severe.add(record.getLoggerName() + ": " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger.getLogger("miicbot").addHandler(watch);
        int updates = 0;
        try (BotHarness h = new BotHarness(dir)) {
            while (updates < Integer.getInteger("hostile.updates", 10_000)) {
                long chat = 1 + random.nextInt(privateChats);
                int kind = random.nextInt(20);
                if (kind < 12) {
                    h.api.pushText(chat, chat, nasty.get(random.nextInt(nasty.size())), random.nextBoolean() ? "es" : "en");
                } else if (kind == 12) {
                    h.api.pushSticker(chat, chat);
                } else if (kind == 13) {
                    h.api.pushPhoto(chat, chat);
                } else if (kind == 14) {
                    h.api.pushForgedTap(chat, chat, random.nextInt(50), random.nextBoolean()
                            ? random.nextInt(40) + ":" + List.of("about", "parent", "lock", "confirm", "es").get(random.nextInt(5))
                            : "z".repeat(random.nextInt(300)));
                } else if (kind == 15) {
                    h.api.pushEditedText(chat, chat, random.nextInt(30), nasty.get(random.nextInt(nasty.size())));
                } else if (kind == 16) {
                    h.api.pushGroupText(-1 - random.nextInt(10), 5, "hello group");
                } else if (kind == 17) {
                    h.api.pushForgedTap(chat + 1, chat, 1, "1:parent"); // a tap claiming another chat's message
                } else {
                    h.api.pushRaw(List.of("{\"message\":{\"message_id\":1,\"date\":1}}",
                            "{\"poll\":{\"id\":\"p\",\"question\":\"?\",\"options\":[],\"total_voter_count\":0}}",
                            "{\"message\":{\"message_id\":2,\"date\":1,\"chat\":{\"id\":" + chat + ",\"type\":\"private\"}}}",
                            "{\"callback_query\":{\"id\":\"raw" + updates + "\",\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"x\"},"
                                    + "\"chat_instance\":\"c\"}}").get(random.nextInt(4)));
                }
                updates++;
            }
            long pushed = System.nanoTime();
            h.api.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(100));
            System.out.println("hostile: " + updates + " updates handled in " + (System.nanoTime() - pushed) / 1_000_000 + " ms, " + h.api.botCalls() + " bot calls");

            // Still serving: a new parent gets the welcome, and markup in an answer comes back exactly.
            long fresh = 9_999;
            h.type(fresh, "hi").tap(fresh, "parent").type(fresh, "Maria Lopez").type(fresh, "651 555 0123")
                    .type(fresh, "12 <b>Main</b> & Co *_[x](y), St. Paul, MN 55101").type(fresh, "Ana")
                    .type(fresh, "Lee").type(fresh, "3/14/2019").tap(fresh, "skip").tap(fresh, "opt_out");
            assertTrue(h.lastText(fresh).contains("Mailing address: 12 <b>Main</b> & Co *_[x](y), St. Paul, MN 55101"),
                    h.lastText(fresh));
            for (long chat = 1; chat <= privateChats; chat++) {
                if (!h.api.messages(chat).isEmpty()) {
                    continue;
                }
                fail("private chat " + chat + " got no reply at all");
            }
            assertTrue(h.api.messages(-1).size() <= 1, "a group is told once");
            h.assertNoViolations();
            assertEquals(List.of(), h.store.chatsWithPending(), "every reply delivered");
            assertEquals(List.of(), severe, "nothing went badly wrong");
        } finally {
            java.util.logging.Logger.getLogger("miicbot").removeHandler(watch);
        }
    }
}
