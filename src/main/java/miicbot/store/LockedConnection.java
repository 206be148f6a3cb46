package miicbot.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One JDBC connection that one thread at a time may use, with small helpers for bound statements and
 * transactions. Every SQLException leaves as a one-line {@link StoreException}.
 */
final class LockedConnection implements ChatMessageRows.Statements, AutoCloseable {
    private final Connection db;
    private final Path file;
    // Fair: with barging, a busy chat's thread could take the lock back again and again while another chat waits.
    private final ReentrantLock lock = new ReentrantLock(true);
    private boolean closed;

    LockedConnection(Connection db, Path file) {
        this.db = db;
        this.file = file;
    }

    /** Work on the connection, run while holding the lock. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    <T> T locked(Work<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            return work.run();
        } catch (SQLException e) {
            throw SqliteErrors.of(e, file);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    <T> T inTransaction(Work<T> work) {
        return locked(() -> {
            db.setAutoCommit(false);
            try {
                T result = work.run();
                db.commit();
                db.setAutoCommit(true);
                return result;
            } catch (Throwable e) { // an Error too: the one connection must never stay inside a transaction
                undo(e);
                throw e;
            }
        });
    }

    /**
     * Runs {@code work} in one transaction whose commit is not forced to disk ({@code synchronous = NORMAL} in WAL
     * mode): it survives the process being killed, not a power cut. Only for changes whose loss is harmless.
     */
    <T> T unforced(Work<T> work) {
        return locked(() -> {
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA synchronous = NORMAL");
                try {
                    return inTransaction(work);
                } finally {
                    s.execute("PRAGMA synchronous = FULL");
                }
            }
        });
    }

    /** Runs an INSERT, UPDATE or DELETE; call it inside {@link #locked} or {@link #inTransaction}. */
    @Override
    public int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = prepare(sql, args)) {
            return statement.executeUpdate();
        }
    }

    /** The first column of every row. */
    List<Long> longs(String sql, Object... args) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (PreparedStatement q = prepare(sql, args); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                values.add(r.getLong(1));
            }
        }
        return values;
    }

    /** A statement with {@code args} bound in order; the caller closes it. */
    @Override
    public PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                db.close();
            }
        } catch (SQLException e) {
            throw SqliteErrors.of(e, file);
        } finally {
            lock.unlock();
        }
    }

    private void undo(Throwable failure) {
        // SQLite itself rolls back on some errors (SQLITE_FULL, SQLITE_IOERR); the driver then fails to roll back
        // or to leave its transaction mode. The first failure is the one to report; these ride along.
        try {
            db.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
