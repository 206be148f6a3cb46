package miicbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import miicbot.chat.ConversationStore;
import miicbot.i18n.Language;
import miicbot.interview.RequestOption;
import miicbot.store.StoreException.Reason;

/** Statements on a PostgreSQL connection, and errors worded so they name no password and quote no value. */
final class PostgresSql {
    private PostgresSql() {
    }

    /**
     * A HikariCP pool of at most {@code poolSize} connections (user and password may be in the URL or given apart,
     * null for none); fails at once, with the driver's reason, rather than at the first parent's message.
     */
    static HikariDataSource connect(String jdbcUrl, String user, String password, int poolSize, String where) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("miicbot-postgres");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException(Reason.IO, "cannot connect to the database " + where + " ("
                    + firstLine(rootMessage(e)) + "): check DATABASE_URL", e);
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    /** {@link #update} and {@link #prepare} on {@code c}, for rows both stores write alike. */
    static ChatMessageRows.Statements statements(Connection c) {
        return new ChatMessageRows.Statements() {
            @Override
            public int update(String sql, Object... args) throws SQLException {
                return PostgresSql.update(c, sql, args);
            }

            @Override
            public PreparedStatement prepare(String sql, Object... args) throws SQLException {
                return PostgresSql.prepare(c, sql, args);
            }
        };
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, args)) {
            return statement.executeUpdate();
        }
    }

    static boolean exists(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement q = prepare(c, sql, args); ResultSet r = q.executeQuery()) {
            return r.next();
        }
    }

    static List<Long> longs(Connection c, String sql, Object... args) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (PreparedStatement q = prepare(c, sql, args); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                values.add(r.getLong(1));
            }
        }
        return values;
    }

    /** A one-line error: SQLState and the server's first line, which names constraints but never values. */
    static StoreException error(SQLException e, String where) {
        return new StoreException(Reason.IO, "database error on " + where + " (SQLState " + e.getSQLState() + ": "
                + firstLine(e.getMessage()) + ")", e);
    }

    /** host:port/database from a JDBC URL, without user or password. */
    static String describe(String jdbcUrl) {
        String rest = jdbcUrl.replaceFirst("^jdbc:postgresql://", "");
        int query = rest.indexOf('?');
        rest = query < 0 ? rest : rest.substring(0, query);
        int at = rest.lastIndexOf('@');
        return "postgresql://" + (at < 0 ? rest : rest.substring(at + 1));
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The forms counted per day, option and language, in that order. */
    static List<ConversationStore.DailyCount> dailyCounts(Connection c) throws SQLException {
        List<ConversationStore.DailyCount> counts = new ArrayList<>();
        try (PreparedStatement q = prepare(c, "SELECT day, option, language, count FROM counters"
                + " ORDER BY day, option, language");
             ResultSet r = q.executeQuery()) {
            while (r.next()) {
                counts.add(new ConversationStore.DailyCount(r.getObject(1, LocalDate.class),
                        RequestOption.valueOf(r.getString(2)), Language.valueOf(r.getString(3)), r.getLong(4)));
            }
        }
        return counts;
    }
}
