package miicbot.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import miicbot.chat.ConversationStore;
import miicbot.engine.Conversation;
import miicbot.engine.Outcome;
import miicbot.store.StoreException;

/** A real store that a test can make fail, as a database that went away would (apply and load throw). */
final class SwitchableStore implements ConversationStore {
    final AtomicBoolean failing = new AtomicBoolean();
    private final ConversationStore store;

    SwitchableStore(ConversationStore store) {
        this.store = store;
    }

    private void check() {
        if (failing.get()) {
            throw new StoreException(StoreException.Reason.IO, "database error (test: switched off)");
        }
    }

    @Override
    public Optional<Outcome> apply(long chatId, long updateId, Function<Optional<Conversation>, Outcome> engine) {
        check();
        return store.apply(chatId, updateId, engine);
    }

    @Override
    public Optional<Conversation> load(long chatId) {
        check();
        return store.load(chatId);
    }

    @Override
    public List<Pending> pending(long chatId) {
        return store.pending(chatId);
    }

    @Override
    public List<Long> chatsWithPending() {
        return store.chatsWithPending();
    }

    @Override
    public void delivered(long chatId, long seq) {
        store.delivered(chatId, seq);
    }

    @Override
    public void forget(long chatId) {
        store.forget(chatId);
    }

    @Override
    public int purgeIdleSince(Instant cutoff) {
        return store.purgeIdleSince(cutoff);
    }

    @Override
    public List<DailyCount> dailyCounts() {
        return store.dailyCounts();
    }

    @Override
    public void close() {
        store.close();
    }
}
