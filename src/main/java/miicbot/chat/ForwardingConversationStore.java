package miicbot.chat;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import miicbot.engine.Conversation;
import miicbot.engine.Outcome;

/**
 * A store that passes every call to another one; a subclass overrides only what it adds (timing, counting, a test's
 * failures). Every method is passed on, the batch ones included, so wrapping a store never loses its group commit.
 */
public abstract class ForwardingConversationStore implements ConversationStore {
    private final ConversationStore store;

    protected ForwardingConversationStore(ConversationStore store) {
        this.store = Objects.requireNonNull(store);
    }

    @Override
    public Optional<Outcome> apply(long chatId, long updateId, Function<Optional<Conversation>, Outcome> engine) {
        return store.apply(chatId, updateId, engine);
    }

    @Override
    public List<Optional<Outcome>> applyAll(List<Change> changes) {
        return store.applyAll(changes);
    }

    @Override
    public Optional<Conversation> load(long chatId) {
        return store.load(chatId);
    }

    @Override
    public List<Pending> pending(long chatId) {
        return store.pending(chatId);
    }

    @Override
    public long quarantinedReplies() {
        return store.quarantinedReplies();
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
    public void delivered(long chatId, List<Long> seqs) {
        store.delivered(chatId, seqs);
    }

    @Override
    public void forget(long chatId) {
        store.forget(chatId);
    }

    @Override
    public void remember(long chatId, List<ChatMessage> messages) {
        store.remember(chatId, messages);
    }

    @Override
    public List<ChatMessage> remembered(long chatId) {
        return store.remembered(chatId);
    }

    @Override
    public void forgetMessages(long chatId, List<Long> messageIds) {
        store.forgetMessages(chatId, messageIds);
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
