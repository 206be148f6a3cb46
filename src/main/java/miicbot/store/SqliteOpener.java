package miicbot.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import miicbot.store.StoreException.Reason;

/**
 * Opens the database file and makes it ready, in an order that changes nothing until the file has proved to be a
 * healthy bot database opened with the right key: first reads only (integrity check, schema version, key check),
 * then WAL mode and migrations. A bad file or a wrong key is therefore reported, never overwritten.
 */
final class SqliteOpener {
    private static final Logger LOG = Logger.getLogger(SqliteOpener.class.getName());
    private static final int BUSY_TIMEOUT_MS = 5_000;

    private SqliteOpener() {
    }

    /** An open, migrated connection to {@code file}, or a StoreException saying why not. */
    static Connection open(Path file, DataKey key, long maxDatabaseBytes) {
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            prepare(connection, file, key, maxDatabaseBytes);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqliteErrors.of(e, file);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void prepare(Connection c, Path file, DataKey key, long maxDatabaseBytes) throws SQLException {
        AnswerCipher cipher = key.cipher();
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            s.execute("PRAGMA foreign_keys = ON");
            // Deleted rows are overwritten with zeros, so erased (already encrypted) records leave no trace either.
            s.execute("PRAGMA secure_delete = ON");
            String health = text(s, "PRAGMA quick_check");
            if (!"ok".equals(health)) {
                throw new StoreException(Reason.CORRUPT, file + " is damaged (integrity check failed); it was left "
                        + "untouched: restore a backup or move it away to start empty");
            }
            int version = number(s, "PRAGMA user_version");
            if (version > Schema.LATEST) {
                throw new StoreException(Reason.NEWER_SCHEMA, file + " was written by a newer bot (schema "
                        + version + ", this bot knows " + Schema.LATEST + "); run the newer bot or restore a backup");
            }
            if (version == 0 && number(s, "SELECT count(*) FROM sqlite_master") > 0) {
                throw new StoreException(Reason.CORRUPT, file + " is a SQLite database but not the bot's; "
                        + "it was left untouched: point the data directory elsewhere");
            }
            if (version > 0) {
                checkKey(c, file, key, cipher);
            }
            // WAL: readers never wait for the writer, and a commit is one append (plus fsync) to the -wal file.
            s.execute("PRAGMA journal_mode = WAL");
            // FULL: a commit is on disk before any reply goes out, even across a power cut.
            s.execute("PRAGMA synchronous = FULL");
            if (maxDatabaseBytes > 0) {
                int pageSize = number(s, "PRAGMA page_size");
                s.execute("PRAGMA max_page_count = " + Math.max(1, maxDatabaseBytes / pageSize));
            }
            migrate(c, s, version, cipher, file);
        }
    }

    private static void checkKey(Connection c, Path file, DataKey key, AnswerCipher cipher) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT value FROM meta WHERE name = 'key_check'")) {
            if (!r.next()) {
                throw new StoreException(Reason.CORRUPT, file + " has no key check row; it was left untouched");
            }
            if (!cipher.opensKeyCheck(r.getBytes(1))) {
                throw new StoreException(Reason.WRONG_KEY, key.source() + " does not open " + file
                        + " (it was made with another key); nothing was changed: use the original key");
            }
        }
    }

    private static void migrate(Connection c, Statement s, int from, AnswerCipher cipher, Path file)
            throws SQLException {
        if (from == Schema.LATEST) {
            LOG.info(() -> "database " + file + ": schema " + from);
            return;
        }
        c.setAutoCommit(false);
        try {
            for (int version = from; version < Schema.LATEST; version++) {
                Schema.STEPS.get(version).apply(c, cipher);
            }
            // user_version is part of the transaction: a crash mid-way leaves the old version and the old tables.
            s.execute("PRAGMA user_version = " + Schema.LATEST);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        LOG.info(() -> "database " + file + ": schema " + from + " -> " + Schema.LATEST);
    }

    private static int number(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : "";
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // the open already failed; that failure is the one to report
            }
        }
    }
}
