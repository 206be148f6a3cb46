package miicbot.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import miicbot.chat.ConversationStore;
import miicbot.engine.Conversation;
import miicbot.engine.Outcome;
import miicbot.engine.Reply;
import miicbot.interview.RequestOption;

/**
 * A {@link ConversationStore} that times each apply and counts the forms it queues, then passes every call to the
 * real store. Forms are counted after the commit, so a rolled-back update counts nothing.
 */
public final class MeteredConversationStore implements ConversationStore {
    private final ConversationStore store;
    private final Metrics metrics;

    /** Also reports the store's size on disk, read at each scrape, as {@code miicbot_store_size_bytes}. */
    public MeteredConversationStore(ConversationStore store, Metrics metrics, DoubleSupplier sizeBytes) {
        this.store = Objects.requireNonNull(store);
        this.metrics = Objects.requireNonNull(metrics);
        metrics.gauge("miicbot.store.size", "The database's size on disk", "bytes", sizeBytes);
    }

    @Override
    public Optional<Outcome> apply(long chatId, long updateId, Function<Optional<Conversation>, Outcome> engine) {
        long start = System.nanoTime();
        Optional<Outcome> outcome = store.apply(chatId, updateId, engine);
        metrics.applied(Duration.ofNanos(System.nanoTime() - start), outcome.isEmpty());
        outcome.ifPresent(o -> {
            for (Reply reply : o.replies()) {
                if (reply instanceof Reply.SendForm form) {
                    for (RequestOption option : form.request().options()) {
                        metrics.form(option, form.request().language());
                    }
                }
            }
        });
        return outcome;
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
