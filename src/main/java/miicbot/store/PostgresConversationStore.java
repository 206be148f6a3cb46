package miicbot.store;

import static miicbot.store.PostgresSql.describe;
import static miicbot.store.PostgresSql.error;
import static miicbot.store.PostgresSql.exists;
import static miicbot.store.PostgresSql.longs;
import static miicbot.store.PostgresSql.prepare;
import static miicbot.store.PostgresSql.update;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import miicbot.chat.ClaimedElsewhere;
import miicbot.chat.ConversationStore;
import miicbot.engine.Conversation;
import miicbot.engine.Outcome;
import miicbot.interview.ChildRequest;

/**
 * The conversation store in PostgreSQL, shared by several bot replicas (DATABASE_URL), through a HikariCP pool.
 *
 * <p>How replicas stay out of each other's way: every change to a chat runs in one transaction that first takes
 * the chat's advisory lock ({@code pg_advisory_xact_lock(chat_id)}), then checks the update id, so one chat's
 * updates are applied one at a time and exactly once whichever replica receives them. Delivery: a replica claims
 * a chat's outbox up to its newest reply ({@code outbox_claims}, by the database's clock) before sending; another
 * replica asking for the same chat is told to come back ({@link ClaimedElsewhere}) until that claim is released or
 * has expired ({@value #CLAIM_MILLIS} ms after its last renewal), so replies go out once and in order, and a
 * crashed replica's replies are sent by the next one that asks. A poll's updates share one transaction. Records are sealed by {@link AnswerCipher} exactly as in SQLite.
 */
public final class PostgresConversationStore implements ConversationStore {
    /** How long a claim holds without renewal: longer than a chat's slowest send (a form, paced, with retries). */
    static final long CLAIM_MILLIS = 30_000;
    // How soon a chat claimed by another replica is looked at again: soon after a live replica's short send, and
    // at most 4 claim checks a second per chat while a dead replica's claim runs out.
    private static final long CLAIM_RECHECK_MILLIS = 250;
    private static final String NOW_MS = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

    private final HikariDataSource pool;
    private final SealedJson sealed;
    private final Clock clock;
    private final String where;
    private final long claimMillis;
    // Identifies this store's claims; a new one at every start, so a restarted replica never trusts old claims.
    private final String owner = UUID.randomUUID().toString();

    private PostgresConversationStore(HikariDataSource pool, SealedJson sealed, Clock clock, String where,
                                      long claimMillis) {
        this.claimMillis = claimMillis;
        this.pool = pool;
        this.sealed = sealed;
        this.clock = clock;
        this.where = where;
    }

    /**
     * Connects to {@code jdbcUrl} (user and password may be in the URL or given apart, null for none), migrates the
     * schema and checks the key. Fails with a one-line {@link StoreException} that names no password.
     */
    public static PostgresConversationStore open(String jdbcUrl, String user, String password, DataKey key,
                                                 Clock clock, int poolSize) {
        return open(jdbcUrl, user, password, key, clock, poolSize, CLAIM_MILLIS);
    }

    /** As above, with claims that expire after {@code claimMillis} (tests of a crashed replica use a short one). */
    public static PostgresConversationStore open(String jdbcUrl, String user, String password, DataKey key, Clock clock,
                                          int poolSize, long claimMillis) {
        String where = describe(jdbcUrl);
        HikariDataSource pool = PostgresSql.connect(jdbcUrl, user, password, poolSize, where);
        try (Connection c = pool.getConnection()) {
            PostgresSchema.prepare(c, key, where);
        } catch (SQLException e) {
            pool.close();
            throw error(e, where);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new PostgresConversationStore(pool, new SealedJson(key.cipher()), Objects.requireNonNull(clock), where,
                claimMillis);
    }

    @Override
    public Optional<Outcome> apply(long chatId, long updateId, Function<Optional<Conversation>, Outcome> engine) {
        return inTransaction(chatId, c -> new PostgresRows(c, sealed).apply(chatId, updateId, engine, clock));
    }

    /**
     * A whole poll in one transaction, as on SQLite: the chats' advisory locks are taken first, in ascending chat
     * id, so two batches touching the same chats cannot deadlock; then each change is applied in order.
     */
    @Override
    public List<Optional<Outcome>> applyAll(List<Change> changes) {
        return inTransaction(null, c -> {
            for (long chatId : new TreeSet<>(changes.stream().map(Change::chatId).toList())) {
                try (PreparedStatement lock = prepare(c, "SELECT pg_advisory_xact_lock(?)", chatId)) {
                    lock.execute();
                }
            }
            return new PostgresRows(c, sealed).applyAll(changes, clock);
        });
    }

    @Override
    public Optional<Conversation> load(long chatId) {
        return inTransaction(null, c -> new PostgresRows(c, sealed).read(chatId));
    }

    /**
     * The chat's undelivered replies, claimed for this replica. While another live replica holds the chat's claim,
     * throws {@link ClaimedElsewhere} with the claim's remaining time (at most {@value #CLAIM_RECHECK_MILLIS} ms),
     * so the caller reschedules the chat and no thread waits: replies never go out twice or out of order, and other
     * chats are not held up.
     */
    @Override
    public List<Pending> pending(long chatId) {
        Claim claim = claim(chatId);
        if (claim.waitMillis() > 0) {
            throw new ClaimedElsewhere(Math.min(claim.waitMillis(), CLAIM_RECHECK_MILLIS));
        }
        return claim.pending();
    }

    @Override
    public long quarantinedReplies() {
        return sealed.quarantined();
    }

    /** Claimed replies, or how long another replica's claim still runs (then nothing is claimed). */
    private record Claim(long waitMillis, List<Pending> pending) { }

    /** Under the chat's lock: checks for another live claim, else claims every pending reply of the chat. */
    private Claim claim(long chatId) {
        return inTransaction(chatId, c -> {
            try (PreparedStatement q = prepare(c, "SELECT owner, expires_at - " + NOW_MS
                    + " FROM outbox_claims WHERE chat_id = ?", chatId);
                 ResultSet r = q.executeQuery()) {
                if (r.next() && !r.getString(1).equals(owner) && r.getLong(2) > 0) {
                    return new Claim(r.getLong(2), List.of());
                }
            }
            List<Pending> pending = new ArrayList<>();
            List<Long> unreadable = new ArrayList<>();
            try (PreparedStatement q = prepare(c, "SELECT seq, blob FROM outbox WHERE chat_id = ? ORDER BY seq",
                    chatId);
                 ResultSet r = q.executeQuery()) {
                sealed.readOutbox(chatId, r, pending, unreadable);
            }
            for (long seq : unreadable) {
                update(c, "DELETE FROM outbox WHERE chat_id = ? AND seq = ?", chatId, seq);
            }
            if (!unreadable.isEmpty()) {
                sealed.quarantined(chatId, unreadable.size());
            }
            if (pending.isEmpty()) {
                update(c, "DELETE FROM outbox_claims WHERE chat_id = ?", chatId);
            } else {
                update(c, "INSERT INTO outbox_claims (chat_id, owner, last_seq, expires_at) VALUES (?, ?, ?, "
                        + NOW_MS + " + ?) ON CONFLICT (chat_id) DO UPDATE SET owner = excluded.owner,"
                        + " last_seq = excluded.last_seq, expires_at = excluded.expires_at",
                        chatId, owner, pending.get(pending.size() - 1).seq(), claimMillis);
            }
            return new Claim(0, pending);
        });
    }

    @Override
    public List<Long> chatsWithPending() {
        return inTransaction(null, c -> longs(c, "SELECT chat_id FROM outbox GROUP BY chat_id ORDER BY min(seq)"));
    }

    /** Removes the reply; renews this replica's claim, or releases it after the last claimed reply. */
    @Override
    public void delivered(long chatId, long seq) {
        inTransaction(chatId, c -> {
            update(c, "DELETE FROM outbox WHERE chat_id = ? AND seq = ?", chatId, seq);
            update(c, "DELETE FROM outbox_claims WHERE chat_id = ? AND owner = ? AND last_seq <= ?", chatId, owner,
                    seq);
            update(c, "UPDATE outbox_claims SET expires_at = " + NOW_MS + " + ? WHERE chat_id = ? AND owner = ?",
                    claimMillis, chatId, owner);
            return null;
        });
    }

    @Override
    public void forget(long chatId) {
        inTransaction(chatId, c -> {
            new PostgresRows(c, sealed).erase(chatId);
            return null;
        });
    }

    @Override
    public void remember(long chatId, List<ChatMessage> messages) {
        inTransaction(null, c -> messageRows(c).add(chatId, messages));
    }

    @Override
    public List<ChatMessage> remembered(long chatId) {
        return inTransaction(null, c -> messageRows(c).of(chatId));
    }

    @Override
    public void forgetMessages(long chatId, List<Long> messageIds) {
        inTransaction(null, c -> messageRows(c).remove(chatId, messageIds));
    }

    private static ChatMessageRows messageRows(Connection c) {
        return new ChatMessageRows(PostgresSql.statements(c));
    }

    @Override
    public int purgeIdleSince(Instant cutoff) {
        long before = cutoff.toEpochMilli();
        inTransaction(null, c -> messageRows(c).purgeBefore(before));
        Set<Long> chats = new LinkedHashSet<>(inTransaction(null, c -> {
            List<Long> idle = longs(c, "SELECT chat_id FROM conversations WHERE updated_at < ?", before);
            idle.addAll(longs(c, "SELECT chat_id FROM outbox WHERE chat_id NOT IN (SELECT chat_id FROM"
                    + " conversations) GROUP BY chat_id HAVING max(created_at) < ?", before));
            return idle;
        }));
        int erased = 0;
        for (long chatId : chats) {
            // Checked again under the chat's lock: a parent may have written since the list was made.
            boolean stillIdle = inTransaction(chatId, c -> {
                if (exists(c, "SELECT 1 FROM conversations WHERE chat_id = ? AND updated_at >= ?", chatId, before)
                        || exists(c, "SELECT 1 FROM outbox WHERE chat_id = ? AND created_at >= ?", chatId, before)) {
                    return false;
                }
                new PostgresRows(c, sealed).erase(chatId);
                return true;
            });
            erased += stillIdle ? 1 : 0;
        }
        return erased;
    }

    @Override
    public List<DailyCount> dailyCounts() {
        return inTransaction(null, PostgresSql::dailyCounts);
    }

    /** The database's size on disk in bytes, for the store-size metric. */
    public long sizeBytes() {
        return inTransaction(null, c -> longs(c, "SELECT pg_database_size(current_database())").get(0));
    }

    @Override
    public void close() {
        pool.close();
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction, holding the chat's advisory lock when {@code chatId} is given. */
    private <T> T inTransaction(Long chatId, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (chatId != null) {
                    try (PreparedStatement lock = prepare(c, "SELECT pg_advisory_xact_lock(?)", chatId)) {
                        lock.execute();
                    }
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Throwable e) { // an Error too: the pooled connection must not go back mid-transaction
                try {
                    c.rollback();
                } catch (SQLException undo) {
                    e.addSuppressed(undo);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw error(e, where);
        }
    }
}
