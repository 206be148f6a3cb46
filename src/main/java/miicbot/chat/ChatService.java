package miicbot.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import miicbot.engine.Conversation;
import miicbot.engine.Engine;
import miicbot.engine.Event;
import miicbot.engine.Outcome;
import miicbot.engine.Reply;
import miicbot.i18n.Language;

/**
 * Runs each parent's event through the engine exactly once and delivers the chat's stored replies in order.
 *
 * <p>How: {@link ConversationStore#apply} changes the conversation and queues the replies in one transaction, and
 * drops an update id it has seen. Only then are the queued replies sent, oldest first, each removed once the
 * {@link Sender} returns. A crash or a failed send leaves the rest queued, to go out on the chat's next update or
 * at {@link #deliverPending(Sender)} after a restart. A reply whose send succeeded just before a crash, before it
 * was marked, goes out twice; nothing is ever lost or reordered.
 *
 * <p>Thread-safe for different chats at once; the caller hands one chat's updates over in order, one at a time.
 */
public final class ChatService {
    private static final Logger LOG = Logger.getLogger(ChatService.class.getName());
    /** The catalogue key of the notice a chat gets when it had to start over. */
    public static final String STARTED_OVER = "error.started_over";

    /** The engine's one step, {@link Engine#next}; tests pass a small fake. */
    @FunctionalInterface
    public interface Step {
        Outcome next(Conversation conversation, Event event, LocalDate today);
    }

    private final Step step;
    private final Function<Language, List<Reply>> startedOver;
    private final ConversationStore store;
    private final Clock clock;

    /** A chat whose stored conversation cannot be opened is told, in its language, that it starts over. */
    public ChatService(Engine engine, ConversationStore store, Clock clock) {
        this(engine::next, language -> List.of(new Reply.Say(engine.catalogue(language).text(STARTED_OVER))), store,
                clock);
    }

    /** With a step that has no catalogue (tests): a chat that starts over is not told so. */
    public ChatService(Step step, ConversationStore store, Clock clock) {
        this(step, language -> List.of(), store, clock);
    }

    /** {@code startedOver}: what a chat hears before its first reply when its stored conversation was unreadable. */
    public ChatService(Step step, Function<Language, List<Reply>> startedOver, ConversationStore store, Clock clock) {
        this.step = Objects.requireNonNull(step);
        this.startedOver = Objects.requireNonNull(startedOver);
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Applies {@code event} to the chat unless {@code updateId} was applied before (ids below 0, e.g. from the
     * console, are never taken as repeats), then delivers every reply pending for the chat. A new chat starts in
     * {@code languageHint}. Returns the outcome, or empty for a repeat; a store failure is thrown and nothing is
     * sent.
     */
    public Optional<Outcome> handle(long chatId, long updateId, Language languageHint, Event event, Sender sender) {
        Optional<Outcome> outcome = apply(chatId, updateId, languageHint, event);
        deliverPending(chatId, sender);
        return outcome;
    }

    /**
     * Applies {@code event} and queues its replies, without delivering them: the Telegram adapter applies each
     * update before it lets the poller confirm it to Telegram, and delivers on the chat's own queue.
     */
    public Optional<Outcome> apply(long chatId, long updateId, Language languageHint, Event event) {
        Received received = new Received(chatId, updateId, languageHint, event);
        Applied applied = applyAll(List.of(received)).get(0);
        if (applied.failed()) {
            throw new IllegalStateException("chat " + ChatTag.of(chatId) + ": the engine failed on an update");
        }
        if (applied.outcome().isEmpty()) {
            LOG.fine(() -> "chat " + ChatTag.of(chatId) + ": repeated update ignored");
        }
        return applied.outcome();
    }

    /**
     * One parent's event as received for a chat, with the update id that makes applying it idempotent.
     * {@code message} is the adapter's number for the parent's message, kept when the event is a typed personal
     * answer so the adapter can delete it later (see {@link TypedAnswers}); 0 when there is none or the adapter does
     * not delete.
     */
    public record Received(long chatId, long updateId, Language languageHint, Event event, long message) {
        public Received(long chatId, long updateId, Language languageHint, Event event) {
            this(chatId, updateId, languageHint, event, 0);
        }
    }

    /**
     * What became of one update of {@link #applyAll}: its outcome (empty for a repeat), or {@code failed} when the
     * engine threw on it (it counts as applied, with nothing changed, so it cannot fail the batch again).
     */
    public record Applied(Received received, Optional<Outcome> outcome, boolean failed) { }

    /**
     * Applies a poll's updates in order, in one store transaction where the store can (group commit). A store
     * failure is thrown and nothing is applied; an engine failure on one update is reported in its result only.
     */
    public List<Applied> applyAll(List<Received> updates) {
        LocalDate today = LocalDate.now(clock);
        boolean[] failed = new boolean[updates.size()];
        Set<Long> startingOver = new HashSet<>();
        Map<Long, Integer> firstOfChat = new HashMap<>();
        List<ConversationStore.Change> changes = new ArrayList<>(updates.size());
        for (int i = 0; i < updates.size(); i++) {
            Received u = Objects.requireNonNull(updates.get(i));
            Objects.requireNonNull(u.event());
            int index = i;
            firstOfChat.putIfAbsent(u.chatId(), i);
            changes.add(new ConversationStore.Change(u.chatId(), u.updateId(), stored -> {
                Conversation before = stored.orElseGet(() -> Conversation.start(u.languageHint()));
                failed[index] = false; // a retried transaction runs this again
                Outcome outcome;
                try {
                    outcome = TypedAnswers.keep(before, u.event(), u.message(), step.next(before, u.event(), today));
                } catch (OutOfMemoryError e) {
                    throw e; // the process is in trouble, not this update: roll back and let the caller retry
                } catch (Throwable e) {
                    // An Error too (an assertion, a stack overflow): it concerns this one update, which keeps the
                    // conversation as it was; the other updates of the batch go on.
                    failed[index] = true;
                    LOG.log(Level.SEVERE, "chat " + ChatTag.of(u.chatId()) + ": the engine failed on an update: "
                            + e.getClass().getName());
                    outcome = new Outcome(before, List.of(), false, false);
                }
                if (startingOver.contains(u.chatId()) && firstOfChat.get(u.chatId()) == index) {
                    List<Reply> replies = new ArrayList<>(startedOver.apply(u.languageHint()));
                    replies.addAll(outcome.replies());
                    outcome = new Outcome(outcome.conversation(), replies, outcome.forget(), outcome.personalAnswer());
                }
                return outcome;
            }));
        }
        List<Optional<Outcome>> outcomes = applyStartingOver(changes, startingOver);
        List<Applied> applied = new ArrayList<>(updates.size());
        for (int i = 0; i < updates.size(); i++) {
            applied.add(new Applied(updates.get(i), outcomes.get(i), failed[i]));
        }
        return applied;
    }

    /**
     * Applies the changes; a chat whose stored conversation cannot be opened has its records erased (it alone) and
     * the batch is applied again, that chat starting over. A chat still unreadable once erased fails the batch.
     */
    private List<Optional<Outcome>> applyStartingOver(List<ConversationStore.Change> changes, Set<Long> startingOver) {
        while (true) {
            try {
                return store.applyAll(changes);
            } catch (UnreadableConversation e) {
                if (!startingOver.add(e.chatId())) {
                    throw e;
                }
                LOG.warning(e.getMessage() + " (" + causeName(e) + "); its records are erased and it starts over");
                store.forget(e.chatId());
            }
        }
    }

    private static String causeName(Throwable e) {
        return e.getCause() == null ? "unknown cause" : e.getCause().getClass().getSimpleName();
    }

    /**
     * The chat's pending replies worth sending, in order. Replies that a later one made pointless (see
     * {@link Backlog}) are marked delivered and left out, so a chat with a backlog hears only what still matters.
     */
    public List<ConversationStore.Pending> pendingToSend(long chatId) {
        Backlog backlog = Backlog.of(store.pending(chatId));
        if (!backlog.pointless().isEmpty()) {
            store.delivered(chatId, backlog.pointless().stream().map(ConversationStore.Pending::seq).toList());
        }
        return backlog.toSend();
    }

    /** Marks one reply delivered. */
    public void delivered(long chatId, long seq) {
        store.delivered(chatId, seq);
    }

    /**
     * Sends the chat's pending replies in order, stopping at the first that fails (it stays pending, with the rest
     * behind it). Returns true when none is left. Not to run twice at the same time for the same chat; replies
     * queued meanwhile by {@link #apply} wait for the next call.
     */
    public boolean deliverPending(long chatId, Sender sender) {
        for (ConversationStore.Pending pending : pendingToSend(chatId)) {
            try {
                sender.deliver(chatId, pending.reply());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                // The type only: a sender's message could quote the reply, which may hold answers.
                LOG.log(Level.WARNING, () -> "chat " + ChatTag.of(chatId) + ": delivery failed ("
                        + e.getClass().getName() + "); the reply stays queued");
                return false;
            }
            store.delivered(chatId, pending.seq());
        }
        return true;
    }

    /** Remembers messages of the chat, the parent's or the bot's, for "clear this chat". */
    public void remember(long chatId, List<ConversationStore.ChatMessage> messages) {
        store.remember(chatId, messages);
    }

    /** The chat's remembered messages, oldest first. */
    public List<ConversationStore.ChatMessage> remembered(long chatId) {
        return store.remembered(chatId);
    }

    /** Forgets these remembered messages: deleted, or too old to delete. */
    public void forgetMessages(long chatId, List<Long> messageIds) {
        store.forgetMessages(chatId, messageIds);
    }

    /** Chats with replies still waiting, e.g. after a send was given up on. */
    public List<Long> chatsWithPending() {
        return store.chatsWithPending();
    }

    /**
     * Sends every chat's pending replies: at start, before updates are taken, for replies a crash or an outage
     * left behind. Returns how many chats still have some.
     */
    public int deliverPending(Sender sender) {
        int left = 0;
        for (long chatId : store.chatsWithPending()) {
            if (!deliverPending(chatId, sender)) {
                left++;
            }
        }
        return left;
    }

    /** Erases every conversation idle longer than {@code retention}; returns how many. Schedule it daily. */
    public int purgeIdle(Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
        int purged = store.purgeIdleSince(clock.instant().minus(retention));
        LOG.info(() -> "retention: erased " + purged + " conversation(s) idle for more than "
                + retention.toDays() + " days");
        return purged;
    }
}
