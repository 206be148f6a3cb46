package miicbot.telegram;

import java.util.Map;
import java.util.logging.Logger;
import miicbot.chat.ChatTag;
import miicbot.engine.Event;
import miicbot.engine.Outcome;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Changes to messages already in a chat, made after the chat's replies are out: the tapped question shows the
 * chosen answer (or only loses its buttons). Each is cosmetic, so a refusal or a give-up drops it. (Typed personal
 * answers are kept in the conversation and deleted with the review: see {@link TelegramSender}.)
 */
final class TidyUps {
    private static final Logger LOG = Logger.getLogger(TidyUps.class.getName());

    private final BotApi api;
    private final Map<Language, Catalogue> catalogues;

    TidyUps(BotApi api, Map<Language, Catalogue> catalogues) {
        this.api = api;
        this.catalogues = catalogues;
    }

    /**
     * What the chat is owed once {@code p} is applied: the question the parent tapped shows the chosen answer when
     * the tap moved the interview on, otherwise it only loses its buttons; never twice, never when Telegram says it
     * has no buttons left.
     */
    void owe(ChatView view, Incoming.Private p, Outcome outcome) {
        if (outcome.forget()) {
            return; // the chat is erased, or cleared: the tapped message may be gone
        }
        if (p.tap() != null && p.tap().question() != null && p.tap().question().getReplyMarkup() != null) {
            Message question = p.tap().question();
            String label = Keyboards.label(question.getReplyMarkup(), p.tap().data());
            Event.Tap tap = (Event.Tap) p.event();
            boolean movedOn = label != null && outcome.movedOnFrom(tap.ask());
            if (movedOn && question.getText() != null) {
                // In words, not an arrow: a screen reader says "right arrow", which does not tell what it was.
                String chosen = catalogues.get(outcome.conversation().language())
                        .text("common.chosen", Map.of("value", label));
                String text = TelegramSender.cut(question.getText(), TelegramSender.MAX_TEXT - chosen.length() - 2)
                        + "\n\n" + chosen;
                view.oweEdit(new ChatView.ShowAnswer(question.getMessageId(), text));
            } else {
                view.oweEdit(new ChatView.RemoveButtons(question.getMessageId()));
            }
        }
    }

    /**
     * Makes the tidy-ups the chat is owed. Returns 0 when all are made, or how long a 429 still blocks
     * the chat: the rest wait for the next delivery run.
     */
    long make(long chatId, ChatView view) throws BotApi.RetryLater, InterruptedException {
        for (ChatView.TidyUp tidyUp : view.owed()) {
            long wait = api.blockedFor(chatId);
            if (wait > 0) {
                return wait;
            }
            tidy(chatId, tidyUp);
            view.done(tidyUp);
        }
        return 0;
    }

    private void tidy(long chatId, ChatView.TidyUp tidyUp) throws BotApi.RetryLater, InterruptedException {
        try {
            if (tidyUp instanceof ChatView.ShowAnswer show) {
                api.unpaced(chatId, EditMessageText.builder().chatId(chatId).messageId(show.messageId())
                        .text(show.text()).build());
            } else if (tidyUp instanceof ChatView.RemoveButtons remove) {
                api.unpaced(chatId, EditMessageReplyMarkup.builder().chatId(chatId).messageId(remove.messageId())
                        .build());
            }
        } catch (BotApi.GaveUp e) {
            LOG.warning("chat " + ChatTag.of(chatId) + ": tidying failed: " + e.getClass().getSimpleName());
        }
    }
}
