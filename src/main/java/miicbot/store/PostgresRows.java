package miicbot.store;

import static miicbot.store.PostgresSql.exists;
import static miicbot.store.PostgresSql.prepare;
import static miicbot.store.PostgresSql.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import miicbot.engine.Conversation;
import miicbot.engine.Reply;
import miicbot.i18n.Language;
import miicbot.interview.RequestOption;

/** A chat's rows on one PostgreSQL connection, inside its transaction (which holds the chat's advisory lock). */
final class PostgresRows implements ChatRows {
    private final Connection c;
    private final SealedJson sealed;

    PostgresRows(Connection c, SealedJson sealed) {
        this.c = c;
        this.sealed = sealed;
    }

    @Override
    public boolean seen(long chatId, long updateId) throws SQLException {
        return exists(c, "SELECT 1 FROM processed_updates WHERE chat_id = ? AND update_id = ?", chatId, updateId);
    }

    @Override
    public Optional<Conversation> read(long chatId) throws SQLException {
        try (PreparedStatement q = prepare(c, "SELECT blob FROM conversations WHERE chat_id = ?", chatId);
             ResultSet r = q.executeQuery()) {
            if (!r.next()) {
                return Optional.empty();
            }
            return Optional.of(sealed.openConversation(chatId, r.getBytes(1)));
        }
    }

    @Override
    public void save(long chatId, Conversation conversation, long now) throws SQLException {
        update(c, "INSERT INTO conversations (chat_id, updated_at, blob) VALUES (?, ?, ?) ON CONFLICT (chat_id)"
                + " DO UPDATE SET updated_at = excluded.updated_at, blob = excluded.blob",
                chatId, now, sealed.seal(chatId, conversation));
    }

    @Override
    public void remember(long chatId, long updateId) throws SQLException {
        update(c, "INSERT INTO processed_updates (chat_id, update_id) VALUES (?, ?)", chatId, updateId);
        update(c, "DELETE FROM processed_updates WHERE chat_id = ? AND id NOT IN (SELECT id FROM"
                + " processed_updates WHERE chat_id = ? ORDER BY id DESC LIMIT ?)", chatId, chatId,
                SqliteConversationStore.KEPT_UPDATE_IDS);
    }

    /** Also drops the chat's delivery claim: nothing is left to deliver. */
    @Override
    public void erase(long chatId) throws SQLException {
        sealed.forget(chatId);
        update(c, "DELETE FROM outbox WHERE chat_id = ?", chatId);
        update(c, "DELETE FROM outbox_claims WHERE chat_id = ?", chatId);
        update(c, "DELETE FROM processed_updates WHERE chat_id = ?", chatId);
        update(c, "DELETE FROM conversations WHERE chat_id = ?", chatId);
    }

    @Override
    public void queue(long chatId, Reply reply, long now) throws SQLException {
        update(c, "INSERT INTO outbox (chat_id, created_at, blob) VALUES (?, ?, ?)", chatId, now,
                sealed.seal(chatId, reply));
    }

    @Override
    public void count(LocalDate day, RequestOption option, Language language) throws SQLException {
        update(c, "INSERT INTO counters (day, option, language, count) VALUES (?, ?, ?, 1)"
                + " ON CONFLICT (day, option, language) DO UPDATE SET count = counters.count + 1",
                day, option.name(), language.name());
    }
}
