package miicbot.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import miicbot.chat.ConversationStore;
import miicbot.chat.TestClock;
import miicbot.engine.Conversation;
import miicbot.engine.Outcome;
import miicbot.engine.Place;
import miicbot.engine.Reply;
import miicbot.engine.StepId;
import miicbot.i18n.Language;
import miicbot.interview.MiicInterview;
import miicbot.store.StoreException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way the store can fail to open or to write: a one-line error naming the problem, and no damage. */
class SqliteStoreFailuresTest {
    @TempDir
    Path dir;

    final TestClock clock = TestClock.minnesota();
    final Map<String, String> env = Map.of(DataKey.ENV, SqliteConversationStoreTest.randomKey());

    private static Outcome saying(StepId step, String text) {
        return new Outcome(Conversation.start(Language.EN).at(Place.question(step), false, null), List.of(new Reply.Say(text)),
                false, false);
    }

    private void storeOneConversation(Map<String, String> withEnv) {
        try (ConversationStore store = SqliteConversationStore.open(dir, withEnv, clock)) {
            store.apply(7, 1, c -> saying(MiicInterview.STREET, "hello"));
        }
    }

    private StoreException openFails(Map<String, String> withEnv) {
        StoreException e = assertThrows(StoreException.class, () -> SqliteConversationStore.open(dir, withEnv, clock));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    private String hash(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** An Error (not an exception) inside a transaction rolls it back and leaves the connection usable. */
    @Test
    void anErrorInsideATransactionRollsItBackAndTheStoreGoesOn() throws Exception {
        try (ConversationStore store = SqliteConversationStore.open(dir, env, clock)) {
            store.apply(7, 1, c -> saying(MiicInterview.STREET, "hello"));
            assertThrows(AssertionError.class, () -> store.apply(8, 2, c -> {
                throw new AssertionError("an impossible branch");
            }));
            assertThrows(StackOverflowError.class, () -> store.applyAll(List.of(
                    new ConversationStore.Change(9, 3, c -> saying(MiicInterview.STREET, "first of the batch")),
                    new ConversationStore.Change(10, 4, c -> {
                        throw new StackOverflowError();
                    }))));
            assertEquals(0, DatabaseFile.chatRows(dir, 9), "the whole batch was rolled back");
            // Not left inside a transaction: another connection takes the write lock at once.
            try (var other = DatabaseFile.connect(dir); var s = other.createStatement()) {
                s.execute("PRAGMA busy_timeout = 0");
                s.execute("BEGIN IMMEDIATE");
                s.execute("COMMIT");
            }
            assertTrue(store.apply(8, 2, c -> saying(MiicInterview.STREET, "again")).isPresent(), "update 2 was not kept");
        }
    }

    @Test
    void aWrongKeyIsAClearErrorAndChangesNothing() throws Exception {
        storeOneConversation(env);
        String before = hash(DatabaseFile.in(dir));

        StoreException e = openFails(Map.of(DataKey.ENV, SqliteConversationStoreTest.randomKey()));

        assertEquals(Reason.WRONG_KEY, e.reason());
        assertTrue(e.getMessage().contains(DataKey.ENV), e.getMessage());
        assertEquals(before, hash(DatabaseFile.in(dir)));
        try (ConversationStore store = SqliteConversationStore.open(dir, env, clock)) {
            assertEquals(MiicInterview.STREET, store.load(7).orElseThrow().step());
        }
    }

    @Test
    void aKeyFileIsMadeOnFirstRunAndAnotherKeyFileIsRefused() throws Exception {
        storeOneConversation(Map.of());
        Path keyFile = dir.resolve(DataKey.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        storeOneConversation(Map.of()); // the same key file opens it again
        String before = hash(DatabaseFile.in(dir));

        Files.writeString(keyFile, SqliteConversationStoreTest.randomKey());
        StoreException e = openFails(Map.of());

        assertEquals(Reason.WRONG_KEY, e.reason());
        assertTrue(e.getMessage().contains(keyFile.toString()), e.getMessage());
        assertEquals(before, hash(DatabaseFile.in(dir)));
    }

    @Test
    void aLostKeyFileIsNotReplacedWithANewOne() throws Exception {
        storeOneConversation(Map.of());
        Files.delete(dir.resolve(DataKey.FILE_NAME));

        assertEquals(Reason.NO_KEY, openFails(Map.of()).reason());
        assertFalse(Files.exists(dir.resolve(DataKey.FILE_NAME)));
    }

    @Test
    void aMalformedKeyIsRefusedWithoutQuotingIt() {
        for (String bad : List.of("not-base64!!", "c2hvcnQ=")) {
            StoreException e = openFails(Map.of(DataKey.ENV, bad));
            assertEquals(Reason.BAD_KEY, e.reason());
            assertFalse(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void randomBytesAreACorruptFileLeftUntouched() throws Exception {
        byte[] junk = new byte[64 * 1024];
        new SecureRandom().nextBytes(junk);
        Files.write(DatabaseFile.in(dir), junk);

        assertEquals(Reason.CORRUPT, openFails(env).reason());
        assertArrayEquals(junk, Files.readAllBytes(DatabaseFile.in(dir)));
    }

    @Test
    void aDamagedDatabaseIsRefusedAndLeftUntouched() throws Exception {
        storeOneConversation(env);
        byte[] bytes = Files.readAllBytes(DatabaseFile.in(dir));
        byte[] noise = new byte[bytes.length - 100];
        new SecureRandom().nextBytes(noise);
        System.arraycopy(noise, 0, bytes, 100, noise.length); // keeps the 100-byte SQLite header
        Files.write(DatabaseFile.in(dir), bytes);

        assertEquals(Reason.CORRUPT, openFails(env).reason());
        assertArrayEquals(bytes, Files.readAllBytes(DatabaseFile.in(dir)));
    }

    @Test
    void anotherProgramsDatabaseIsRefused() throws Exception {
        try (var other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + DatabaseFile.in(dir));
             var s = other.createStatement()) {
            s.execute("CREATE TABLE photos (id INTEGER)");
        }
        String before = hash(DatabaseFile.in(dir));

        assertEquals(Reason.CORRUPT, openFails(env).reason());
        assertEquals(before, hash(DatabaseFile.in(dir)));
    }

    @Test
    void aDatabaseFromANewerBotIsRefused() throws Exception {
        storeOneConversation(env);
        DatabaseFile.execute(dir, "PRAGMA user_version = " + (Schema.LATEST + 1));
        String before = hash(DatabaseFile.in(dir));

        assertEquals(Reason.NEWER_SCHEMA, openFails(env).reason());
        assertEquals(before, hash(DatabaseFile.in(dir)));
    }

    @Test
    void aReadOnlyDataDirectoryIsAClearError() throws Exception {
        Path readOnly = dir.resolve("data");
        Files.createDirectory(readOnly);
        makeReadOnly(readOnly);
        try {
            StoreException e = assertThrows(StoreException.class,
                    () -> SqliteConversationStore.open(readOnly, Map.of(), clock));
            assertEquals(Reason.NOT_WRITABLE, e.reason());
            assertTrue(e.getMessage().contains(readOnly.toString()), e.getMessage());
            // With the key given, the database itself is the first file it cannot make.
            assertEquals(Reason.NOT_WRITABLE, assertThrows(StoreException.class,
                    () -> SqliteConversationStore.open(readOnly, env, clock)).reason());
        } finally {
            makeWritable(readOnly);
        }
    }

    @Test
    void aFullDatabaseUndoesTheWholeChangeAndKeepsWorking() throws Exception {
        long limit = 256 * 1024;
        try (ConversationStore store = SqliteConversationStore.open(dir, env, clock, limit)) {
            store.apply(7, 1, c -> saying(MiicInterview.STREET, "small"));
            String big = "x".repeat(1024 * 1024);

            StoreException e = assertThrows(StoreException.class,
                    () -> store.apply(7, 2, c -> new Outcome(Conversation.start(Language.EN).at(Place.question(MiicInterview.CITY), false,
                            null), List.of(new Reply.Say("first"), new Reply.Say(big)), false, false)));

            assertEquals(Reason.FULL, e.reason(), e.getMessage() + " / " + e.getCause());
            assertEquals(MiicInterview.STREET, store.load(7).orElseThrow().step());
            assertEquals(1, store.pending(7).size());
            assertEquals(1, DatabaseFile.rows(dir, "processed_updates", 7));
            // Update 2 was not recorded, so it can be applied once there is room.
            assertTrue(store.apply(7, 2, c -> saying(MiicInterview.CITY, "fits")).isPresent());
            assertEquals(Optional.of(MiicInterview.CITY), store.load(7).map(Conversation::step));
        }
        try (ConversationStore store = SqliteConversationStore.open(dir, env, clock)) {
            assertEquals(Optional.of(MiicInterview.CITY), store.load(7).map(Conversation::step), "committed for good");
            assertEquals(List.of("small", "fits"), store.pending(7).stream()
                    .map(p -> ((Reply.Say) p.reply()).text()).toList());
        }
    }

    /** POSIX permissions, and for root (who ignores them) the immutable flag; skips where neither works. */
    private static void makeReadOnly(Path path) throws Exception {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (canCreateIn(path)) {
            run("chattr", "+i", path.toString());
        }
        assumeTrue(!canCreateIn(path), "cannot make a read-only directory here");
    }

    private static void makeWritable(Path path) throws Exception {
        if (!canCreateIn(path)) {
            run("chattr", "-i", path.toString());
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean canCreateIn(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ""));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... command) throws Exception {
        try {
            new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            // no chattr: the assumption above skips the test
        }
    }
}
