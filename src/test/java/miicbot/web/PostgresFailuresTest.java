package miicbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import miicbot.chat.ChatService;
import miicbot.engine.Dialog;
import miicbot.engine.Event;
import miicbot.engine.ExpectedChat;
import miicbot.i18n.Language;
import miicbot.store.DataKey;
import miicbot.store.PostgresConversationStore;
import miicbot.store.PostgresServer;
import miicbot.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PostgreSQL failures with the real bot in webhook mode: a replica that died holding delivery claims does not hold
 * up other chats, and the database server stopped and started again midway loses nothing and applies nothing twice.
 */
class PostgresFailuresTest {
    // Long enough that starting replica B and measuring 50 chats end before the claims expire on a loaded machine.
    private static final long CLAIM_MILLIS = 20_000;
    /** More chats claimed by the dead replica than a replica has chat workers (8). */
    private static final int CLAIMED = 20;
    private static final int OTHERS = 50;
    private static final Duration WITHIN = Duration.ofSeconds(2);

    @Test
    @Timeout(180)
    void chatsClaimedByADeadReplicaHoldUpNoOtherChat() throws Exception {
        DataKey key = DataKey.random();
        try (PostgresServer pg = PostgresServer.start(); FakeBotApi api = new FakeBotApi(100_000)) {
            String url = pg.newDatabase();
            // Replica A applied an update for each of 20 chats, claimed their outboxes to send, and died.
            var storeA = PostgresConversationStore.open(url, null, null, key, Clock.systemUTC(), 4, CLAIM_MILLIS);
            ChatService chatsA = new ChatService(Dialog.newEngine(), storeA, Clock.systemUTC());
            Map<Long, Integer> queued = new ConcurrentHashMap<>();
            for (long chat = 1_001; chat <= 1_000 + CLAIMED; chat++) {
                chatsA.apply(chat, chat, Language.EN, new Event.Text("hi"));
                queued.put(chat, storeA.pending(chat).size()); // claimed, and never released
            }
            storeA.close();
            long claimedAt = System.currentTimeMillis();

            var storeB = PostgresConversationStore.open(url, null, null, key, Clock.systemUTC(), 10, CLAIM_MILLIS);
            try (Replica b = new Replica(api, storeB, Set.of());
                 WebhookRelay relay = new WebhookRelay(api, () -> List.of(b.webhook()), Replica.SECRET, 0, 1)) {
                // One chat first, not measured: its answer carries the new JVM's first-call costs (class loading,
                // JIT), several seconds on a loaded machine, which say nothing about the claims.
                api.pushText(999, 999, "hi", "en");
                api.awaitCall(call -> call.method().equals("sendmessage") && call.chatId() == 999,
                        Duration.ofSeconds(30));
                long worst = 0;
                for (long chat = 1; chat <= OTHERS; chat++) {
                    long pushed = System.currentTimeMillis();
                    api.pushText(chat, chat, "hi", "en");
                    long c = chat;
                    FakeBotApi.Call answer = api.awaitCall(call -> call.method().equals("sendmessage")
                            && call.chatId() == c, Duration.ofSeconds(20));
                    if (answer.atMillis() - pushed > worst) {
                        worst = answer.atMillis() - pushed;
                        System.out.println("PostgresFailuresTest: chat " + chat + " waited " + worst + " ms");
                    }
                }
                System.out.println("PostgresFailuresTest: with " + CLAIMED + " chats claimed by a dead replica, the"
                        + " slowest of " + OTHERS + " other chats waited " + worst + " ms for its answer");
                assertTrue(worst <= WITHIN.toMillis(), "a chat waited " + worst + " ms");
                assertTrue(System.currentTimeMillis() - claimedAt < CLAIM_MILLIS,
                        "measured while the dead replica's claims still held");
                // Once the claims expire, B sends the dead replica's replies: each once.
                for (long chat = 1_001; chat <= 1_000 + CLAIMED; chat++) {
                    long deadline = System.currentTimeMillis() + 40_000;
                    while (api.messages(chat).size() < queued.get(chat)) {
                        assertTrue(System.currentTimeMillis() < deadline, "chat " + chat + " never got its replies");
                        Thread.sleep(20);
                    }
                }
                api.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(20));
                for (long chat = 1_001; chat <= 1_000 + CLAIMED; chat++) {
                    assertEquals(queued.get(chat), api.messages(chat).size(), "chat " + chat + ": each reply once");
                }
                assertEquals(List.of(), api.violations());
            } finally {
                storeB.close();
            }
        }
    }

    @Test
    @Timeout(240)
    void theDatabaseStoppedAndStartedMidwayLosesNothingAndRepeatsNothing() throws Exception {
        int chats = 10;
        List<String> expected = ExpectedChat.collapse(ExpectedChat.texts(Script.TWO_CHILDREN));
        DataKey key = DataKey.random();
        try (PostgresServer pg = PostgresServer.start(); FakeBotApi api = new FakeBotApi()) {
            String url = pg.newDatabase();
            var store = PostgresConversationStore.open(url, null, null, key, Clock.systemUTC(), 10, CLAIM_MILLIS);
            try (Replica replica = new Replica(api, store, Set.of());
                 WebhookRelay relay = new WebhookRelay(api, () -> List.of(replica.webhook()), Replica.SECRET, 0.05,
                         7)) {
                for (String line : Script.TWO_CHILDREN) {
                    for (long chat = 1; chat <= chats; chat++) {
                        api.pushText(chat, chat, line, "en");
                    }
                }
                int total = chats * expected.size();
                long deadline = System.currentTimeMillis() + 120_000;
                while (sent(api, chats) < total / 3 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(5);
                }
                pg.stop();
                System.out.println("PostgreSQL stopped after " + sent(api, chats) + " of " + total + " messages");
                Thread.sleep(3_000);
                pg.restart();
                System.out.println("PostgreSQL started again");
                String last = expected.get(expected.size() - 1);
                for (long chat = 1; chat <= chats; chat++) {
                    api.awaitDocuments(chat, 2, Duration.ofSeconds(120));
                }
                long deadlineAll = System.currentTimeMillis() + 120_000;
                while (!allEndWith(api, chats, last)) {
                    assertTrue(System.currentTimeMillis() < deadlineAll, "not every chat ended within 120 s");
                    Thread.sleep(20);
                }
                api.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(60));
                for (long chat = 1; chat <= chats; chat++) {
                    List<String> got = ExpectedChat.collapse(api.messages(chat).stream()
                            .map(FakeBotApi.BotMessage::text).filter(java.util.Objects::nonNull).toList());
                    assertTrue(ExpectedChat.inOrderWithin(got, expected), "chat " + chat
                            + ": every answer applied once, in order: " + got);
                    assertEquals(List.of("MIIC-request-Ana-Garcia.pdf", "MIIC-request-Luis-Garcia.pdf"),
                            api.documents(chat).stream().map(FakeBotApi.Document::fileName).distinct().toList());
                }
                assertEquals(List.of(), api.violations());
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM outbox), (SELECT sum(count) FROM"
                             + " counters)")) {
                    r.next();
                    assertEquals(0, r.getLong(1), "nothing left in the outbox");
                    assertEquals(2L * chats, r.getLong(2), "each form counted once: nothing applied twice");
                }
            } finally {
                store.close();
            }
        }
    }

    private static int sent(FakeBotApi api, int chats) {
        int n = 0;
        for (long chat = 1; chat <= chats; chat++) {
            n += api.messages(chat).size();
        }
        return n;
    }

    private static boolean allEndWith(FakeBotApi api, int chats, String text) {
        for (long chat = 1; chat <= chats; chat++) {
            FakeBotApi.BotMessage last = api.lastMessage(chat);
            if (last == null || !text.equals(last.text())) {
                return false;
            }
        }
        return true;
    }

}
