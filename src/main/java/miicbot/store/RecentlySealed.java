package miicbot.store;

import java.util.Arrays;
import miicbot.util.BoundedMap;

/**
 * What this process sealed lately: opening a record it sealed itself then costs a byte comparison instead of
 * AES-GCM and JSON. Why: each update opened the conversation the update before had sealed, and each reply was
 * opened again to be sent, half the store's CPU in a profile. A hit needs the exact sealed bytes, so a record
 * changed in the database (or written by another replica) is opened and checked as before. At most
 * {@code capacity} records are kept, the least recently used dropped first; {@link #forget} drops a chat's at
 * once (/forget, purging); nothing here outlives the process.
 */
final class RecentlySealed<T> {
    /** A record's name: its chat, and for {@link #perRecord} kinds its random nonce (bytes 1-12, see AnswerCipher). */
    private record Key(long chatId, long nonceStart, int nonceEnd) { }

    private record Entry<T>(byte[] sealed, T value) { }

    private final BoundedMap<Key, Entry<T>> entries;
    private final boolean perRecord;

    private RecentlySealed(int capacity, boolean perRecord) {
        this.perRecord = perRecord;
        this.entries = BoundedMap.leastRecentlyUsed(capacity);
    }

    /** The newest record of each chat only (a conversation: each seal replaces the chat's last). */
    static <T> RecentlySealed<T> perChat(int capacity) {
        return new RecentlySealed<>(capacity, false);
    }

    /** Every record (replies: a chat may have several waiting). */
    static <T> RecentlySealed<T> perRecord(int capacity) {
        return new RecentlySealed<>(capacity, true);
    }

    /** Remembers that {@code sealed} holds {@code value}. */
    synchronized void put(long chatId, byte[] sealed, T value) {
        entries.put(key(chatId, sealed), new Entry<>(sealed, value));
    }

    /** The value sealed into exactly these bytes for this chat, or null when this process did not seal them. */
    synchronized T get(long chatId, byte[] sealed) {
        Entry<T> entry = entries.get(key(chatId, sealed));
        return entry != null && Arrays.equals(entry.sealed(), sealed) ? entry.value() : null;
    }

    /** As {@link #get}, and forgets it: for a record read once (a reply, read to be sent). */
    synchronized T take(long chatId, byte[] sealed) {
        T value = get(chatId, sealed);
        if (value != null) {
            entries.remove(key(chatId, sealed));
        }
        return value;
    }

    /** Drops everything of this chat. */
    synchronized void forget(long chatId) {
        entries.removeKeysIf(key -> key.chatId() == chatId);
    }

    private Key key(long chatId, byte[] sealed) {
        if (!perRecord || sealed.length < 13) {
            return new Key(chatId, 0, 0);
        }
        long start = 0;
        for (int i = 1; i <= 8; i++) {
            start = start << 8 | (sealed[i] & 0xff);
        }
        int end = 0;
        for (int i = 9; i <= 12; i++) {
            end = end << 8 | (sealed[i] & 0xff);
        }
        return new Key(chatId, start, end);
    }
}
