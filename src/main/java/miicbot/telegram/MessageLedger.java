package miicbot.telegram;

import java.time.Clock;
import java.util.List;
import miicbot.chat.ChatService;
import miicbot.chat.ConversationStore.ChatMessage;

/**
 * The chat's messages the bot keeps track of so "clear this chat" can delete them: its own as they are sent, the
 * parent's as they arrive. Only their numbers and times are stored (see {@link ChatService#remember}).
 */
final class MessageLedger {
    private final ChatService chats;
    private final Clock clock;

    MessageLedger(ChatService chats, Clock clock) {
        this.chats = chats;
        this.clock = clock;
    }

    /** Messages that just went to, or came from, the chat; numbers of 0 or less (none given) are left out. */
    void add(long chatId, List<Integer> messageIds) {
        List<ChatMessage> known = messageIds.stream().filter(id -> id > 0)
                .map(id -> new ChatMessage(id, clock.instant())).toList();
        if (!known.isEmpty()) {
            chats.remember(chatId, known);
        }
    }

    List<ChatMessage> all(long chatId) {
        return chats.remembered(chatId);
    }

    /** Deleted, or beyond deleting: not to be tried again. */
    void drop(long chatId, List<Long> messageIds) {
        if (!messageIds.isEmpty()) {
            chats.forgetMessages(chatId, messageIds);
        }
    }
}
