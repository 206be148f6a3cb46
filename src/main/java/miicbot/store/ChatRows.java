package miicbot.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import miicbot.chat.ConversationStore;
import miicbot.engine.Conversation;
import miicbot.engine.Outcome;
import miicbot.engine.Reply;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.RequestOption;

/**
 * A store's rows of one chat, read and written inside the caller's transaction. What the stores share is
 * {@link #apply}: the order a change is applied in, the same on SQLite and PostgreSQL; each store writes its own
 * statements (SQLite keeps update ids by rowid, PostgreSQL also drops the chat's delivery claim when it erases).
 */
interface ChatRows {
    /** Whether this update id was applied to the chat already. */
    boolean seen(long chatId, long updateId) throws SQLException;

    Optional<Conversation> read(long chatId) throws SQLException;

    /** Saves the conversation, sealed, as of {@code nowMillis}. */
    void save(long chatId, Conversation conversation, long nowMillis) throws SQLException;

    /** Records the update id, keeping only the chat's latest {@link SqliteConversationStore#KEPT_UPDATE_IDS}. */
    void remember(long chatId, long updateId) throws SQLException;

    /** Erases everything of the chat: conversation, update ids, replies not yet sent. */
    void erase(long chatId) throws SQLException;

    /** Appends a reply, sealed, to the chat's outbox. */
    void queue(long chatId, Reply reply, long nowMillis) throws SQLException;

    /** Counts one form of {@code option} in {@code language} on {@code day} (for /stats; nothing about the chat). */
    void count(LocalDate day, RequestOption option, Language language) throws SQLException;

    /**
     * Applies one change: a repeated update id is ignored (empty); otherwise the engine runs on the stored
     * conversation, which is then saved (or erased, for /forget) with the update id, its replies are queued, and
     * each form is counted. An update id below 0 (the console's) is never recorded.
     */
    default Optional<Outcome> apply(long chatId, long updateId, Function<Optional<Conversation>, Outcome> engine,
                                    Clock clock) throws SQLException {
        if (updateId >= 0 && seen(chatId, updateId)) {
            return Optional.empty();
        }
        Outcome outcome = Objects.requireNonNull(engine.apply(read(chatId)), "the engine returned no outcome");
        long now = clock.millis();
        if (outcome.forget()) {
            erase(chatId);
        } else {
            save(chatId, outcome.conversation(), now);
            if (updateId >= 0) {
                remember(chatId, updateId);
            }
        }
        for (Reply reply : outcome.replies()) {
            queue(chatId, reply, now);
            if (reply instanceof Reply.SendForm form) {
                ChildRequest request = ChildRequest.of(form.request());
                for (RequestOption option : request.options()) {
                    count(LocalDate.now(clock), option, request.language());
                }
            }
        }
        return Optional.of(outcome);
    }

    /** Applies a poll's changes in order, inside the caller's one transaction. */
    default List<Optional<Outcome>> applyAll(List<ConversationStore.Change> changes, Clock clock) throws SQLException {
        List<Optional<Outcome>> outcomes = new ArrayList<>(changes.size());
        for (ConversationStore.Change change : changes) {
            outcomes.add(apply(change.chatId(), change.updateId(), change.engine(), clock));
        }
        return outcomes;
    }
}
