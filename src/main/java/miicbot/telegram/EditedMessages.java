package miicbot.telegram;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers each chat's latest message from the parent, so an edit of that message is taken as the new answer
 * and an edit of an older one is ignored. Bounded: the least recently active chats are forgotten first.
 */
final class EditedMessages {
    private static final int MAX_CHATS = 10_000;

    private final Map<Long, Integer> latest = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
            return size() > MAX_CHATS;
        }
    };

    synchronized void sent(long chatId, int messageId) {
        latest.put(chatId, messageId);
    }

    synchronized boolean isLatest(long chatId, int messageId) {
        Integer last = latest.get(chatId);
        return last != null && last == messageId;
    }
}
