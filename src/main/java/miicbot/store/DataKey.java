package miicbot.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import miicbot.store.StoreException.Reason;

/**
 * The data key: from the environment variable {@value #ENV} (base64 of 32 bytes), else from the key file
 * {@value #FILE_NAME} in the data directory, which is made on first run, readable by its owner only.
 * The value is never logged or put in a message; only where it came from.
 */
public final class DataKey {
    public static final String ENV = "BOT_DATA_KEY";
    public static final String FILE_NAME = "data.key";
    private static final Logger LOG = Logger.getLogger(DataKey.class.getName());
    private static final int KEY_BYTES = 32;

    private final byte[] bytes;
    private final String source;

    private DataKey(byte[] bytes, String source) {
        this.bytes = bytes;
        this.source = source;
    }

    /** A key given directly (tests, tools); {@code source} names it in messages. */
    public static DataKey of(byte[] bytes, String source) {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("a data key has 32 bytes, not " + bytes.length);
        }
        return new DataKey(bytes.clone(), Objects.requireNonNull(source));
    }

    /** A new random key, not stored anywhere (the in-memory store, tests). */
    public static DataKey random() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new DataKey(bytes, "a random key");
    }

    /**
     * The key for the data directory: {@value #ENV} when set, else the key file. The key file is created only for a
     * new database ({@code databaseExists} false): a new key could never open an existing one.
     */
    public static DataKey resolve(Map<String, String> env, Path dataDir, boolean databaseExists) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            LOG.info(() -> "data key: from the environment variable " + ENV);
            return new DataKey(decode(fromEnv, "the environment variable " + ENV), "the key in " + ENV);
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        if (Files.exists(file)) {
            warnIfOthersCanRead(file);
            LOG.info(() -> "data key: from the key file " + file);
            return new DataKey(decode(read(file), "the key file " + file), "the key file " + file);
        }
        if (databaseExists) {
            throw new StoreException(Reason.NO_KEY, "the database in " + dataDir.toAbsolutePath() + " exists but "
                    + "there is no key: set " + ENV + " or restore " + file);
        }
        return create(file);
    }

    /** True when {@code base64} decodes to a key of the right length; checked with the other settings at start. */
    public static boolean isWellFormed(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip()).length == KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A cipher using this key. */
    public AnswerCipher cipher() {
        return new AnswerCipher(bytes);
    }

    /** Where the key came from, for messages: "the key file /srv/bot/data/data.key". */
    public String source() {
        return source;
    }

    private static DataKey create(Path file) {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        byte[] text = (Base64.getEncoder().encodeToString(bytes) + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            // Created with its permissions in one step, so the key is never readable by others, not even briefly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, text);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(Reason.IO, "the key file " + file + " appeared while starting; start again");
        } catch (UnsupportedOperationException e) {
            throw new StoreException(Reason.NOT_WRITABLE, "cannot make an owner-only key file on this file system: "
                    + file + "; set " + ENV + " instead", e);
        } catch (IOException e) {
            throw new StoreException(Reason.NOT_WRITABLE, "cannot create the key file " + file + " ("
                    + e.getClass().getSimpleName() + "); check that the data directory is writable", e);
        }
        LOG.warning(() -> "data key: created the key file " + file + "; back it up, without it the stored "
                + "conversations cannot be read");
        return new DataKey(bytes, "the key file " + file);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new StoreException(Reason.IO, "cannot read the key file " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static byte[] decode(String base64, String where) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.strip());
            if (bytes.length == KEY_BYTES) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the one message below; the exception would only repeat the (secret) input's shape
        }
        throw new StoreException(Reason.BAD_KEY, where + " must hold 32 random bytes in base64 (44 characters), "
                + "e.g. from: head -c 32 /dev/urandom | base64");
    }

    private static void warnIfOthersCanRead(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warning(() -> "the key file " + file + " is readable by other users; run: chmod 600 " + file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
    }
}
