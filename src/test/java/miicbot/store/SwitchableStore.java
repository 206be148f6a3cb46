package miicbot.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import miicbot.chat.ConversationStore;
import miicbot.chat.ForwardingConversationStore;
import miicbot.engine.Conversation;
import miicbot.engine.Outcome;

/**
 * A real store that a test can make fail, as a database that went away, a full disk or a lost volume would: while
 * {@link #failing} is set, apply, applyAll and load throw, and each failure is counted.
 */
public final class SwitchableStore extends ForwardingConversationStore {
    public final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicInteger failures = new AtomicInteger();

    public SwitchableStore(ConversationStore store) {
        super(store);
    }

    /** Waits (at most 20 s, else fails) until the bot has tried the failing store {@code count} times. */
    public void awaitFailures(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (failures.get() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the bot tried the store only " + failures.get() + " times");
            }
            Thread.sleep(10);
        }
    }

    private void check() {
        if (failing.get()) {
            failures.incrementAndGet();
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
