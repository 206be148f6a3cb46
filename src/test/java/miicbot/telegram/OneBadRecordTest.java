package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import miicbot.chat.ChatService;
import miicbot.engine.Dialog;
import miicbot.engine.Event;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.store.SqliteConversationStore;
import miicbot.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One damaged or unreadable record, or one bug, concerns one parent only: the real bot, store and client against
 * the fake Bot API, the SQLite file changed from outside while the bot runs and while it is stopped.
 */
@Timeout(120)
class OneBadRecordTest {
    private static final Catalogue EN = Catalogue.load(Language.EN, null);
    private static final Catalogue ES = Catalogue.load(Language.ES, null);
    private static final String NAME = "Maria Garcia Lopez";
    /** How long another chat may wait for its next question (the must-show bound). */
    private static final Duration OTHERS_WITHIN = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @Test
    void aConversationChangedOnDiskStartsThatChatOverAndNoOtherChatWaits() throws Exception {
        try (BotHarness h = new BotHarness(dir)) {
            for (long chat = 1; chat <= 3; chat++) {
                h.type(chat, "hi").tap(chat, "parent");
            }
            String firstQuestion = h.lastText(1);
            StoredRows.damageConversation(dir, 2);
            answerAtOnceAndCheckOthers(h, 2, List.of(1L, 3L));
            String told = h.transcript(2);
            int notice = told.lastIndexOf(EN.text(ChatService.STARTED_OVER));
            assertTrue(notice > 0 && told.indexOf("Hello!", notice) > notice, "the damaged chat is told, then"
                    + " welcomed again: " + told);
            h.tap(2, "parent"); // the chat goes on from the start
            assertEquals(firstQuestion, h.lastText(2), "asked the first question again");
            h.assertNoViolations();
        }
        // Stopped, damaged, started again: the same. Update ids go on from where the first fake left them.
        StoredRows.damageConversation(dir, 3);
        try (BotHarness h = new BotHarness(dir, new FakeBotApi(10_000))) {
            answerAtOnceAndCheckOthers(h, 3, List.of(1L));
            assertEquals(EN.text(ChatService.STARTED_OVER), h.api.messages(3).get(0).text());
            assertFalse(h.transcript(1).contains(EN.text(ChatService.STARTED_OVER)), h.transcript(1));
            h.assertNoViolations();
        }
    }

    @Test
    void aConversationOfAnOlderShapeStartsOverInTheParentsLanguage() throws Exception {
        try (BotHarness h = new BotHarness(dir)) {
            h.type(1, "hi").tap(1, "parent");
            h.type(2, "hola", "es");
            // Sealed with the right key, so it passes the integrity check, but no Language is called "XX" (any more).
            StoredRows.putConversation(dir, 2, "{\"language\":\"XX\",\"ask\":3}");
            int before = h.api.messages(2).size();
            h.type(2, "hola", "es");
            assertEquals(ES.text(ChatService.STARTED_OVER), h.api.messages(2).get(before).text());
            h.type(1, NAME);
            assertFalse(h.transcript(1).contains(EN.text(ChatService.STARTED_OVER)));
            h.assertNoViolations();
        }
    }

    @Test
    void aDamagedQueuedReplyIsQuarantinedAndTheRestDelivered() throws Exception {
        Clock clock = Clock.systemUTC();
        int queued1;
        int queued2;
        // Replies queued while the bot was down (applied, not yet delivered), as a crash leaves them.
        try (SqliteConversationStore store = SqliteConversationStore.open(dir, Map.of("BOT_DATA_KEY", StoredRows.KEY),
                clock)) {
            ChatService chats = new ChatService(Dialog.newEngine(), store, clock);
            chats.apply(1, 900_001, Language.EN, new Event.Text("hi"));
            chats.apply(1, 900_002, Language.EN, new Event.Command(Event.Commands.HELP));
            chats.apply(2, 900_003, Language.EN, new Event.Text("hi"));
            queued1 = store.pending(1).size();
            queued2 = store.pending(2).size();
        }
        assertTrue(queued1 >= 2, "chat 1 has replies behind the one damaged");
        StoredRows.damageFirstReply(dir, 1);
        StoredRows.queueReply(dir, 2, "{\"type\":\"note\",\"text\":\"a kind of reply this version does not know\"}");
        try (BotHarness h = new BotHarness(dir)) {
            long deadline = System.currentTimeMillis() + 20_000;
            while (h.api.messages(1).size() < queued1 - 1 || h.api.messages(2).size() < queued2) {
                assertTrue(System.currentTimeMillis() < deadline, "the rest was delivered: " + h.api.messages(1)
                        + " " + h.api.messages(2));
                Thread.sleep(10);
            }
            h.api.awaitQuiet(Duration.ofMillis(200), Duration.ofSeconds(10));
            assertEquals(queued1 - 1, h.api.messages(1).size(), "all but the damaged reply");
            assertEquals(queued2, h.api.messages(2).size());
            assertEquals(2, h.store.quarantinedReplies());
            assertEquals(0, StoredRows.queued(dir, 1), "taken out of the outbox, so it cannot block the chat");
            assertEquals(0, StoredRows.queued(dir, 2));
            h.type(1, "hi"); // the chat goes on
            h.assertNoViolations();
        }
    }

    @Test
    void anErrorInTheEngineForOneUpdateGetsThatParentASorryAndNothingElseChanges() throws Exception {
        try (BotHarness h = new BotHarness(dir, new FakeBotApi(), 1000, step -> (c, event, today) -> {
            if (event instanceof Event.Text text && text.text().equals("boom")) {
                throw new AssertionError("an impossible branch"); // an Error, not an exception
            }
            return step.next(c, event, today);
        })) {
            for (long chat = 1; chat <= 3; chat++) {
                h.type(chat, "hi").tap(chat, "parent");
            }
            String question = h.lastText(1);
            int before = h.api.messages(1).size();
            long start = System.currentTimeMillis();
            h.api.pushText(1, 1, "boom", "en");
            h.api.pushText(2, 2, NAME, "en");
            h.api.pushText(3, 3, NAME, "en");
            awaitAnswers(h, List.of(1L, 2L, 3L), start);
            h.settle(0);
            assertEquals(EN.text("error.try_again"), h.api.messages(1).get(before).text());
            assertTrue(StoredRows.writable(dir), "the SQLite connection is not left inside a transaction");
            h.type(1, NAME); // still polling, and the conversation is as it was before "boom"
            assertEquals(h.lastText(2), h.lastText(1));
            assertTrue(!question.equals(h.lastText(1)), "moved on to the next question");
            h.assertNoViolations();
        }
    }

    /**
     * A failure that retrying the poll would only repeat (here: the store refuses anything for chat 2, as for a
     * record it cannot write) is not retried forever: the poll is applied update by update, chat 2's parent is
     * asked to send the answer again, and the others go on.
     */
    @Test
    void aPermanentStoreFailureForOneChatIsNotRetriedForeverAndTheOthersGoOn() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();
        try (BotHarness h = new BotHarness(dir, new FakeBotApi(), 1000, step -> step,
                store -> new miicbot.chat.ForwardingConversationStore(store) {
                    @Override
                    public List<java.util.Optional<miicbot.engine.Outcome>> applyAll(List<Change> changes) {
                        if (broken.get() && changes.stream().anyMatch(c -> c.chatId() == 2)) {
                            throw new IllegalStateException("cannot serialise Conversation");
                        }
                        return super.applyAll(changes);
                    }
                })) {
            for (long chat = 1; chat <= 3; chat++) {
                h.type(chat, "hi").tap(chat, "parent");
            }
            broken.set(true);
            int before = h.api.messages(2).size();
            answerAtOnceAndCheckOthers(h, 2, List.of(1L, 3L));
            assertEquals(EN.text("error.try_again"), h.api.messages(2).get(before).text());
            broken.set(false);
            h.type(2, NAME); // the update was given up, not lost in a loop: the parent sends it again
            assertEquals(h.lastText(1), h.lastText(2));
            h.assertNoViolations();
        }
    }

    /**
     * Sends the bad chat and the others an answer at once; every other chat gets its next question within
     * {@link #OTHERS_WITHIN}, and the bad chat gets two messages (the notice and the welcome).
     */
    private static void answerAtOnceAndCheckOthers(BotHarness h, long bad, List<Long> others) throws Exception {
        long start = System.currentTimeMillis();
        h.api.pushText(bad, bad, NAME, "en");
        for (long chat : others) {
            h.api.pushText(chat, chat, NAME, "en");
        }
        awaitAnswers(h, others, start);
        h.settle(0);
    }

    private static void awaitAnswers(BotHarness h, List<Long> chats, long start) throws InterruptedException {
        for (long chat : chats) {
            FakeBotApi.Call call = h.api.awaitCall(c -> c.method().equals("sendmessage") && c.chatId() == chat
                    && c.atMillis() >= start, Duration.ofSeconds(10));
            long waited = call.atMillis() - start;
            System.out.println("chat " + chat + " answered after " + waited + " ms");
            assertTrue(waited <= OTHERS_WITHIN.toMillis(), "chat " + chat + " waited " + waited + " ms");
        }
    }
}
