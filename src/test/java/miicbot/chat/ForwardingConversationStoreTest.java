package miicbot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import miicbot.engine.Conversation;
import miicbot.engine.Outcome;
import miicbot.engine.Reply;
import miicbot.i18n.Language;
import miicbot.store.InMemoryConversationStore;
import org.junit.jupiter.api.Test;

/** A forwarding store with nothing added keeps every promise of the store it wraps, batches and closing included. */
class ForwardingConversationStoreTest implements ConversationStoreContract {

    /** Adds nothing: what a metered or failing store is before its one override. */
    private static final class Plain extends ForwardingConversationStore {
        Plain(ConversationStore store) {
            super(store);
        }
    }

    /** Sees what reaches the wrapped store. */
    private static final class Recording extends ForwardingConversationStore {
        final List<List<Long>> batches = new ArrayList<>();
        int closes;

        Recording(ConversationStore store) {
            super(store);
        }

        @Override
        public void delivered(long chatId, List<Long> seqs) {
            batches.add(seqs);
            super.delivered(chatId, seqs);
        }

        @Override
        public void close() {
            closes++;
            super.close();
        }
    }

    @Override
    public ConversationStore newStore(TestClock clock) {
        return new Plain(new InMemoryConversationStore(clock));
    }

    @Test
    void aBatchOfDeliveredMarksAndTheCloseArePassedOnWhole() {
        Recording inner = new Recording(new InMemoryConversationStore(TestClock.minnesota()));
        ConversationStore store = new Plain(inner);
        store.apply(7, 1, stored -> new Outcome(Conversation.start(Language.EN),
                List.of(new Reply.Say("one"), new Reply.Say("two"), new Reply.Say("three")), false, false));
        List<Long> seqs = store.pending(7).stream().map(ConversationStore.Pending::seq).toList();

        store.delivered(7, seqs.subList(0, 2));

        assertEquals(List.of(seqs.subList(0, 2)), inner.batches);
        assertEquals(List.of(new Reply.Say("three")),
                store.pending(7).stream().map(ConversationStore.Pending::reply).toList());
        store.close();
        assertEquals(1, inner.closes);
    }
}
