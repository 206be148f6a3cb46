package miicbot.telegram;

import miicbot.util.BoundedMap;

/**
 * Remembers each chat's latest message from the parent, so an edit of that message is taken as the new answer
 * and an edit of an older one is ignored. Bounded: the least recently active chats are forgotten first.
 */
final class EditedMessages {
    private static final int MAX_CHATS = 10_000;

    private final BoundedMap<Long, Integer> latest = BoundedMap.leastRecentlyUsed(MAX_CHATS);

    void sent(long chatId, int messageId) {
        latest.put(chatId, messageId);
    }

    boolean isLatest(long chatId, int messageId) {
        Integer last = latest.get(chatId);
        return last != null && last == messageId;
    }
}
