package miicbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import miicbot.chat.ClaimedElsewhere;
import miicbot.chat.ConversationStore;
import miicbot.chat.ConversationStoreContract;
import miicbot.chat.RecordingSender;
import miicbot.chat.TestClock;
import miicbot.engine.Conversation;
import miicbot.engine.Outcome;
import miicbot.engine.Place;
import miicbot.engine.Reply;
import miicbot.i18n.Language;
import miicbot.interview.MiicInterview;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL, plus what only a shared database must do: replicas and claims. */
class PostgresConversationStoreTest implements ConversationStoreContract {
    static PostgresServer server;
    final DataKey key = DataKey.random();

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    public ConversationStore newStore(TestClock clock) {
        try {
            return PostgresConversationStore.open(server.newDatabase(), null, null, key, clock, 10);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static Outcome saying(String... texts) {
        return new Outcome(Conversation.start(Language.EN).at(Place.question(MiicInterview.STREET), false, null),
                List.of(texts).stream().<Reply>map(Reply.Say::new).toList(), false, false);
    }

    private static List<String> texts(List<ConversationStore.Pending> pending) {
        return pending.stream().map(p -> RecordingSender.text(p.reply())).toList();
    }

    @Test
    void reopeningKeepsEverythingAndSealsPersonalData() throws Exception {
        String url = server.newDatabase();
        TestClock clock = TestClock.minnesota();
        try (var store = PostgresConversationStore.open(url, null, null, key, clock, 2)) {
            store.apply(7, 1, c -> saying("Jane Q Parent"));
        }
        try (var store = PostgresConversationStore.open(url, null, null, key, clock, 2)) {
            assertEquals(List.of("Jane Q Parent"), texts(store.pending(7)));
            assertTrue(store.load(7).isPresent());
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT blob FROM outbox UNION ALL SELECT blob FROM conversations")) {
            while (r.next()) {
                assertFalse(new String(r.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains("Jane"), "a sealed column holds plain text");
            }
        }
    }

    @Test
    void anotherKeyIsRefusedAndChangesNothing() throws Exception {
        String url = server.newDatabase();
        try (var store = PostgresConversationStore.open(url, null, null, key, TestClock.minnesota(), 2)) {
            store.apply(7, 1, c -> saying("a"));
        }
        StoreException e = assertThrows(StoreException.class, () -> PostgresConversationStore.open(url, null, null,
                DataKey.random(), TestClock.minnesota(), 2));
        assertEquals(StoreException.Reason.WRONG_KEY, e.reason());
    }

    @Test
    void anUnreachableDatabaseIsOneLineNamingNoPassword() {
        StoreException e = assertThrows(StoreException.class, () -> PostgresConversationStore.open(
                "jdbc:postgresql://127.0.0.1:1/nothing", "bot", "s3cret-pw", key, TestClock.minnesota(), 2));
        assertFalse(e.getMessage().contains("s3cret-pw"));
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().contains("postgresql://127.0.0.1:1/nothing"), e.getMessage());
    }

    @Test
    void twoReplicasApplyTheSameUpdateOnce() throws Exception {
        String url = server.newDatabase();
        try (var a = PostgresConversationStore.open(url, null, null, key, TestClock.minnesota(), 4);
             var b = PostgresConversationStore.open(url, null, null, key, TestClock.minnesota(), 4)) {
            assertTrue(a.apply(7, 100, c -> saying("once")).isPresent());
            assertEquals(Optional.empty(), b.apply(7, 100, c -> saying("twice")));
            assertEquals(List.of("once"), texts(b.pending(7)));
        }
    }

    @Test
    void aClaimedOutboxIsRefusedToOthersUntilItsOwnerIsDoneAndThenGoesToTheNextReplica() throws Exception {
        String url = server.newDatabase();
        try (var a = PostgresConversationStore.open(url, null, null, key, TestClock.minnesota(), 4, 10_000);
             var b = PostgresConversationStore.open(url, null, null, key, TestClock.minnesota(), 4, 10_000)) {
            a.apply(7, 1, c -> saying("one", "two"));
            List<ConversationStore.Pending> claimed = a.pending(7);
            b.apply(7, 2, c -> saying("three"));
            // b is told at once to come back (no thread of b waits), until a has delivered what it claimed.
            long start = System.nanoTime();
            ClaimedElsewhere busy = assertThrows(ClaimedElsewhere.class, () -> b.pending(7));
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1_000, "b did not wait");
            assertTrue(busy.retryAfterMillis() > 0 && busy.retryAfterMillis() <= 250, busy.getMessage());
            claimed.forEach(p -> a.delivered(7, p.seq()));
            assertEquals(List.of("three"), texts(b.pending(7)), "then b gets only the rest");
        }
    }

    @Test
    void aCrashedReplicasClaimExpiresAndItsRepliesAreSentByAnother() throws Exception {
        String url = server.newDatabase();
        var crashed = PostgresConversationStore.open(url, null, null, key, TestClock.minnesota(), 2, 1_000);
        crashed.apply(7, 1, c -> saying("left behind"));
        assertEquals(1, crashed.pending(7).size());
        crashed.close();
        try (var next = PostgresConversationStore.open(url, null, null, key, TestClock.minnesota(), 2, 1_000)) {
            long start = System.nanoTime();
            List<ConversationStore.Pending> pending = null;
            int refused = 0;
            while (pending == null) { // as the bot does: the chat's delivery comes back after the time it is told
                try {
                    pending = next.pending(7);
                } catch (ClaimedElsewhere e) {
                    refused++;
                    Thread.sleep(e.retryAfterMillis());
                }
            }
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(List.of("left behind"), texts(pending));
            assertTrue(refused > 0 && waited >= 500 && waited < 5_000, "waited " + waited + " ms for a 1 s claim");
        }
    }

    @Test
    void manyReplicasApplyingOneChatKeepEveryUpdateOnceInOrderOfApplication() throws Exception {
        String url = server.newDatabase();
        List<PostgresConversationStore> replicas = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            replicas.add(PostgresConversationStore.open(url, null, null, key, TestClock.minnesota(), 4));
        }
        try {
            List<Thread> threads = new ArrayList<>();
            for (var replica : replicas) {
                threads.add(new Thread(() -> {
                    // Every replica receives every update (redeliveries); each must be applied exactly once.
                    for (long update = 1; update <= 40; update++) {
                        String text = "u" + update;
                        replica.apply(7, update, c -> saying(text));
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            List<String> texts = texts(replicas.get(0).pending(7));
            assertEquals(40, texts.size(), texts.toString());
            assertEquals(40, texts.stream().distinct().count());
        } finally {
            replicas.forEach(PostgresConversationStore::close);
        }
    }
}
