package miicbot.telegram;

import java.util.logging.Logger;
import miicbot.metrics.Metrics;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * What an update means to the operators, before the interview sees it: its kind is counted, and an admin's /stats
 * (a chat in ADMIN_CHAT_IDS) is answered here, so the engine stays pure; anyone else's /stats reaches the engine
 * as any unknown command.
 */
final class AdminCommands {
    private static final Logger LOG = Logger.getLogger(AdminCommands.class.getName());

    private final BotOperations operations;
    private final ChatQueues queues;
    private final Notices notices;

    AdminCommands(BotOperations operations, ChatQueues queues, Notices notices) {
        this.operations = operations;
        this.queues = queues;
        this.notices = notices;
    }

    /** Counts the update's kind, and answers an admin's /stats; true when nothing more is to be done with it. */
    boolean handled(Update update) {
        try {
            operations.metrics().update(kind(update));
            Message message = update.getMessage();
            if (message != null && message.isUserMessage() && message.hasText()
                    && operations.adminChatIds().contains(message.getChatId())
                    && message.getText().strip().matches("/stats(@\\w+)?")) {
                long chatId = message.getChatId();
                queues.submit(chatId, () -> notices.say(chatId, operations.stats().get(), "stats reply"));
                return true;
            }
        } catch (RuntimeException e) {
            LOG.warning("update " + update.getUpdateId() + ": " + e.getClass().getSimpleName());
        }
        return false;
    }

    private static Metrics.UpdateKind kind(Update update) {
        if (update.hasMessage()) {
            return Metrics.UpdateKind.MESSAGE;
        } else if (update.hasEditedMessage()) {
            return Metrics.UpdateKind.EDITED_MESSAGE;
        } else if (update.hasCallbackQuery()) {
            return Metrics.UpdateKind.CALLBACK_QUERY;
        }
        return Metrics.UpdateKind.OTHER;
    }
}
