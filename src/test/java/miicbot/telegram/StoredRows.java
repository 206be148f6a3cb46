package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import miicbot.store.AnswerCipher;
import miicbot.store.DataKey;
import miicbot.store.SqliteConversationStore;

/**
 * Changes the bot's SQLite file from outside, through a second connection, as a failing disk, an operator or an
 * older version of the bot would: flips a byte of a record, or writes a record sealed with the harness's key.
 */
final class StoredRows {
    /** The key {@link BotHarness} gives its store. */
    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private StoredRows() {
    }

    /** Flips one byte in the middle of the chat's stored conversation (the encrypted text, not the nonce). */
    static void damageConversation(Path dataDir, long chatId) throws SQLException {
        assertEquals(1, execute(dataDir, "UPDATE conversations SET blob = substr(blob, 1, 20) || (CASE WHEN"
                + " substr(blob, 21, 1) = x'00' THEN x'01' ELSE x'00' END) || substr(blob, 22) WHERE chat_id = ?",
                chatId), "chat " + chatId + " has a stored conversation");
    }

    /** Flips one byte in the chat's oldest queued reply. */
    static void damageFirstReply(Path dataDir, long chatId) throws SQLException {
        assertEquals(1, execute(dataDir, "UPDATE outbox SET blob = substr(blob, 1, 20) || (CASE WHEN"
                + " substr(blob, 21, 1) = x'00' THEN x'01' ELSE x'00' END) || substr(blob, 22) WHERE seq ="
                + " (SELECT min(seq) FROM outbox WHERE chat_id = ?)", chatId), "chat " + chatId + " has a reply queued");
    }

    /** Replaces the chat's conversation with {@code json}, sealed as the store seals: intact, only not readable. */
    static void putConversation(Path dataDir, long chatId, String json) throws SQLException {
        assertEquals(1, execute(dataDir, "UPDATE conversations SET blob = ? WHERE chat_id = ?", seal(chatId, json),
                chatId), "chat " + chatId + " has a stored conversation");
    }

    /** Queues a reply written as {@code json}, sealed as the store seals (an older version's reply). */
    static void queueReply(Path dataDir, long chatId, String json) throws SQLException {
        assertEquals(1, execute(dataDir, "INSERT INTO outbox (chat_id, created_at, blob) VALUES (?, 0, ?)", chatId,
                seal(chatId, json)));
    }

    static long queued(Path dataDir, long chatId) throws SQLException {
        try (Connection c = connect(dataDir);
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM outbox WHERE chat_id = ?")) {
            q.setLong(1, chatId);
            var r = q.executeQuery();
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * True when another connection can take the write lock at once: the bot's own connection is not left inside a
     * transaction (SQLite allows one writer; a transaction left open would hold the lock and this would be busy).
     */
    static boolean writable(Path dataDir) throws SQLException {
        Path file = dataDir.resolve(SqliteConversationStore.FILE_NAME);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 0");
            s.execute("BEGIN IMMEDIATE");
            s.execute("COMMIT");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static byte[] seal(long chatId, String json) {
        AnswerCipher cipher = DataKey.of(Base64.getDecoder().decode(KEY), "test").cipher();
        return cipher.seal(chatId, json.getBytes(StandardCharsets.UTF_8));
    }

    private static int execute(Path dataDir, String sql, Object... args) throws SQLException {
        try (Connection c = connect(dataDir); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    private static Connection connect(Path dataDir) throws SQLException {
        Path file = dataDir.resolve(SqliteConversationStore.FILE_NAME);
        assertTrue(Files.isRegularFile(file), "no database file at " + file);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (var s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000"); // the bot's own connection may be writing just then
        }
        return c;
    }
}
