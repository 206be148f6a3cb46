package miicbot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import miicbot.engine.Event;
import miicbot.engine.Reply;
import miicbot.engine.Stage;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.store.InMemoryConversationStore;
import org.junit.jupiter.api.Test;

class ChatServiceTest {
    final TestClock clock = TestClock.minnesota();
    final ConversationStore store = new InMemoryConversationStore(clock);
    final FakeInterview interview = new FakeInterview();
    final ChatService chats = new ChatService(interview, store, clock);
    final RecordingSender sender = new RecordingSender();

    static final Event START = new Event.Command(Event.Commands.START);

    private static Event text(String s) {
        return new Event.Text(s);
    }

    @Test
    void aNewChatStartsInTheHintedLanguageAndGetsItsReply() {
        Optional<?> outcome = chats.handle(7, 1, Language.ES, START, sender);

        assertTrue(outcome.isPresent());
        assertEquals(Language.ES, store.load(7).orElseThrow().language());
        assertEquals(List.of(new RecordingSender.Sent(7, new Reply.Say("Question 1"))), sender.sent());
        assertEquals(List.of(), store.pending(7));
    }

    @Test
    void aRepeatedUpdateSkipsTheEngineButStillDeliversWhatIsPending() {
        chats.handle(7, 1, Language.EN, START, sender.failNext(1));
        assertEquals(List.of(), sender.texts());

        Optional<?> again = chats.handle(7, 1, Language.EN, START, sender);

        assertEquals(Optional.empty(), again);
        assertEquals(1, interview.calls());
        assertEquals(List.of("Question 1"), sender.texts());
    }

    @Test
    void aFailedDeliveryHoldsBackTheRestOfTheChatInOrder() {
        List<Event> events = FakeInterview.wholeInterview();
        for (int i = 0; i < 5; i++) {
            chats.handle(7, i + 1, Language.EN, events.get(i), sender);
        }
        sender.failWhen(reply -> reply instanceof Reply.Ask);
        chats.handle(7, 6, Language.EN, events.get(5), sender);
        assertEquals(List.of("Question 1", "Question 2", "Question 3", "Question 4", "Question 5",
                "Check: " + String.join(" / ", FakeInterview.ANSWERS)), sender.texts());
        assertEquals(1, store.pending(7).size());

        sender.failWhen(reply -> false);
        chats.handle(7, 7, Language.EN, new Event.Tap(6, "send"), sender);

        assertEquals(List.of("Send it?", "form", "Done."), sender.texts().subList(6, 9));
        assertEquals(Stage.DONE, store.load(7).orElseThrow().stage());
        assertEquals(List.of(), store.pending(7));
    }

    @Test
    void oneChatsFailureDoesNotHoldBackAnother() {
        chats.handle(7, 1, Language.EN, START, sender.failWhen(reply -> true));
        chats.handle(8, 1, Language.EN, START, sender.failWhen(reply -> false));
        assertEquals(List.of(8L), sender.sent().stream().map(RecordingSender.Sent::chatId).toList());
        assertEquals(List.of(7L), store.chatsWithPending());
    }

    @Test
    void deliverPendingSendsEveryChatsLeftoversAndCountsTheStuck() {
        chats.handle(7, 1, Language.EN, START, sender.failNext(1));
        chats.handle(8, 1, Language.EN, START, sender.failNext(1));
        chats.handle(8, 2, Language.EN, text("A B"), sender.failNext(1));

        assertEquals(1, chats.deliverPending(sender.failWhen(reply -> reply.equals(new Reply.Say("Question 2")))));
        assertEquals(List.of(7L, 8L), sender.sent().stream().map(RecordingSender.Sent::chatId).toList());

        assertEquals(0, chats.deliverPending(sender.failWhen(reply -> false)));
        assertEquals(List.of("Question 1", "Question 1", "Question 2"), sender.texts());
        assertEquals(List.of(), store.chatsWithPending());
    }

    @Test
    void anInterruptedSenderLeavesTheReplyPendingAndTheFlagSet() {
        boolean done = chats.deliverPending(7, (chatId, reply) -> {
            throw new AssertionError("nothing is pending yet");
        });
        assertTrue(done);
        chats.handle(7, 1, Language.EN, START, (chatId, reply) -> {
            throw new InterruptedException();
        });
        assertTrue(Thread.interrupted(), "the interrupt is passed on");
        assertEquals(1, store.pending(7).size());
    }

    @Test
    void anInterruptedDeliveryReportsTheChatAsNotDone() {
        chats.handle(7, 1, Language.EN, START, sender.failNext(1));
        assertEquals(List.of(7L), chats.chatsWithPending());
        boolean done = chats.deliverPending(7, (chatId, reply) -> {
            throw new InterruptedException();
        });
        assertTrue(Thread.interrupted(), "the interrupt is passed on");
        assertFalse(done, "the reply is still pending");
        assertEquals(List.of(7L), chats.chatsWithPending());
        assertTrue(chats.deliverPending(7, sender));
        assertEquals(List.of(), chats.chatsWithPending());
    }

    @Test
    void forgetDeliversItsConfirmationAndLeavesOnlyTheCounters() {
        List<Event> events = FakeInterview.wholeInterview();
        for (int i = 0; i < events.size(); i++) {
            chats.handle(7, i + 1, Language.EN, events.get(i), sender);
        }
        chats.handle(7, 99, Language.EN, new Event.Command(Event.Commands.FORGET), sender);

        assertEquals("All erased.", sender.texts().get(sender.texts().size() - 1));
        assertEquals(Optional.empty(), store.load(7));
        assertEquals(List.of(), store.chatsWithPending());
        assertEquals(2, store.dailyCounts().size());
    }

    @Test
    void purgeIdleErasesConversationsOlderThanTheRetention() {
        chats.handle(7, 1, Language.EN, START, sender);
        clock.advance(Duration.ofDays(29));
        chats.handle(8, 1, Language.EN, START, sender);
        clock.advance(Duration.ofDays(2));

        assertEquals(1, chats.purgeIdle(Duration.ofDays(30)));
        assertEquals(Optional.empty(), store.load(7));
        assertTrue(store.load(8).isPresent());
        assertThrows(IllegalArgumentException.class, () -> chats.purgeIdle(Duration.ZERO));
    }

    @Test
    void theTodayPassedToTheEngineComesFromTheClock() {
        List<Event> events = FakeInterview.wholeInterview();
        for (int i = 0; i < events.size(); i++) {
            chats.handle(7, i + 1, Language.EN, events.get(i), sender);
        }
        Reply.SendForm form = (Reply.SendForm) sender.sent().stream().map(RecordingSender.Sent::reply)
                .filter(r -> r instanceof Reply.SendForm).findFirst().orElseThrow();
        assertEquals(java.time.LocalDate.of(2026, 12, 1), ChildRequest.of(form.request()).prepared());
    }
    @Test
    void onlyARepeatedUpdateIsLoggedAsIgnored() {
        Logger log = Logger.getLogger(ChatService.class.getName());
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = log.getLevel();
        log.setLevel(Level.FINE);
        log.addHandler(handler);
        try {
            chats.apply(7, 1, Language.EN, START);
            assertEquals(List.of(), lines);
            chats.apply(7, 1, Language.EN, START);
            assertEquals(List.of("chat " + ChatTag.of(7) + ": repeated update ignored"), lines);
        } finally {
            log.removeHandler(handler);
            log.setLevel(level);
        }
    }
}
