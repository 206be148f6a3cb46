package miicbot.web;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import miicbot.chat.ConversationStore;
import miicbot.chat.ForwardingConversationStore;
import miicbot.engine.Conversation;
import miicbot.engine.Outcome;
import miicbot.store.StoreException;

/** A real store that a test can make fail, as a database that went away would (apply and load throw). */
final class SwitchableStore extends ForwardingConversationStore {
    final AtomicBoolean failing = new AtomicBoolean();

    SwitchableStore(ConversationStore store) {
        super(store);
    }

    private void check() {
        if (failing.get()) {
            throw new StoreException(StoreException.Reason.IO, "database error (test: switched off)");
        }
    }

    @Override
    public Optional<Outcome> apply(long chatId, long updateId, Function<Optional<Conversation>, Outcome> engine) {
        check();
        return super.apply(chatId, updateId, engine);
    }

    @Override
    public List<Optional<Outcome>> applyAll(List<Change> changes) {
        check();
        return super.applyAll(changes);
    }

    @Override
    public Optional<Conversation> load(long chatId) {
        check();
        return super.load(chatId);
    }
}
