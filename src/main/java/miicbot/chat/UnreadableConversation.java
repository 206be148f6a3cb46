package miicbot.chat;

/**
 * A chat's stored conversation cannot be opened: it fails its integrity check, or it was written in a shape this
 * version cannot read. It concerns that one chat only: {@link ChatService} erases the chat's records and starts it
 * over, telling the parent. The message names no content, only the chat's tag.
 */
public final class UnreadableConversation extends RuntimeException {
    private final long chatId;

    public UnreadableConversation(long chatId, Throwable cause) {
        // No cause message: it could name the file, never content, but one line is all the log needs.
        super("chat " + ChatTag.of(chatId) + ": the stored conversation cannot be opened", cause);
        this.chatId = chatId;
    }

    public long chatId() {
        return chatId;
    }
}
