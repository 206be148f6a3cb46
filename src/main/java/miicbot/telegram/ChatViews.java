package miicbot.telegram;

import miicbot.util.BoundedMap;

/** Each chat's {@link ChatView}, for the 10,000 chats active last; a chat forgotten starts with an empty view. */
final class ChatViews {
    private static final int CHATS = 10_000;

    private final BoundedMap<Long, ChatView> views = BoundedMap.leastRecentlyUsed(CHATS);

    ChatView of(long chatId) {
        return views.computeIfAbsent(chatId, id -> new ChatView());
    }
}
