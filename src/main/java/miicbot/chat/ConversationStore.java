package miicbot.chat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import miicbot.engine.Conversation;
import miicbot.engine.Outcome;
import miicbot.engine.Reply;
import miicbot.i18n.Language;
import miicbot.interview.RequestOption;

/**
 * Where conversations and undelivered replies live between updates. Every change to one chat happens in one
 * transaction, so an update is applied exactly once and its replies are stored before any is sent.
 */
public interface ConversationStore extends AutoCloseable {

    /** A reply waiting to be delivered; {@code seq} orders a chat's replies and identifies the entry. */
    record Pending(long chatId, long seq, Reply reply) { }

    /** How many forms asked for {@code option} in {@code language} on {@code day}: the only data kept for good. */
    record DailyCount(LocalDate day, RequestOption option, Language language, long count) { }

    /**
     * In one transaction: unless {@code updateId} was already applied for this chat (ids below 0 are never
     * deduplicated), loads the conversation (empty for a new chat), applies {@code engine}, saves the new
     * conversation (or erases the chat when the outcome says forget), records the update id, appends the replies
     * to the outbox, and counts finished forms. Returns the outcome, or empty when the update was a duplicate.
     * On forget, nothing of the chat is kept, not even this update id; only the outcome's own replies (the
     * confirmation) are queued, and they go once delivered.
     */
    Optional<Outcome> apply(long chatId, long updateId, Function<Optional<Conversation>, Outcome> engine);

    /** One update for {@link #applyAll}: as the arguments of {@link #apply}. */
    record Change(long chatId, long updateId, Function<Optional<Conversation>, Outcome> engine) { }

    /**
     * Applies each change as {@link #apply} does, in order; returns their results in the same order. A store that
     * can does it in one transaction (one commit for a whole poll), all or nothing. This default applies them one
     * by one: after a failure part may be applied, which is still safe because a retried update id is dropped.
     */
    default List<Optional<Outcome>> applyAll(List<Change> changes) {
        List<Optional<Outcome>> outcomes = new java.util.ArrayList<>(changes.size());
        for (Change change : changes) {
            outcomes.add(apply(change.chatId(), change.updateId(), change.engine()));
        }
        return outcomes;
    }

    /** The chat's conversation, if any. */
    Optional<Conversation> load(long chatId);

    /**
     * The replies not yet delivered for one chat, in order. A reply that cannot be opened (it fails its integrity
     * check, or this version cannot read its shape) is quarantined: taken out of the outbox, counted in
     * {@link #quarantinedReplies}, and left out, so the chat's later replies still go.
     */
    List<Pending> pending(long chatId);

    /** Replies quarantined since the store was opened (see {@link #pending}). */
    default long quarantinedReplies() {
        return 0;
    }

    /** Chats with undelivered replies (after a restart). */
    List<Long> chatsWithPending();

    /** Marks one reply delivered; it is removed from the outbox. */
    void delivered(long chatId, long seq);

    /** Marks several replies delivered, in one transaction where the store can. */
    default void delivered(long chatId, List<Long> seqs) {
        for (long seq : seqs) {
            delivered(chatId, seq);
        }
    }

    /** Erases everything about the chat: conversation, outbox, processed update ids (not its {@link ChatMessage}s). */
    void forget(long chatId);

    /**
     * A message in the chat, the parent's or the bot's, that "clear this chat" may delete: the adapter's number for
     * it and when it was sent. Only numbers and times, no text.
     */
    record ChatMessage(long messageId, Instant at) { }

    /**
     * Remembers messages of the chat for "clear this chat" (a number already remembered is left as it was). Kept
     * apart from the conversation, so a chat can still be cleared after /forget; gone when cleared, or by the
     * retention purge. A store that does not keep them remembers nothing, and clearing then deletes nothing.
     */
    default void remember(long chatId, List<ChatMessage> messages) {
    }

    /** The chat's remembered messages, oldest first. */
    default List<ChatMessage> remembered(long chatId) {
        return List.of();
    }

    /** Forgets these messages of the chat: deleted, or too old to delete. */
    default void forgetMessages(long chatId, List<Long> messageIds) {
    }

    /** Erases every chat idle since before {@code cutoff}; returns how many. */
    int purgeIdleSince(Instant cutoff);

    /**
     * The anonymous counters, by day, option and language. A form counts once for each option it asks for; the day
     * is the store clock's date when the form was made.
     */
    List<DailyCount> dailyCounts();

    @Override
    void close();
}
