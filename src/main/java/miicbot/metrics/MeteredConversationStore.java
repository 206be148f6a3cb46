package miicbot.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import miicbot.chat.ConversationStore;
import miicbot.chat.ForwardingConversationStore;
import miicbot.chat.UnreadableConversation;
import miicbot.engine.Conversation;
import miicbot.engine.Outcome;
import miicbot.engine.Reply;
import miicbot.interview.ChildRequest;
import miicbot.interview.RequestOption;

/**
 * A {@link ConversationStore} that times each apply and counts the forms it queues, then passes every call to the
 * real store. Forms are counted after the commit, so a rolled-back update counts nothing.
 */
public final class MeteredConversationStore extends ForwardingConversationStore {
    private final Metrics metrics;

    /** Also reports the store's size on disk, read at each scrape, as {@code miicbot_store_size_bytes}. */
    public MeteredConversationStore(ConversationStore store, Metrics metrics, DoubleSupplier sizeBytes) {
        super(store);
        this.metrics = Objects.requireNonNull(metrics);
        metrics.gauge("miicbot.store.size", "The database's size on disk", "bytes", sizeBytes);
        metrics.gauge("miicbot.store.quarantined", "Queued replies that could not be opened and were taken out of"
                + " the outbox, since start", "replies", this::quarantinedReplies);
    }

    @Override
    public Optional<Outcome> apply(long chatId, long updateId, Function<Optional<Conversation>, Outcome> engine) {
        long start = System.nanoTime();
        Optional<Outcome> outcome;
        try {
            outcome = super.apply(chatId, updateId, engine);
        } catch (UnreadableConversation e) {
            metrics.failure(Metrics.Failure.CONVERSATION_RESET);
            throw e;
        }
        counted(outcome, Duration.ofNanos(System.nanoTime() - start));
        return outcome;
    }

    /** A poll in one transaction: each update is timed as its share of the batch. */
    @Override
    public List<Optional<Outcome>> applyAll(List<Change> changes) {
        long start = System.nanoTime();
        List<Optional<Outcome>> outcomes;
        try {
            outcomes = super.applyAll(changes);
        } catch (UnreadableConversation e) {
            metrics.failure(Metrics.Failure.CONVERSATION_RESET); // the caller erases that chat and tries again
            throw e;
        }
        Duration each = Duration.ofNanos((System.nanoTime() - start) / Math.max(1, outcomes.size()));
        outcomes.forEach(outcome -> counted(outcome, each));
        return outcomes;
    }

    private void counted(Optional<Outcome> outcome, Duration took) {
        metrics.applied(took, outcome.isEmpty());
        outcome.ifPresent(o -> {
            for (Reply reply : o.replies()) {
                if (reply instanceof Reply.SendForm form) {
                    ChildRequest request = ChildRequest.of(form.request());
                    for (RequestOption option : request.options()) {
                        metrics.form(option, request.language());
                    }
                }
            }
        });
    }
}
