package miicbot.telegram;

import miicbot.engine.Event;
import miicbot.i18n.Language;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** What one Telegram update means to the bot, before anything is done with it. */
sealed interface Incoming {

    /**
     * A parent's event in a private chat.
     *
     * @param userMessageId the parent's own message (for deleting a typed personal answer), or 0 for a tap
     * @param tap           the tapped button's query and message, or null for a typed message
     */
    record Private(long chatId, long updateId, Language hint, Event event, int userMessageId, Tapped tap)
            implements Incoming { }

    /** A callback query: to be answered at once, and its question edited once handled; {@code fromId} tapped. */
    record Tapped(String queryId, Message question, String data, long fromId) { }

    /** Anything in a group, supergroup or channel: the bot works only in private chats. */
    record Group(long chatId, Language hint) implements Incoming { }

    /** A callback on a message the bot can no longer see, in a chat not private: only to be answered. */
    record AnswerOnly(String queryId) implements Incoming { }

    /** Nothing to do: an unknown update type, an update without a chat. */
    record Ignored() implements Incoming { }

    /** Reads an update; never throws on missing fields. */
    static Incoming of(Update update, EditedMessages edits) {
        long updateId = update.getUpdateId() == null ? -1 : update.getUpdateId();
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            if (query.getMessage() == null || query.getMessage().getChatId() == null) {
                return new AnswerOnly(query.getId());
            }
            if (!query.getMessage().isUserMessage()) {
                return new AnswerOnly(query.getId());
            }
            Message question = query.getMessage() instanceof Message m ? m : null;
            return new Private(query.getMessage().getChatId(), updateId, hint(query.getFrom()),
                    Keyboards.tap(query.getData()), 0, new Tapped(query.getId(), question, query.getData(),
                    query.getFrom() == null ? 0 : query.getFrom().getId()));
        }
        boolean edited = update.hasEditedMessage();
        Message message = edited ? update.getEditedMessage() : update.getMessage();
        if (message == null || message.getChat() == null || message.getChatId() == null) {
            return new Ignored();
        }
        if (!message.isUserMessage()) {
            return new Group(message.getChatId(), hint(message.getFrom()));
        }
        long chatId = message.getChatId();
        int messageId = message.getMessageId() == null ? 0 : message.getMessageId();
        if (edited) {
            // An edit counts as a new answer only when it edits the parent's latest message.
            if (!message.hasText() || !edits.isLatest(chatId, messageId)) {
                return new Ignored();
            }
        } else {
            edits.sent(chatId, messageId);
        }
        Event event = message.hasText() ? Event.ofTyped(message.getText())
                : message.hasContact() ? contact(message) : new Event.Unsupported();
        return new Private(chatId, updateId, hint(message.getFrom()), event, messageId, null);
    }

    /** A shared contact card; it is the parent's own only when its user id is the sender's (Bot API: Contact). */
    private static Event contact(Message message) {
        var card = message.getContact();
        boolean own = card.getUserId() != null && message.getFrom() != null
                && card.getUserId().equals(message.getFrom().getId());
        return new Event.Contact(card.getPhoneNumber() == null ? "" : card.getPhoneNumber(), own);
    }

    private static Language hint(org.telegram.telegrambots.meta.api.objects.User user) {
        return Language.fromTag(user == null ? null : user.getLanguageCode());
    }
}
