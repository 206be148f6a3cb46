package miicbot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import miicbot.chat.ChatTag;
import miicbot.engine.Event;
import miicbot.engine.Outcome;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessages;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Changes to messages already in a chat, made after the chat's replies are out: the tapped question shows the
 * chosen answer (or only loses its buttons), and a typed personal answer is deleted. Each is cosmetic or already
 * tried hard, so a refusal or a give-up drops it.
 */
final class TidyUps {
    private static final Logger LOG = Logger.getLogger(TidyUps.class.getName());
    /** Bot API: deleteMessages takes 1-100 message ids. */
    private static final int MAX_DELETIONS = 100;

    private final BotApi api;
    private final Map<Language, Catalogue> catalogues;
    private final boolean deleteTypedAnswers;

    TidyUps(BotApi api, Map<Language, Catalogue> catalogues, boolean deleteTypedAnswers) {
        this.api = api;
        this.catalogues = catalogues;
        this.deleteTypedAnswers = deleteTypedAnswers;
    }

    /**
     * What the chat is owed once {@code p} is applied: the question the parent tapped shows the chosen answer when
     * the tap moved the interview on, otherwise it only loses its buttons; never twice, never when Telegram says it
     * has no buttons left. A typed personal answer is deleted, accepted or not.
     */
    void owe(ChatView view, Incoming.Private p, Outcome outcome) {
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
        if (deleteTypedAnswers && outcome.personalAnswer() && p.userMessageId() > 0) {
            view.oweDelete(p.userMessageId());
        }
    }

    /**
     * Makes the tidy-ups the chat is owed, edits first. Returns 0 when all are made, or how long a 429 still blocks
     * the chat: the rest wait for the next delivery run.
     */
    long make(long chatId, ChatView view) throws BotApi.RetryLater, InterruptedException {
        List<ChatView.Delete> deletions = new ArrayList<>();
        for (ChatView.TidyUp tidyUp : view.owed()) {
            if (tidyUp instanceof ChatView.Delete delete) {
                deletions.add(delete);
                continue;
            }
            long wait = api.blockedFor(chatId);
            if (wait > 0) {
                return wait;
            }
            tidy(chatId, tidyUp);
            view.done(tidyUp);
        }
        // A backlog's typed answers go in one deleteMessages call per 100 (Bot API limit), not one call each.
        for (int from = 0; from < deletions.size(); from += MAX_DELETIONS) {
            List<ChatView.Delete> some = deletions.subList(from, Math.min(deletions.size(), from + MAX_DELETIONS));
            long wait = api.blockedFor(chatId);
            if (wait > 0) {
                return wait;
            }
            delete(chatId, some);
            some.forEach(view::done);
        }
        return 0;
    }

    private void delete(long chatId, List<ChatView.Delete> deletions) throws BotApi.RetryLater, InterruptedException {
        if (deletions.size() == 1) {
            tidy(chatId, deletions.get(0));
            return;
        }
        try {
            api.unpaced(chatId, DeleteMessages.builder().chatId(chatId)
                    .messageIds(deletions.stream().map(ChatView.Delete::messageId).toList()).build());
        } catch (BotApi.GaveUp e) {
            LOG.warning("chat " + ChatTag.of(chatId) + ": tidying failed: " + e.getClass().getSimpleName());
        }
    }

    private void tidy(long chatId, ChatView.TidyUp tidyUp) throws BotApi.RetryLater, InterruptedException {
        try {
            if (tidyUp instanceof ChatView.ShowAnswer show) {
                api.unpaced(chatId, EditMessageText.builder().chatId(chatId).messageId(show.messageId())
                        .text(show.text()).build());
            } else if (tidyUp instanceof ChatView.RemoveButtons remove) {
                api.unpaced(chatId, EditMessageReplyMarkup.builder().chatId(chatId).messageId(remove.messageId())
                        .build());
            } else if (tidyUp instanceof ChatView.Delete delete) {
                api.unpaced(chatId, DeleteMessage.builder().chatId(chatId).messageId(delete.messageId()).build());
            }
        } catch (BotApi.GaveUp e) {
            LOG.warning("chat " + ChatTag.of(chatId) + ": tidying failed: " + e.getClass().getSimpleName());
        }
    }
}
