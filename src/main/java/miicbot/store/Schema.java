package miicbot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database layout, versioned by {@code PRAGMA user_version}: step {@code n} takes a database from version
 * {@code n} to {@code n + 1}. Steps are only ever added, never edited, so any older file can be brought up to date.
 */
final class Schema {

    /** One migration step, run inside the opening transaction. */
    @FunctionalInterface
    interface Step {
        void apply(Connection connection, AnswerCipher cipher) throws SQLException;
    }

    static final List<Step> STEPS = List.of(Schema::version1, Schema::version2);

    /** The version this code writes. */
    static final int LATEST = STEPS.size();

    private Schema() {
    }

    private static void version1(Connection connection, AnswerCipher cipher) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)");
            // One row per chat; blob is the sealed Conversation JSON. updated_at (epoch ms) drives retention.
            s.execute("CREATE TABLE conversations (chat_id INTEGER PRIMARY KEY, updated_at INTEGER NOT NULL,"
                    + " blob BLOB NOT NULL)");
            s.execute("CREATE INDEX conversations_by_age ON conversations (updated_at)");
            // Update ids exist only next to a stored conversation: erasing the conversation erases them.
            s.execute("CREATE TABLE processed_updates (chat_id INTEGER NOT NULL"
                    + " REFERENCES conversations (chat_id) ON DELETE CASCADE,"
                    + " update_id INTEGER NOT NULL, UNIQUE (chat_id, update_id))");
            // No foreign key: a /forget confirmation waits here after its conversation is gone.
            // AUTOINCREMENT so a delivered seq is never reused for another reply.
            s.execute("CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, chat_id INTEGER NOT NULL,"
                    + " created_at INTEGER NOT NULL, blob BLOB NOT NULL)");
            s.execute("CREATE INDEX outbox_by_chat ON outbox (chat_id, seq)");
            // Anonymous: no chat id, no time finer than a day.
            s.execute("CREATE TABLE counters (day TEXT NOT NULL, option TEXT NOT NULL, language TEXT NOT NULL,"
                    + " count INTEGER NOT NULL, PRIMARY KEY (day, option, language))");
        }
        try (var insert = connection.prepareStatement("INSERT INTO meta (name, value) VALUES ('key_check', ?)")) {
            insert.setBytes(1, cipher.sealKeyCheck());
            insert.executeUpdate();
        }
    }

    /** The chat's messages that "clear this chat" may delete: numbers and times only; no key to the conversation. */
    private static void version2(Connection connection, AnswerCipher cipher) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE chat_messages (chat_id INTEGER NOT NULL, message_id INTEGER NOT NULL,"
                    + " at INTEGER NOT NULL, PRIMARY KEY (chat_id, message_id)) WITHOUT ROWID");
            s.execute("CREATE INDEX chat_messages_by_age ON chat_messages (at)");
        }
    }
}
