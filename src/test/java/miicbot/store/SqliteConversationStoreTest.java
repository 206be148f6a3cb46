package miicbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import miicbot.chat.ConversationStore;
import miicbot.chat.ConversationStoreContract;
import miicbot.chat.FakeInterview;
import miicbot.chat.TestClock;
import miicbot.chat.UnreadableConversation;
import miicbot.engine.Conversation;
import miicbot.engine.Event;
import miicbot.engine.Outcome;
import miicbot.engine.Reply;
import miicbot.i18n.Language;
import miicbot.interview.MiicInterview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteConversationStoreTest implements ConversationStoreContract {
    @TempDir
    Path dir;

    final Map<String, String> env = Map.of(DataKey.ENV, randomKey());

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public ConversationStore newStore(TestClock clock) {
        return SqliteConversationStore.open(dir, env, clock);
    }

    /** Plays the fake interview into chat 7 up to (not including) event {@code upTo}. */
    static void play(ConversationStore store, FakeInterview interview, int upTo, TestClock clock) {
        List<Event> events = FakeInterview.wholeInterview();
        for (int i = 0; i < upTo; i++) {
            Event event = events.get(i);
            store.apply(7, i + 1, c -> interview.next(c.orElse(Conversation.start(Language.ES)), event,
                    LocalDate.now(clock)));
        }
    }

    @Test
    void restartContinuesWithTheSameConversationAndAnswers() {
        TestClock clock = TestClock.minnesota();
        FakeInterview interview = new FakeInterview();
        Conversation before;
        try (ConversationStore store = newStore(clock)) {
            play(store, interview, 4, clock);
            before = store.load(7).orElseThrow();
        }
        try (ConversationStore store = newStore(clock)) {
            Conversation after = store.load(7).orElseThrow();
            assertEquals(before, after);
            assertEquals(MiicInterview.CHILD_LAST, after.step());
            assertEquals(FakeInterview.CHILD_FIRST, after.answer(MiicInterview.CHILD_FIRST));
            // The update ids survive too: update 4 again is a repeat.
            assertEquals(java.util.Optional.empty(), store.apply(7, 4, c -> {
                throw new AssertionError("a repeat must not reach the engine");
            }));
        }
    }

    @Test
    void aNewDatabaseHasTheLatestSchemaInWalMode() throws Exception {
        newStore(TestClock.minnesota()).close();
        assertEquals(Schema.LATEST, DatabaseFile.number(dir, "PRAGMA user_version"));
        assertEquals("wal", DatabaseFile.text(dir, "PRAGMA journal_mode"));
        assertEquals(0, DatabaseFile.number(dir, "SELECT count(*) FROM counters"));
        assertEquals(1, DatabaseFile.number(dir, "SELECT count(*) FROM meta WHERE name = 'key_check'"));
    }

    @Test
    void anEmptyFileIsMigratedFromVersionZero() throws Exception {
        Files.createFile(DatabaseFile.in(dir));
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            store.apply(7, 1, c -> new Outcome(Conversation.start(Language.EN), List.of(), false, false));
        }
        assertEquals(Schema.LATEST, DatabaseFile.number(dir, "PRAGMA user_version"));
    }

    @Test
    void reopeningTheLatestVersionKeepsItsRows() throws Exception {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            store.apply(7, 1, c -> new Outcome(Conversation.start(Language.EN), List.of(new Reply.Say("hi")),
                    false, false));
        }
        byte[] record = DatabaseFile.conversationBlob(dir, 7);
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            assertEquals(1, store.pending(7).size());
        }
        assertEquals(Schema.LATEST, DatabaseFile.number(dir, "PRAGMA user_version"));
        assertTrue(Arrays.equals(record, DatabaseFile.conversationBlob(dir, 7)), "reopening rewrote a record");
    }

    @Test
    void forgetAndPurgeLeaveNoRowOfTheChatButTheCounters() throws Exception {
        TestClock clock = TestClock.minnesota();
        FakeInterview interview = new FakeInterview();
        try (ConversationStore store = newStore(clock)) {
            play(store, interview, FakeInterview.wholeInterview().size(), clock);
            assertTrue(DatabaseFile.chatRows(dir, 7) > 0);
            store.forget(7);
            assertEquals(0, DatabaseFile.chatRows(dir, 7));

            play(store, interview, 3, clock);
            clock.advance(Duration.ofDays(31));
            assertEquals(1, store.purgeIdleSince(clock.instant().minus(Duration.ofDays(30))));
            assertEquals(0, DatabaseFile.chatRows(dir, 7));
        }
        for (String table : DatabaseFile.CHAT_TABLES) {
            assertEquals(0, DatabaseFile.number(dir, "SELECT count(*) FROM " + table), table);
        }
        assertEquals(2, DatabaseFile.number(dir, "SELECT sum(count) FROM counters"));
    }

    @Test
    void updateIdsAreKeptForTheLastFewUpdatesOfAChatOnly() throws Exception {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            for (long id = 1; id <= 3 * SqliteConversationStore.KEPT_UPDATE_IDS; id++) {
                store.apply(7, id, c -> new Outcome(Conversation.start(Language.EN), List.of(), false, false));
            }
        }
        assertEquals(SqliteConversationStore.KEPT_UPDATE_IDS, DatabaseFile.rows(dir, "processed_updates", 7));
        assertEquals(3 * SqliteConversationStore.KEPT_UPDATE_IDS,
                DatabaseFile.number(dir, "SELECT max(update_id) FROM processed_updates"));
    }

    @Test
    void aRecordMovedToAnotherChatFailsToOpen() throws Exception {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            play(store, new FakeInterview(), 3, TestClock.minnesota());
        }
        DatabaseFile.execute(dir, "INSERT INTO conversations (chat_id, updated_at, blob)"
                + " SELECT 8, updated_at, blob FROM conversations WHERE chat_id = 7");
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            assertTrue(store.load(7).isPresent());
            UnreadableConversation e = assertThrows(UnreadableConversation.class, () -> store.load(8));
            assertEquals(8, e.chatId());
            assertEquals(StoreException.Reason.CORRUPT, ((StoreException) e.getCause()).reason());
        }
    }

    /** The store remembers what it sealed lately (RecentlySealed): that must not skip the checks of a changed row. */
    @Test
    void aRecordChangedWhileTheStoreIsOpenStillFailsToOpen() throws Exception {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            play(store, new FakeInterview(), 3, TestClock.minnesota());
            assertTrue(store.load(7).isPresent());
            DatabaseFile.execute(dir, "INSERT INTO conversations (chat_id, updated_at, blob)"
                    + " SELECT 8, updated_at, blob FROM conversations WHERE chat_id = 7");
            assertEquals(8, assertThrows(UnreadableConversation.class, () -> store.load(8)).chatId());
            // The last byte is the GCM tag's: flipped, the bytes no longer match what was sealed, so they are opened.
            DatabaseFile.execute(dir, "UPDATE conversations SET blob = substr(blob, 1, length(blob) - 1)"
                    + " || (CASE WHEN substr(blob, -1) = x'00' THEN x'01' ELSE x'00' END) WHERE chat_id = 7");
            assertEquals(7, assertThrows(UnreadableConversation.class, () -> store.load(7)).chatId());
        }
    }

    @Test
    void erasedRecordsAreOverwrittenInTheFile() throws Exception {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            play(store, new FakeInterview(), 5, TestClock.minnesota());
        }
        byte[] blob = DatabaseFile.conversationBlob(dir, 7);
        assertNotNull(blob);
        byte[] middle = Arrays.copyOfRange(blob, 16, 48);
        assertTrue(Bytes.contains(Files.readAllBytes(DatabaseFile.in(dir)), middle), "before the erase the record must be in the file");
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            store.forget(7);
        }
        // After a clean close the WAL is checkpointed into the file and removed: only the file is left to look at.
        assertFalse(Files.exists(dir.resolve(SqliteConversationStore.FILE_NAME + "-wal")));
        assertFalse(Bytes.contains(Files.readAllBytes(DatabaseFile.in(dir)), middle));
    }
}
