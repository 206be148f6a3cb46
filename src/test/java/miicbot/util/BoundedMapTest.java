package miicbot.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BoundedMapTest {
    @Test
    void leastRecentlyUsedDropsTheEntryNotReadLongest() {
        BoundedMap<Integer, String> map = BoundedMap.leastRecentlyUsed(2);
        map.put(1, "one");
        map.put(2, "two");
        assertEquals("one", map.get(1)); // 1 is now the most recently used
        map.put(3, "three");
        assertNull(map.get(2));
        assertEquals("one", map.get(1));
        assertEquals("three", map.get(3));
        assertEquals(2, map.size());
    }

    @Test
    void oldestFirstDropsTheEntryAddedFirstEvenIfRead() {
        BoundedMap<Integer, String> map = BoundedMap.oldestFirst(2);
        map.put(1, "one");
        map.put(2, "two");
        assertEquals("one", map.get(1));
        map.put(3, "three");
        assertNull(map.get(1));
        assertEquals("two", map.get(2));
    }

    @Test
    void putIfAbsentKeepsTheFirstValueAndSaysSo() {
        BoundedMap<String, Integer> map = BoundedMap.leastRecentlyUsed(4);
        assertNull(map.putIfAbsent("a", 1));
        assertEquals(1, map.putIfAbsent("a", 2));
        assertEquals(1, map.get("a"));
        assertEquals(7, map.computeIfAbsent("b", key -> 7));
        assertEquals(7, map.computeIfAbsent("b", key -> 8));
    }

    @Test
    void removeKeysIfRemovesOnlyMatchingKeys() {
        BoundedMap<Integer, String> map = BoundedMap.leastRecentlyUsed(10);
        for (int i = 0; i < 6; i++) {
            map.put(i, "v" + i);
        }
        map.removeKeysIf(key -> key % 2 == 0);
        assertEquals(3, map.size());
        assertNull(map.get(4));
        assertEquals("v5", map.get(5));
        assertEquals("v3", map.remove(3));
        assertEquals(2, map.size());
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BoundedMap.oldestFirst(0));
    }
}
