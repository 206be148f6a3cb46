package miicbot.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;
import miicbot.store.StoreException.Reason;

/**
 * The PostgreSQL layout: the same tables and sealed columns as {@link Schema} (SQLite), in PostgreSQL's types, plus
 * {@code outbox_claims}, which lets several replicas share one outbox. The version is the row
 * {@code meta.schema_version}; step {@code n} takes a database from version {@code n} to {@code n + 1}, inside one
 * transaction under an advisory lock, so replicas starting together migrate once.
 */
final class PostgresSchema {
    private static final Logger LOG = Logger.getLogger(PostgresSchema.class.getName());
    // The two-int form of advisory lock keys: PostgreSQL keeps it apart from the one-bigint form the chats use.
    private static final String MIGRATION_LOCK = "1835623779, 1";

    static final List<Schema.Step> STEPS = List.of(PostgresSchema::version1, PostgresSchema::version2);
    static final int LATEST = STEPS.size();

    private PostgresSchema() {
    }

    /** Brings the database up to date, or refuses a newer one or a wrong key. */
    static void prepare(Connection c, DataKey key, String where) throws SQLException {
        AnswerCipher cipher = key.cipher();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
            int version = version(s);
            if (version > LATEST) {
                throw new StoreException(Reason.NEWER_SCHEMA, where + " was written by a newer bot (schema " + version
                        + ", this bot knows " + LATEST + "); run the newer bot");
            }
            if (version > 0) {
                checkKey(s, cipher, key, where);
            }
            for (int step = version; step < LATEST; step++) {
                STEPS.get(step).apply(c, cipher);
            }
            s.executeUpdate("UPDATE meta SET value = convert_to('" + LATEST + "', 'UTF8') WHERE name = 'schema_version'");
            c.commit();
            LOG.info(() -> "database " + where + ": schema " + LATEST + (version < LATEST ? " (migrated from "
                    + version + ")" : ""));
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static int version(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT to_regclass('meta') IS NOT NULL")) {
            r.next();
            if (!r.getBoolean(1)) {
                return 0;
            }
        }
        try (ResultSet r = s.executeQuery("SELECT convert_from(value, 'UTF8') FROM meta WHERE name = 'schema_version'")) {
            return r.next() ? Integer.parseInt(r.getString(1)) : 0;
        }
    }

    private static void checkKey(Statement s, AnswerCipher cipher, DataKey key, String where) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT value FROM meta WHERE name = 'key_check'")) {
            if (!r.next()) {
                throw new StoreException(Reason.CORRUPT, where + " has no key check row; it was left untouched");
            }
            if (!cipher.opensKeyCheck(r.getBytes(1))) {
                throw new StoreException(Reason.WRONG_KEY, key.source() + " does not open " + where
                        + " (it was made with another key); nothing was changed: use the original key");
            }
        }
    }

    private static void version1(Connection connection, AnswerCipher cipher) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value BYTEA NOT NULL)");
            s.execute("INSERT INTO meta (name, value) VALUES ('schema_version', convert_to('0', 'UTF8'))");
            // One row per chat; blob is the sealed Conversation JSON. updated_at (epoch ms) drives retention.
            s.execute("CREATE TABLE conversations (chat_id BIGINT PRIMARY KEY, updated_at BIGINT NOT NULL,"
                    + " blob BYTEA NOT NULL)");
            s.execute("CREATE INDEX conversations_by_age ON conversations (updated_at)");
            // id orders a chat's ids by insertion, for trimming to the newest few.
            s.execute("CREATE TABLE processed_updates (id BIGSERIAL PRIMARY KEY, chat_id BIGINT NOT NULL"
                    + " REFERENCES conversations (chat_id) ON DELETE CASCADE,"
                    + " update_id BIGINT NOT NULL, UNIQUE (chat_id, update_id))");
            // No foreign key: a /forget confirmation waits here after its conversation is gone.
            s.execute("CREATE TABLE outbox (seq BIGSERIAL PRIMARY KEY, chat_id BIGINT NOT NULL,"
                    + " created_at BIGINT NOT NULL, blob BYTEA NOT NULL)");
            s.execute("CREATE INDEX outbox_by_chat ON outbox (chat_id, seq)");
            // Which replica is delivering a chat's replies, up to which seq, and until when (database clock, ms).
            s.execute("CREATE TABLE outbox_claims (chat_id BIGINT PRIMARY KEY, owner TEXT NOT NULL,"
                    + " last_seq BIGINT NOT NULL, expires_at BIGINT NOT NULL)");
            // Anonymous: no chat id, no time finer than a day.
            s.execute("CREATE TABLE counters (day DATE NOT NULL, option TEXT NOT NULL, language TEXT NOT NULL,"
                    + " count BIGINT NOT NULL, PRIMARY KEY (day, option, language))");
        }
        try (var insert = connection.prepareStatement("INSERT INTO meta (name, value) VALUES ('key_check', ?)")) {
            insert.setBytes(1, cipher.sealKeyCheck());
            insert.executeUpdate();
        }
    }

    /** As on SQLite: the chat's messages that "clear this chat" may delete, numbers and times only. */
    private static void version2(Connection connection, AnswerCipher cipher) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE chat_messages (chat_id BIGINT NOT NULL, message_id BIGINT NOT NULL,"
                    + " at BIGINT NOT NULL, PRIMARY KEY (chat_id, message_id))");
            s.execute("CREATE INDEX chat_messages_by_age ON chat_messages (at)");
        }
    }
}
