package miicbot.store;

import java.util.Objects;

/**
 * The store cannot be opened or written. The message is one line, safe to print and log (no personal data, no
 * key), and says what to do; Main prints it and stops when it happens at start.
 */
public final class StoreException extends RuntimeException {

    /** What went wrong, for callers and tests that branch on it. */
    public enum Reason {
        /** No key in the environment and no key file, but the database exists. */
        NO_KEY,
        /** The key in the environment or key file is not 32 bytes of base64. */
        BAD_KEY,
        /** The key does not open this database. */
        WRONG_KEY,
        /** The file is not a SQLite database, is damaged, or a record fails its integrity check. */
        CORRUPT,
        /** A newer version of the bot wrote the database. */
        NEWER_SCHEMA,
        /** The data directory or its files cannot be created or written. */
        NOT_WRITABLE,
        /** The disk, or the configured size limit, is full. */
        FULL,
        /** Any other I/O or SQLite failure. */
        IO
    }

    private final Reason reason;

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public StoreException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /**
     * True when trying again later may succeed: a busy or failing disk or database server, a full disk, a
     * permission the operator can fix. A damaged file or a wrong key stays so, and is not worth retrying.
     */
    public boolean isTransient() {
        return reason == Reason.IO || reason == Reason.FULL || reason == Reason.NOT_WRITABLE;
    }
}
