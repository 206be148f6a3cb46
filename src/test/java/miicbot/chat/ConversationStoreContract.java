package miicbot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import miicbot.chat.ConversationStore.DailyCount;
import miicbot.chat.ConversationStore.Pending;
import miicbot.engine.Conversation;
import miicbot.engine.Outcome;
import miicbot.engine.Place;
import miicbot.engine.Reply;
import miicbot.engine.StepId;
import miicbot.i18n.Language;
import miicbot.interview.MiicInterview;
import miicbot.interview.RequestOption;
import org.junit.jupiter.api.Test;

/** What every {@link ConversationStore} must do; each store's test implements this interface. */
public interface ConversationStoreContract {

    /** A new, empty store using {@code clock}. */
    ConversationStore newStore(TestClock clock);

    private static Outcome saying(Conversation c, String... texts) {
        return new Outcome(c, List.of(texts).stream().<Reply>map(Reply.Say::new).toList(), false, false);
    }

    private static Conversation asking(StepId step) {
        return Conversation.start(Language.EN).at(Place.question(step), false, null);
    }

    private static List<String> pendingTexts(ConversationStore store, long chatId) {
        return store.pending(chatId).stream().map(p -> RecordingSender.text(p.reply())).toList();
    }

    @Test
    default void chatMessagesAreRememberedOnceKeptAcrossForgetAndDroppedWhenAsked() {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            java.time.Instant t = java.time.Instant.parse("2026-12-01T12:00:00Z");
            store.remember(7, List.of(new ConversationStore.ChatMessage(3, t.plusSeconds(1)),
                    new ConversationStore.ChatMessage(2, t)));
            store.remember(7, List.of(new ConversationStore.ChatMessage(3, t.plusSeconds(9)))); // known: kept as was
            store.remember(8, List.of(new ConversationStore.ChatMessage(3, t)));
            assertEquals(List.of(new ConversationStore.ChatMessage(2, t),
                    new ConversationStore.ChatMessage(3, t.plusSeconds(1))), store.remembered(7));
            store.apply(7, 1, stored -> saying(Conversation.start(Language.EN), "hi"));
            store.forget(7);
            assertEquals(2, store.remembered(7).size(), "a chat can be cleared after /forget");
            store.forgetMessages(7, List.of(2L, 3L));
            assertEquals(List.of(), store.remembered(7));
            assertEquals(1, store.remembered(8).size(), "another chat's are its own");
        }
    }

    @Test
    default void newChatIsEmptyAndApplySavesTheConversation() {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            assertEquals(Optional.empty(), store.load(7));
            List<Optional<Conversation>> seen = new ArrayList<>();
            Conversation next = asking(MiicInterview.PARENT_NAME).withAnswer(MiicInterview.PARENT_NAME, "A B");
            store.apply(7, 1, stored -> {
                seen.add(stored);
                return saying(next, "hello");
            });
            assertEquals(List.of(Optional.empty()), seen);
            assertEquals(Optional.of(next), store.load(7));
        }
    }

    @Test
    default void sameUpdateTwiceHasOneEffectAndOneSetOfReplies() {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            AtomicInteger calls = new AtomicInteger();
            Optional<Outcome> first = store.apply(7, 100, c -> {
                calls.incrementAndGet();
                return saying(asking(MiicInterview.STREET), "one", "two");
            });
            Optional<Outcome> again = store.apply(7, 100, c -> {
                calls.incrementAndGet();
                return saying(asking(MiicInterview.CITY), "three");
            });
            assertTrue(first.isPresent());
            assertEquals(Optional.empty(), again);
            assertEquals(1, calls.get());
            assertEquals(List.of("one", "two"), pendingTexts(store, 7));
            assertEquals(MiicInterview.STREET, store.load(7).orElseThrow().step());
        }
    }

    @Test
    default void anUpdateIdCountsPerChat() {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            store.apply(7, 100, c -> saying(asking(MiicInterview.STREET), "seven"));
            assertTrue(store.apply(8, 100, c -> saying(asking(MiicInterview.STREET), "eight")).isPresent());
        }
    }

    @Test
    default void negativeUpdateIdsAreNeverTakenAsRepeats() {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            store.apply(7, -1, c -> saying(asking(MiicInterview.STREET), "a"));
            assertTrue(store.apply(7, -1, c -> saying(asking(MiicInterview.CITY), "b")).isPresent());
            assertEquals(MiicInterview.CITY, store.load(7).orElseThrow().step());
        }
    }

    @Test
    default void recentUpdateIdsAreStillRecognisedAfterManyOthers() {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            for (long id = 1; id <= 200; id++) {
                store.apply(7, id, c -> saying(asking(MiicInterview.STREET)));
            }
            for (long id = 200; id > 200 - 50; id--) {
                assertEquals(Optional.empty(), store.apply(7, id, c -> saying(asking(MiicInterview.CITY))), "id " + id);
            }
        }
    }

    @Test
    default void repliesArePendingInOrderUntilDelivered() {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            store.apply(7, 1, c -> saying(asking(MiicInterview.STREET), "a", "b"));
            store.apply(9, 1, c -> saying(asking(MiicInterview.STREET), "other chat"));
            store.apply(7, 2, c -> saying(asking(MiicInterview.CITY), "c"));
            assertEquals(List.of("a", "b", "c"), pendingTexts(store, 7));
            assertEquals(List.of(7L, 9L), store.chatsWithPending());

            Pending first = store.pending(7).get(0);
            store.delivered(7, first.seq());
            assertEquals(List.of("b", "c"), pendingTexts(store, 7));
            store.pending(7).forEach(p -> store.delivered(7, p.seq()));
            assertEquals(List.of(9L), store.chatsWithPending());
        }
    }

    @Test
    default void deliveredIgnoresAnotherChatsSeq() {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            store.apply(7, 1, c -> saying(asking(MiicInterview.STREET), "a"));
            store.delivered(8, store.pending(7).get(0).seq());
            assertEquals(List.of("a"), pendingTexts(store, 7));
        }
    }

    @Test
    default void aFailingEngineChangesNothing() {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            store.apply(7, 1, c -> saying(asking(MiicInterview.STREET), "a"));
            assertThrows(IllegalStateException.class, () -> store.apply(7, 2, c -> {
                throw new IllegalStateException("engine bug");
            }));
            assertEquals(MiicInterview.STREET, store.load(7).orElseThrow().step());
            assertEquals(List.of("a"), pendingTexts(store, 7));
            // The failed update was not recorded: when it comes again it is applied.
            assertTrue(store.apply(7, 2, c -> saying(asking(MiicInterview.CITY))).isPresent());
        }
    }

    @Test
    default void forgetOutcomeErasesTheChatAndQueuesOnlyItsOwnReply() {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            store.apply(7, 1, c -> saying(asking(MiicInterview.STREET), "old reply"));
            store.apply(8, 1, c -> saying(asking(MiicInterview.STREET), "other"));
            store.apply(7, 2, c -> new Outcome(Conversation.start(Language.EN),
                    List.of(new Reply.Say("All erased.")), true, false));
            assertEquals(Optional.empty(), store.load(7));
            assertEquals(List.of("All erased."), pendingTexts(store, 7));
            assertEquals(List.of("other"), pendingTexts(store, 8));
            // Nothing remembers update 1 either: the chat is new to the store.
            assertTrue(store.apply(7, 1, c -> saying(asking(MiicInterview.STREET))).isPresent());
        }
    }

    @Test
    default void forgetErasesConversationRepliesAndUpdateIds() {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            store.apply(7, 1, c -> saying(asking(MiicInterview.STREET), "a"));
            store.apply(8, 1, c -> saying(asking(MiicInterview.STREET), "b"));
            store.forget(7);
            assertEquals(Optional.empty(), store.load(7));
            assertEquals(List.of(), store.pending(7));
            assertEquals(List.of(8L), store.chatsWithPending());
            assertTrue(store.apply(7, 1, c -> saying(asking(MiicInterview.STREET))).isPresent());
        }
    }

    @Test
    default void purgeErasesOnlyChatsIdleSinceBeforeTheCutoff() {
        TestClock clock = TestClock.minnesota();
        try (ConversationStore store = newStore(clock)) {
            store.apply(7, 1, c -> saying(asking(MiicInterview.STREET), "idle"));
            store.apply(9, 1, c -> new Outcome(Conversation.start(Language.EN), List.of(new Reply.Say("bye")),
                    true, false));
            clock.advance(Duration.ofDays(20));
            store.apply(8, 1, c -> saying(asking(MiicInterview.STREET), "recent"));
            clock.advance(Duration.ofDays(15));

            assertEquals(2, store.purgeIdleSince(clock.instant().minus(Duration.ofDays(30))));
            assertEquals(Optional.empty(), store.load(7));
            assertEquals(List.of(), store.pending(7));
            assertEquals(List.of(), store.pending(9));
            assertEquals(MiicInterview.STREET, store.load(8).orElseThrow().step());
            assertEquals(List.of(8L), store.chatsWithPending());
        }
    }

    @Test
    default void sentFormsAreCountedByDayOptionAndLanguageOnly() {
        TestClock clock = TestClock.minnesota();
        FakeInterview interview = new FakeInterview();
        try (ConversationStore store = newStore(clock)) {
            for (long chatId : new long[] {7, 8}) {
                long update = 1;
                Conversation c = Conversation.start(Language.ES);
                for (var event : FakeInterview.wholeInterview()) {
                    store.apply(chatId, update++, stored -> interview.next(stored.orElse(c), event,
                            LocalDate.now(clock)));
                }
                store.forget(chatId);
            }
            LocalDate day = LocalDate.of(2026, 12, 1);
            assertEquals(List.of(new DailyCount(day, RequestOption.DECLINE_REMINDERS, Language.ES, 2),
                    new DailyCount(day, RequestOption.OPT_OUT, Language.ES, 2)), store.dailyCounts());
        }
    }

    @Test
    default void differentChatsCanBeAppliedConcurrently() throws Exception {
        try (ConversationStore store = newStore(TestClock.minnesota())) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (long chat = 1; chat <= 8; chat++) {
                    long chatId = chat;
                    work.add(pool.submit(() -> {
                        for (long update = 1; update <= 50; update++) {
                            String text = chatId + ":" + update;
                            store.apply(chatId, update, c -> saying(asking(MiicInterview.STREET), text));
                        }
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            for (long chatId = 1; chatId <= 8; chatId++) {
                List<String> expected = new ArrayList<>();
                for (long update = 1; update <= 50; update++) {
                    expected.add(chatId + ":" + update);
                }
                assertEquals(expected, pendingTexts(store, chatId));
            }
        }
    }
}
