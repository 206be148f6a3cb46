package miicbot.chat;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Chat tags in logs: stable within a run, eight hex digits, spread evenly so two chats rarely share one. */
class ChatTagTest {
    @Test
    void theSameChatAlwaysGetsTheSameTag() {
        assertEquals(ChatTag.of(123456789L), ChatTag.of(123456789L));
        assertTrue(ChatTag.of(-1001234567890L).matches("[0-9a-f]{8}"), ChatTag.of(-1001234567890L));
    }

    @Test
    void theTagDoesNotShowTheChatId() {
        // Ids of 7-8 hex digits: a random salt shows them by chance once in hundreds of millions of runs, while a
        // short id ("2a" for 42) turns up in a random tag often, which proves nothing.
        for (long id : new long[] {123456789L, 2147483647L, 987654321L}) {
            assertFalse(ChatTag.of(id).contains(Long.toHexString(id)), ChatTag.of(id));
        }
        assertNotEquals(String.format("%08x", 42), ChatTag.of(42));
    }

    @Test
    void consecutiveChatsGetEvenlySpreadTags() {
        int n = 16 * 1024;
        Set<String> tags = new HashSet<>();
        int[] first = new int[16];
        int[] last = new int[16];
        for (long id = 1; id <= n; id++) {
            String tag = ChatTag.of(id);
            tags.add(tag);
            first[Character.digit(tag.charAt(0), 16)]++;
            last[Character.digit(tag.charAt(7), 16)]++;
        }
        // 16,384 tags of 32 bits: about 0.03 collisions expected; a weak mix gives thousands.
        assertTrue(tags.size() >= n - 5, "distinct tags: " + tags.size());
        for (int d = 0; d < 16; d++) {
            // Expected 1,024 per digit, standard deviation about 31: 700..1,350 is over ten deviations wide.
            assertTrue(first[d] > 700 && first[d] < 1350, "first digit " + d + ": " + first[d]);
            assertTrue(last[d] > 700 && last[d] < 1350, "last digit " + d + ": " + last[d]);
        }
    }
}
