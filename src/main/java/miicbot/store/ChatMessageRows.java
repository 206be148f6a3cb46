package miicbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import miicbot.chat.ConversationStore.ChatMessage;

/**
 * The {@code chat_messages} table, with the same SQL on SQLite and PostgreSQL: the chat's messages that "clear this
 * chat" may delete, by number and time only (no text, and no key to the conversation, so /forget leaves them).
 */
final class ChatMessageRows {

    /** What a store's connection must do for these rows; call inside the store's lock or transaction. */
    interface Statements {
        int update(String sql, Object... args) throws SQLException;

        PreparedStatement prepare(String sql, Object... args) throws SQLException;
    }

    private final Statements sql;

    ChatMessageRows(Statements sql) {
        this.sql = sql;
    }

    /** Adds the messages; a number already there is left as it was. Returns how many were added. */
    int add(long chatId, List<ChatMessage> messages) throws SQLException {
        int added = 0;
        for (ChatMessage m : messages) {
            added += sql.update("INSERT INTO chat_messages (chat_id, message_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    chatId, m.messageId(), m.at().toEpochMilli());
        }
        return added;
    }

    /** The chat's messages, oldest first. */
    List<ChatMessage> of(long chatId) throws SQLException {
        List<ChatMessage> messages = new ArrayList<>();
        try (PreparedStatement q = sql.prepare("SELECT message_id, at FROM chat_messages WHERE chat_id = ?"
                + " ORDER BY at, message_id", chatId);
             ResultSet r = q.executeQuery()) {
            while (r.next()) {
                messages.add(new ChatMessage(r.getLong(1), Instant.ofEpochMilli(r.getLong(2))));
            }
        }
        return messages;
    }

    /** Removes these messages of the chat; returns how many were there. */
    int remove(long chatId, List<Long> messageIds) throws SQLException {
        int removed = 0;
        for (long id : messageIds) {
            removed += sql.update("DELETE FROM chat_messages WHERE chat_id = ? AND message_id = ?", chatId, id);
        }
        return removed;
    }

    /**
     * Drops every message sent before {@code before} (epoch ms): Telegram lets a bot delete a message for 48 hours
     * only, so one older than the retention cutoff cannot be cleared anyway.
     */
    int purgeBefore(long before) throws SQLException {
        return sql.update("DELETE FROM chat_messages WHERE at < ?", before);
    }
}
