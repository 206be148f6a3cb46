package miicbot.chat;

import java.security.SecureRandom;

/**
 * An opaque tag for a chat in log lines: the same chat gives the same tag while the process runs, and the tag
 * cannot be matched to a chat id without the random salt that is drawn anew at every start and never written.
 */
public final class ChatTag {
    private static final long SALT = new SecureRandom().nextLong();

    private ChatTag() {
    }

    /** Eight hex digits, e.g. {@code 3fa91c07}. */
    public static String of(long chatId) {
        // SplitMix64's finaliser: a bijection on longs, so tags spread evenly; 32 bits kept, the rest dropped.
        long z = chatId ^ SALT;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z ^= z >>> 31;
        return String.format("%08x", z >>> 32);
    }
}
