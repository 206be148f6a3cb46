package miicbot.store;

import java.nio.file.Path;
import java.sql.SQLException;
import miicbot.store.StoreException.Reason;

/**
 * Turns SQLite failures into one-line {@link StoreException}s. SQLite's own texts name the problem ("database or
 * disk is full") and never a value, because every value goes in as a bound parameter.
 */
final class SqliteErrors {
    // Primary result codes, https://www.sqlite.org/rescode.html
    private static final int PERM = 3;
    private static final int READONLY = 8;
    private static final int IOERR = 10;
    private static final int CORRUPT = 11;
    private static final int FULL = 13;
    private static final int CANTOPEN = 14;
    private static final int NOTADB = 26;

    private SqliteErrors() {
    }

    static StoreException of(SQLException e, Path file) {
        int code = e.getErrorCode() & 0xff;
        String what = firstLine(e.getMessage());
        return switch (code) {
            case CORRUPT, NOTADB -> new StoreException(Reason.CORRUPT, file + " is not a usable bot database ("
                    + what + "); it was left untouched: restore a backup or move it away to start empty", e);
            case FULL -> new StoreException(Reason.FULL, "the database " + file + " is full (" + what + "); the "
                    + "last change was undone: free disk space or raise the size limit", e);
            case PERM, READONLY, CANTOPEN -> new StoreException(Reason.NOT_WRITABLE, "cannot open or write " + file
                    + " (" + what + "); check that the data directory exists and is writable", e);
            case IOERR -> new StoreException(Reason.IO, "disk error on " + file + " (" + what + ")", e);
            default -> new StoreException(Reason.IO, "database error on " + file + " (" + what + ")", e);
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
