package miicbot.util;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A map that keeps at most {@code capacity} entries and drops the eldest first: in least-recently-used order, or in
 * the order entries were added. Thread-safe (each call holds the map's lock). Why not a cache library: the bot
 * needs only this, for a handful of per-chat memories that may be forgotten at any time without harm.
 */
public final class BoundedMap<K, V> {
    private final Map<K, V> entries;

    private BoundedMap(int capacity, boolean accessOrder) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 12) * 4 / 3 + 1, 0.75f, accessOrder) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Drops the entry used (read or written) least recently. */
    public static <K, V> BoundedMap<K, V> leastRecentlyUsed(int capacity) {
        return new BoundedMap<>(capacity, true);
    }

    /** Drops the entry added first, however often it is read. */
    public static <K, V> BoundedMap<K, V> oldestFirst(int capacity) {
        return new BoundedMap<>(capacity, false);
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized V put(K key, V value) {
        return entries.put(key, value);
    }

    /** As {@link Map#putIfAbsent}: the value already there, or null when {@code value} was added. */
    public synchronized V putIfAbsent(K key, V value) {
        return entries.putIfAbsent(key, value);
    }

    /** The value for {@code key}, made by {@code make} (under the map's lock) when there is none. */
    public synchronized V computeIfAbsent(K key, Function<? super K, ? extends V> make) {
        return entries.computeIfAbsent(key, make);
    }

    public synchronized V remove(K key) {
        return entries.remove(key);
    }

    /** Removes every entry whose key matches. */
    public synchronized void removeKeysIf(Predicate<? super K> matches) {
        entries.keySet().removeIf(matches);
    }

    public synchronized int size() {
        return entries.size();
    }
}
