package miicbot.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Looks into a store's file from outside, through a second connection, as an operator with sqlite3 would. */
final class DatabaseFile {
    static final String[] CHAT_TABLES = {"conversations", "processed_updates", "outbox"};

    private DatabaseFile() {
    }

    static Path in(Path dataDir) {
        return dataDir.resolve(SqliteConversationStore.FILE_NAME);
    }

    /**
     * A second connection to the store's file. The file must exist: SQLite would otherwise create an empty one,
     * and a test reading it would look at nothing.
     */
    static Connection connect(Path dataDir) throws SQLException {
        Path file = in(dataDir);
        assertTrue(Files.isRegularFile(file), "no database file at " + file);
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /** Rows of {@code table} belonging to {@code chatId}. */
    static long rows(Path dataDir, String table, long chatId) throws SQLException {
        return number(dataDir, "SELECT count(*) FROM " + table + " WHERE chat_id = " + chatId);
    }

    /** Rows of every chat table belonging to {@code chatId}. */
    static long chatRows(Path dataDir, long chatId) throws SQLException {
        long total = 0;
        for (String table : CHAT_TABLES) {
            total += rows(dataDir, table, chatId);
        }
        return total;
    }

    static long number(Path dataDir, String sql) throws SQLException {
        try (Connection c = connect(dataDir);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static String text(Path dataDir, String sql) throws SQLException {
        try (Connection c = connect(dataDir);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    static byte[] conversationBlob(Path dataDir, long chatId) throws SQLException {
        try (Connection c = connect(dataDir);
             PreparedStatement s = c.prepareStatement("SELECT blob FROM conversations WHERE chat_id = ?")) {
            s.setLong(1, chatId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBytes(1) : null;
            }
        }
    }

    static void execute(Path dataDir, String sql) throws SQLException {
        try (Connection c = connect(dataDir);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
