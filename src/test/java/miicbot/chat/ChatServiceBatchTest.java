package miicbot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import miicbot.engine.Event;
import miicbot.engine.Outcome;
import miicbot.engine.Reply;
import miicbot.i18n.Language;
import miicbot.store.InMemoryConversationStore;
import org.junit.jupiter.api.Test;

/** {@link ChatService#applyAll} (a poll's updates at once), the backlog it leaves, and the delivered marks. */
class ChatServiceBatchTest {
    final TestClock clock = TestClock.minnesota();
    final ConversationStore store = new InMemoryConversationStore(clock);
    final FakeInterview interview = new FakeInterview();
    final RecordingSender sender = new RecordingSender();

    static final Event START = new Event.Command(Event.Commands.START);

    private static ChatService.Received update(long chatId, long updateId, Event event) {
        return new ChatService.Received(chatId, updateId, Language.EN, event);
    }

    @Test
    void aBatchIsAppliedInOrderAndARepeatInsideItIsSkipped() {
        ChatService chats = new ChatService(interview, store, clock);
        List<ChatService.Received> updates = List.of(update(7, 1, START), update(8, 1, START),
                update(7, 2, new Event.Text(FakeInterview.PARENT)), update(7, 2, new Event.Text("again")));

        List<ChatService.Applied> applied = chats.applyAll(updates);

        assertEquals(4, applied.size());
        for (int i = 0; i < 4; i++) {
            assertSame(updates.get(i), applied.get(i).received());
            assertFalse(applied.get(i).failed(), "update " + i);
        }
        assertTrue(applied.get(0).outcome().isPresent());
        assertTrue(applied.get(2).outcome().isPresent());
        assertEquals(Optional.empty(), applied.get(3).outcome(), "update id 2 of chat 7 is a repeat");
        assertEquals(3, interview.calls());
        assertEquals(List.of(new Reply.Say("Question 1"), new Reply.Say("Question 2")),
                store.pending(7).stream().map(ConversationStore.Pending::reply).toList());
        assertEquals(List.of(new Reply.Say("Question 1")),
                store.pending(8).stream().map(ConversationStore.Pending::reply).toList());
        assertEquals(List.of(), chats.applyAll(List.of()));
    }

    @Test
    void aNewChatInABatchStartsInItsHintedLanguage() {
        ChatService chats = new ChatService(interview, store, clock);
        chats.applyAll(List.of(new ChatService.Received(9, 1, Language.ES, START)));
        assertEquals(Language.ES, store.load(9).orElseThrow().language());
    }

    @Test
    void anEngineFailureIsReportedForItsUpdateOnlyAndChangesNothing() {
        ChatService.Step failsOnBoom = (conversation, event, today) -> {
            if (event.equals(new Event.Text("boom"))) {
                throw new IllegalStateException("engine bug");
            }
            return interview.next(conversation, event, today);
        };
        ChatService chats = new ChatService(failsOnBoom, store, clock);
        chats.applyAll(List.of(update(7, 1, START)));
        var before = store.load(7).orElseThrow();

        List<ChatService.Applied> applied = chats.applyAll(List.of(update(7, 2, new Event.Text("boom")),
                update(8, 1, START)));

        assertTrue(applied.get(0).failed());
        Outcome unchanged = applied.get(0).outcome().orElseThrow();
        assertEquals(before, unchanged.conversation());
        assertEquals(List.of(), unchanged.replies());
        assertFalse(unchanged.forget());
        assertFalse(applied.get(1).failed());
        assertEquals(List.of(new Reply.Say("Question 1")),
                store.pending(8).stream().map(ConversationStore.Pending::reply).toList());
        assertEquals(before, store.load(7).orElseThrow());
        assertEquals(Optional.empty(), chats.applyAll(List.of(update(7, 2, new Event.Text("boom")))).get(0).outcome(),
                "a failed update counts as applied");
    }

    @Test
    void aStoreFailureIsThrown() {
        ConversationStore broken = new ForwardingConversationStore(store) {
            @Override
            public List<Optional<Outcome>> applyAll(List<Change> changes) {
                throw new IllegalStateException("disk full");
            }
        };
        ChatService chats = new ChatService(interview, broken, clock);
        assertThrows(IllegalStateException.class, () -> chats.applyAll(List.of(update(7, 1, START))));
        assertEquals(Optional.empty(), store.load(7));
    }

    @Test
    void pendingToSendMarksThePointlessRepliesDeliveredAndReturnsTheRest() {
        // Each "x" is refused and the question asked again; "y" moves on to question 4.
        ChatService.Step asks = (conversation, event, today) -> new Outcome(conversation,
                event.equals(new Event.Text("y")) ? List.of(new Reply.Ask("Question 4", List.of(), 4))
                        : List.of(new Reply.Say("Not a date."), new Reply.Ask("Question 3", List.of(), 3)),
                false, false);
        ChatService chats = new ChatService(asks, store, clock);
        chats.apply(7, 1, Language.EN, new Event.Text("x"));
        chats.apply(7, 2, Language.EN, new Event.Text("x"));
        chats.apply(7, 3, Language.EN, new Event.Text("y"));
        assertEquals(5, store.pending(7).size());

        List<ConversationStore.Pending> toSend = chats.pendingToSend(7);

        assertEquals(List.of(new Reply.Ask("Question 4", List.of(), 4)),
                toSend.stream().map(ConversationStore.Pending::reply).toList());
        assertEquals(toSend, store.pending(7), "the pointless ones are marked delivered");
        chats.delivered(7, toSend.get(0).seq());
        assertEquals(List.of(), store.pending(7));
        assertEquals(List.of(), store.chatsWithPending());
    }

    @Test
    void pendingToSendWithoutABacklogMarksNothing() {
        List<List<Long>> marked = new ArrayList<>();
        ConversationStore recording = new ForwardingConversationStore(store) {
            @Override
            public void delivered(long chatId, List<Long> seqs) {
                marked.add(seqs);
                super.delivered(chatId, seqs);
            }
        };
        ChatService chats = new ChatService(interview, recording, clock);
        chats.apply(7, 1, Language.EN, START);
        chats.apply(7, 2, Language.EN, new Event.Text(FakeInterview.PARENT));

        assertEquals(2, chats.pendingToSend(7).size());
        assertEquals(List.of(), marked);
        assertEquals(2, store.pending(7).size());
    }
}
