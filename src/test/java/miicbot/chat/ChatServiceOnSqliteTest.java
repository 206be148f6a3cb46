package miicbot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import miicbot.store.Bytes;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import miicbot.engine.Conversation;
import miicbot.engine.Event;
import miicbot.i18n.Language;
import miicbot.store.DataKey;
import miicbot.store.SqliteConversationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service on real SQLite files: crashes between storing and sending, and what ends up on disk and in logs. */
class ChatServiceOnSqliteTest {
    @TempDir
    Path dir;

    final TestClock clock = TestClock.minnesota();
    final Map<String, String> env = Map.of(DataKey.ENV, randomKey());

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private SqliteConversationStore open() {
        return SqliteConversationStore.open(dir, env, clock);
    }

    /**
     * A flood: one chat sends 150 updates; a poll carries at most 100 (getUpdates' limit). The first poll is
     * committed, then the process dies before the next getUpdates confirms it, so Telegram sends those 100 again,
     * then the last 50. The chat remembers enough update ids to know all 100: each update is applied exactly once.
     */
    @Test
    void aWholePollFromOneChatRedeliveredAfterACrashIsAppliedOnlyOnce() {
        int[] applied = new int[1];
        ChatService.Step counting = (c, event, today) -> {
            applied[0]++;
            return new miicbot.engine.Outcome(c.started() ? c : Conversation.start(Language.EN), List.of(), false,
                    false);
        };
        List<ChatService.Received> firstPoll = new ArrayList<>();
        List<ChatService.Received> secondPoll = new ArrayList<>();
        for (long id = 1; id <= 150; id++) {
            (id <= 100 ? firstPoll : secondPoll).add(new ChatService.Received(7, 5_000 + id, Language.EN,
                    new Event.Text("flood " + id)));
        }
        try (SqliteConversationStore store = open()) {
            new ChatService(counting, store, clock).applyAll(firstPoll); // committed; then the crash
        }
        assertEquals(100, applied[0]);
        try (SqliteConversationStore store = open()) {
            ChatService chats = new ChatService(counting, store, clock);
            assertTrue(chats.applyAll(firstPoll).stream().allMatch(a -> a.outcome().isEmpty()),
                    "every redelivered update of the first poll is known");
            chats.applyAll(secondPoll);
        }
        assertEquals(150, applied[0], "each of the 150 updates applied exactly once");
    }

    @Test
    void aReplyStoredBeforeACrashIsDeliveredOnceAfterTheRestart() {
        Event answer = new Event.Text(FakeInterview.PARENT);
        try (SqliteConversationStore store = open()) {
            ChatService chats = new ChatService(new FakeInterview(), store, clock);
            chats.handle(7, 1, Language.EN, new Event.Command(Event.Commands.START), new RecordingSender());
            // The process dies right after the commit: apply ran, no send happened.
            store.apply(7, 2, c -> new FakeInterview().next(c.orElseThrow(), answer, null));
        }
        RecordingSender sender = new RecordingSender();
        try (SqliteConversationStore store = open()) {
            FakeInterview interview = new FakeInterview();
            ChatService chats = new ChatService(interview, store, clock);

            assertEquals(0, chats.deliverPending(sender));
            assertEquals(List.of("Question 2"), sender.texts());
            assertEquals(0, chats.deliverPending(sender));
            // Telegram hands over update 2 again after the restart: no new effect, nothing sent twice.
            assertEquals(Optional.empty(), chats.handle(7, 2, Language.EN, answer, sender));
            assertEquals(0, interview.calls());
            assertEquals(List.of("Question 2"), sender.texts());
        }
    }

    @Test
    void aSendThatFailedBeforeTheCrashGoesOutAfterTheRestartInOrder() {
        try (SqliteConversationStore store = open()) {
            ChatService chats = new ChatService(new FakeInterview(), store, clock);
            chats.handle(7, 1, Language.EN, new Event.Command(Event.Commands.START), new RecordingSender());
            chats.handle(7, 2, Language.EN, new Event.Text(FakeInterview.PARENT), new RecordingSender().failNext(1));
            chats.handle(8, 1, Language.EN, new Event.Command(Event.Commands.START), new RecordingSender().failNext(1));
        }
        RecordingSender sender = new RecordingSender();
        try (SqliteConversationStore store = open()) {
            new ChatService(new FakeInterview(), store, clock).deliverPending(sender);
        }
        assertEquals(List.of(new RecordingSender.Sent(7, new miicbot.engine.Reply.Say("Question 2")),
                new RecordingSender.Sent(8, new miicbot.engine.Reply.Say("Question 1"))), sender.sent());
    }

    @Test
    void aWholeInterviewLeavesNoPersonalDataInTheFilesOrTheLogs() throws Exception {
        List<String> log = new ArrayList<>();
        Handler capture = new Handler() {
            private final SimpleFormatter format = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                synchronized (log) {
                    log.add(format.format(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        List<byte[]> whileOpen = new ArrayList<>();
        try (SqliteConversationStore store = open()) {
            ChatService chats = new ChatService(new FakeInterview(), store, clock);
            List<Event> events = FakeInterview.wholeInterview();
            RecordingSender flaky = new RecordingSender().failNext(1);
            for (int i = 0; i < events.size(); i++) {
                chats.handle(7, i + 1, Language.EN, events.get(i), i == 3 ? flaky : new RecordingSender());
                chats.handle(7, i + 1, Language.EN, events.get(i), new RecordingSender()); // a repeat
            }
            // A second parent stops half-way: answers stay (sealed) in the file.
            for (int i = 0; i < 4; i++) {
                chats.handle(8, i + 1, Language.EN, events.get(i), new RecordingSender().failNext(9));
            }
            for (String suffix : List.of("", "-wal", "-shm")) {
                Path file = dir.resolve(SqliteConversationStore.FILE_NAME + suffix);
                if (Files.exists(file)) {
                    whileOpen.add(Files.readAllBytes(file));
                }
            }
            assertTrue(whileOpen.size() >= 2, "the database and its WAL are both looked at");
        } finally {
            root.removeHandler(capture);
            root.setLevel(rootLevel);
        }
        byte[] logBytes = String.join("", log).getBytes(StandardCharsets.UTF_8);
        assertFalse(log.isEmpty(), "the store logs its start");
        assertFalse(new String(logBytes, StandardCharsets.UTF_8).contains(env.get(DataKey.ENV)), "the key");

        List<byte[]> places = new ArrayList<>(whileOpen);
        places.add(Files.readAllBytes(dir.resolve(SqliteConversationStore.FILE_NAME)));
        places.add(logBytes);
        for (String secret : FakeInterview.SECRETS) {
            for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                    StandardCharsets.UTF_16BE)) {
                byte[] needle = secret.getBytes(charset);
                for (int p = 0; p < places.size(); p++) {
                    assertFalse(Bytes.contains(places.get(p), needle), secret + " in " + charset + " in place " + p);
                }
            }
        }
    }

    @Test
    void theLeakCheckFindsAnAnswerWhereOneIs() throws Exception {
        // Guards the test above: the same search does find plain text written to the same kind of file.
        try (SqliteConversationStore store = open()) {
            store.apply(7, 1, c -> new miicbot.engine.Outcome(Conversation.start(Language.EN), List.of(), false,
                    false));
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:"
                + dir.resolve(SqliteConversationStore.FILE_NAME));
             var s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = DELETE");
            s.execute("INSERT INTO counters VALUES ('" + FakeInterview.CHILD_FIRST + "', 'OPT_OUT', 'EN', 1)");
        }
        byte[] file = Files.readAllBytes(dir.resolve(SqliteConversationStore.FILE_NAME));
        assertTrue(Bytes.contains(file, FakeInterview.CHILD_FIRST.getBytes(StandardCharsets.UTF_8)));
    }
}
