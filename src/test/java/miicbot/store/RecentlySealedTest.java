package miicbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RecentlySealedTest {
    private final AnswerCipher cipher = new AnswerCipher(new byte[32]);

    private byte[] seal(long chat, String text) {
        return cipher.seal(chat, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aChatKeepsOnlyItsNewestConversation() {
        RecentlySealed<String> recent = RecentlySealed.perChat(10);
        byte[] first = seal(1, "first");
        byte[] second = seal(1, "second");
        recent.put(1, first, "first");
        recent.put(1, second, "second");
        assertNull(recent.get(1, first), "an older record is opened, not remembered");
        assertEquals("second", recent.get(1, second));
        assertNull(recent.get(2, second), "another chat's row holding these bytes");
    }

    @Test
    void aReplyIsRememberedUntilItIsTakenOnce() {
        RecentlySealed<String> recent = RecentlySealed.perRecord(10);
        byte[] a = seal(1, "a");
        byte[] b = seal(1, "b");
        recent.put(1, a, "a");
        recent.put(1, b, "b");
        assertEquals("a", recent.take(1, a));
        assertNull(recent.take(1, a));
        assertEquals("b", recent.get(1, b));
    }

    @Test
    void changedBytesForgottenChatsAndTheLeastRecentlyUsedAreNotHits() {
        RecentlySealed<String> recent = RecentlySealed.perRecord(2);
        byte[] a = seal(1, "a");
        recent.put(1, a, "a");
        byte[] changed = a.clone();
        changed[changed.length - 1] ^= 1;
        assertNull(recent.get(1, changed));
        recent.forget(1);
        assertNull(recent.get(1, a));
        byte[] b = seal(2, "b");
        byte[] c = seal(3, "c");
        byte[] d = seal(4, "d");
        recent.put(2, b, "b");
        recent.put(3, c, "c");
        recent.put(4, d, "d");
        assertNull(recent.get(2, b), "dropped: capacity 2");
        assertEquals("d", recent.get(4, d));
    }
}
