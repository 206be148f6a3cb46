package miicbot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import miicbot.chat.ConversationStore;
import miicbot.engine.Conversation;
import miicbot.engine.Outcome;
import miicbot.engine.Reply;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.RequestOption;
import miicbot.store.StoreException.Reason;

/**
 * The conversation store in one SQLite file, {@value #FILE_NAME} in the data directory.
 *
 * <p>One connection, guarded by one fair lock ({@link LockedConnection}): every call is a few indexed statements
 * and, for writes, one commit (0.4 ms median here), so chats wait on each other for a few milliseconds at most
 * (see {@code miicbot.bench.ApplyLatencyBench}). Conversations and
 * replies are stored sealed by {@link AnswerCipher}; update ids, timestamps and the anonymous counters are plain.
 */
public final class SqliteConversationStore implements ConversationStore {
    public static final String FILE_NAME = "miicbot.db";
    /** No size limit beyond the disk's. */
    public static final long NO_LIMIT = 0;
    // Telegram redelivers only updates it has not seen confirmed: those of the last poll before a crash or restart.
    // One getUpdates returns at most 100, possibly all from one chat (a flood), so a chat must remember at least
    // 100 ids; 128 covers a whole poll with room to spare and keeps the table small.
    static final int KEPT_UPDATE_IDS = 128;

    private final LockedConnection db;
    private final SealedJson sealed;
    private final Clock clock;
    private final ChatRows rows = new SqliteRows();

    private SqliteConversationStore(LockedConnection db, SealedJson sealed, Clock clock) {
        this.db = db;
        this.sealed = sealed;
        this.clock = clock;
    }

    /**
     * Opens (or creates) the store in {@code dataDir}, the key taken from {@code env} ({@value DataKey#ENV}) or the
     * key file. Fails with a {@link StoreException} whose message Main can print as is.
     */
    public static SqliteConversationStore open(Path dataDir, Map<String, String> env, Clock clock) {
        return open(dataDir, env, clock, NO_LIMIT);
    }

    /**
     * As {@link #open(Path, Map, Clock)}, refusing to grow the file beyond {@code maxDatabaseBytes} (a change that
     * would is undone and fails as FULL), so a runaway cannot fill the disk. {@link #NO_LIMIT} for none.
     */
    public static SqliteConversationStore open(Path dataDir, Map<String, String> env, Clock clock,
                                               long maxDatabaseBytes) {
        Path dir = dataDir.toAbsolutePath();
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException(Reason.NOT_WRITABLE, "cannot create the data directory " + dir + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        boolean exists = Files.isRegularFile(file) && size(file) > 0;
        DataKey key = DataKey.resolve(env, dir, exists);
        Connection connection = SqliteOpener.open(file, key, maxDatabaseBytes);
        return new SqliteConversationStore(new LockedConnection(connection, file), new SealedJson(key.cipher()),
                Objects.requireNonNull(clock));
    }

    @Override
    public Optional<Outcome> apply(long chatId, long updateId, Function<Optional<Conversation>, Outcome> engine) {
        return db.inTransaction(() -> rows.apply(chatId, updateId, engine, clock));
    }

    /** One transaction, so one commit (one fsync) for a whole poll's updates, however many chats they touch. */
    @Override
    public List<Optional<Outcome>> applyAll(List<Change> changes) {
        return db.inTransaction(() -> rows.applyAll(changes, clock));
    }

    @Override
    public Optional<Conversation> load(long chatId) {
        return db.locked(() -> rows.read(chatId));
    }

    @Override
    public List<Pending> pending(long chatId) {
        return db.locked(() -> {
            List<Pending> pending = new ArrayList<>();
            List<Long> unreadable = new ArrayList<>();
            try (PreparedStatement q = db.prepare("SELECT seq, blob FROM outbox WHERE chat_id = ? ORDER BY seq",
                    chatId);
                 ResultSet r = q.executeQuery()) {
                sealed.readOutbox(chatId, r, pending, unreadable);
            }
            if (!unreadable.isEmpty()) {
                db.unforced(() -> {
                    for (long seq : unreadable) {
                        db.update("DELETE FROM outbox WHERE chat_id = ? AND seq = ?", chatId, seq);
                    }
                    return null;
                });
                sealed.quarantined(chatId, unreadable.size());
            }
            return pending;
        });
    }

    @Override
    public long quarantinedReplies() {
        return sealed.quarantined();
    }

    @Override
    public List<Long> chatsWithPending() {
        return db.locked(() -> db.longs("SELECT chat_id FROM outbox GROUP BY chat_id ORDER BY min(seq)"));
    }

    /**
     * Not forced to disk: a lost mark only means the reply is sent again, which delivery allows anyway (at least
     * once). The mark survives a killed process (it is in the WAL file); a power cut may lose the marks made since
     * the last forced commit, the next poll's. A forced commit here cost one fsync per reply sent.
     */
    @Override
    public void delivered(long chatId, long seq) {
        db.unforced(() -> db.update("DELETE FROM outbox WHERE chat_id = ? AND seq = ?", chatId, seq));
    }

    @Override
    public void delivered(long chatId, List<Long> seqs) {
        db.unforced(() -> {
            for (long seq : seqs) {
                db.update("DELETE FROM outbox WHERE chat_id = ? AND seq = ?", chatId, seq);
            }
            return null;
        });
    }

    @Override
    public void forget(long chatId) {
        db.inTransaction(() -> {
            rows.erase(chatId);
            return null;
        });
    }

    /** Not forced to disk, as the delivered marks: a number lost in a power cut is a message left in the chat. */
    @Override
    public void remember(long chatId, List<ChatMessage> messages) {
        db.unforced(() -> new ChatMessageRows(db).add(chatId, messages));
    }

    @Override
    public List<ChatMessage> remembered(long chatId) {
        return db.locked(() -> new ChatMessageRows(db).of(chatId));
    }

    @Override
    public void forgetMessages(long chatId, List<Long> messageIds) {
        db.unforced(() -> new ChatMessageRows(db).remove(chatId, messageIds));
    }

    @Override
    public int purgeIdleSince(Instant cutoff) {
        long before = cutoff.toEpochMilli();
        return db.inTransaction(() -> {
            new ChatMessageRows(db).purgeBefore(before);
            Set<Long> chats = new LinkedHashSet<>(db.longs("SELECT chat_id FROM conversations WHERE updated_at < ?",
                    before));
            // Replies left for a chat that has no conversation (a /forget confirmation that could not be sent).
            chats.addAll(db.longs("SELECT chat_id FROM outbox WHERE chat_id NOT IN (SELECT chat_id FROM conversations)"
                    + " GROUP BY chat_id HAVING max(created_at) < ?", before));
            for (long chatId : chats) {
                rows.erase(chatId);
            }
            return chats.size();
        });
    }

    @Override
    public List<DailyCount> dailyCounts() {
        return db.locked(() -> {
            List<DailyCount> counts = new ArrayList<>();
            try (PreparedStatement q = db.prepare("SELECT day, option, language, count FROM counters"
                    + " ORDER BY day, option, language");
                 ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    counts.add(new DailyCount(LocalDate.parse(r.getString(1)), RequestOption.valueOf(r.getString(2)),
                            Language.valueOf(r.getString(3)), r.getLong(4)));
                }
            }
            return counts;
        });
    }

    @Override
    public void close() {
        db.close();
    }

    /** The chat's rows in this store's one connection (see {@link ChatRows#apply}). */
    private final class SqliteRows implements ChatRows {
        @Override
        public Optional<Conversation> read(long chatId) throws SQLException {
            try (PreparedStatement q = db.prepare("SELECT blob FROM conversations WHERE chat_id = ?", chatId);
                 ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(sealed.openConversation(chatId, r.getBytes(1)));
            }
        }

        @Override
        public boolean seen(long chatId, long updateId) throws SQLException {
            try (PreparedStatement q = db.prepare("SELECT 1 FROM processed_updates WHERE chat_id = ? AND update_id = ?",
                    chatId, updateId);
                 ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }

        @Override
        public void save(long chatId, Conversation conversation, long now) throws SQLException {
            // An upsert, not INSERT OR REPLACE: a replace deletes the row first, and the cascade would take the ids.
            db.update("INSERT INTO conversations (chat_id, updated_at, blob) VALUES (?, ?, ?) ON CONFLICT (chat_id)"
                    + " DO UPDATE SET updated_at = excluded.updated_at, blob = excluded.blob",
                    chatId, now, sealed.seal(chatId, conversation));
        }

        @Override
        public void remember(long chatId, long updateId) throws SQLException {
            db.update("INSERT INTO processed_updates (chat_id, update_id) VALUES (?, ?)", chatId, updateId);
            // Newest by insertion (rowid), not by id: Telegram may restart ids at random after a quiet week.
            db.update("DELETE FROM processed_updates WHERE chat_id = ? AND rowid NOT IN (SELECT rowid FROM"
                    + " processed_updates WHERE chat_id = ? ORDER BY rowid DESC LIMIT ?)", chatId, chatId,
                    KEPT_UPDATE_IDS);
        }

        @Override
        public void erase(long chatId) throws SQLException {
            sealed.forget(chatId);
            db.update("DELETE FROM outbox WHERE chat_id = ?", chatId);
            db.update("DELETE FROM processed_updates WHERE chat_id = ?", chatId);
            db.update("DELETE FROM conversations WHERE chat_id = ?", chatId);
        }

        @Override
        public void queue(long chatId, Reply reply, long now) throws SQLException {
            db.update("INSERT INTO outbox (chat_id, created_at, blob) VALUES (?, ?, ?)",
                    chatId, now, sealed.seal(chatId, reply));
        }

        @Override
        public void count(LocalDate day, RequestOption option, Language language) throws SQLException {
            db.update("INSERT INTO counters (day, option, language, count) VALUES (?, ?, ?, 1)"
                    + " ON CONFLICT (day, option, language) DO UPDATE SET count = count + 1",
                    day.toString(), option.name(), language.name());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
