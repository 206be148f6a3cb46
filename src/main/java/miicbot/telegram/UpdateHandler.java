package miicbot.telegram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import miicbot.chat.ChatService;
import miicbot.chat.ChatTag;
import miicbot.engine.Event;
import miicbot.engine.Outcome;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Takes the updates the poller receives. Each is applied to the store right here, on the poller's thread and in
 * order, before the consumer returns: TelegramBots confirms updates to Telegram with its next getUpdates, so an
 * update is confirmed only once it is durably applied, and a crash loses nothing (a redelivered update is
 * recognised by its id). Delivery, which can be slow (forms, retries, pacing), runs on each chat's own queue.
 * Callback queries are answered at once on a small pool, so the spinner stops at once. Nothing thrown here
 * escapes: an exception out of the consumer would stop TelegramBots' polling for good.
 */
final class UpdateHandler implements LongPollingUpdateConsumer {
    private static final Logger LOG = Logger.getLogger(UpdateHandler.class.getName());

    private final ChatService chats;
    private final TelegramSender sender;
    private final BotApi api;
    private final ChatQueues queues;
    private final ExecutorService answers;
    private final Map<Language, Catalogue> catalogues;
    private final boolean deleteTypedAnswers;
    private final EditedMessages edits = new EditedMessages();
    private final Set<Long> groupsTold = Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > 10_000;
        }
    });

    UpdateHandler(ChatService chats, TelegramSender sender, BotApi api, ChatQueues queues, ExecutorService answers,
                  Map<Language, Catalogue> catalogues, boolean deleteTypedAnswers) {
        this.chats = chats;
        this.sender = sender;
        this.api = api;
        this.queues = queues;
        this.answers = answers;
        this.catalogues = catalogues;
        this.deleteTypedAnswers = deleteTypedAnswers;
    }

    @Override
    public void consume(List<Update> updates) {
        for (Update update : updates) {
            accept(update, true);
        }
    }

    /**
     * Applies one update, or recognises it as a repeat; false only when the store failed, so the webhook can answer
     * 5xx and Telegram sends it again. {@code apologise}: tell the parent to send it again when the store failed
     * (polling, where the update is gone; not for a webhook, where Telegram resends it and a repeat would count
     * twice). Throws nothing.
     */
    boolean accept(Update update, boolean apologise) {
        try {
            return route(update, apologise);
        } catch (Throwable t) {
            LOG.log(Level.SEVERE, "update " + update.getUpdateId() + " could not be routed: "
                    + t.getClass().getName());
            return true; // a bug, not an outage: a resend would fail the same way
        }
    }

    private boolean route(Update update, boolean apologise) {
        Incoming incoming = Incoming.of(update, edits);
        if (incoming instanceof Incoming.Private p) {
            if (p.tap() != null) {
                answer(p.chatId(), p.tap().queryId());
            }
            Optional<Outcome> outcome;
            try {
                outcome = chats.apply(p.chatId(), p.updateId(), p.hint(), p.event());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "chat " + ChatTag.of(p.chatId()) + ": update not applied: "
                        + e.getClass().getName());
                if (apologise) {
                    queues.submit(p.chatId(), () -> sorry(p));
                }
                return false;
            }
            queues.submit(p.chatId(), () -> deliver(p, outcome));
        } else if (incoming instanceof Incoming.Group g) {
            queues.submit(g.chatId(), () -> tellGroup(g));
        } else if (incoming instanceof Incoming.AnswerOnly a) {
            answer(0, a.queryId());
        }
        return true;
    }

    private void answer(long chatId, String queryId) {
        answers.execute(() -> {
            try {
                api.unpaced(chatId, AnswerCallbackQuery.builder().callbackQueryId(queryId).build());
            } catch (Exception e) {
                LOG.warning("callback answer failed: " + e.getClass().getSimpleName());
            }
        });
    }

    /** Delivers the chat's replies; then tidies it: the tapped question shows its answer, typed PII goes. */
    private void deliver(Incoming.Private p, Optional<Outcome> outcome) {
        chats.deliverPending(p.chatId(), sender);
        if (outcome.isEmpty()) {
            return;
        }
        try {
            if (p.tap() != null && p.tap().question() != null) {
                showAnswer(p, outcome.get());
            }
            if (deleteTypedAnswers && outcome.get().personalAnswer() && p.userMessageId() > 0) {
                api.unpaced(p.chatId(), DeleteMessage.builder().chatId(p.chatId()).messageId(p.userMessageId()).build());
            }
        } catch (Exception e) {
            LOG.warning("chat " + ChatTag.of(p.chatId()) + ": tidying failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Edits the tapped question: when the tap moved the interview on, the question keeps its text and shows the
     * chosen answer instead of buttons; otherwise (a stale or refused tap) only its buttons go.
     */
    private void showAnswer(Incoming.Private p, Outcome outcome) throws Exception {
        Message question = p.tap().question();
        String label = Keyboards.label(question.getReplyMarkup(), p.tap().data());
        Event.Tap tap = (Event.Tap) p.event();
        boolean movedOn = label != null && outcome.conversation().ask() > tap.ask() && !tap.code().startsWith("about:");
        if (movedOn && question.getText() != null) {
            String text = TelegramSender.cut(question.getText(), TelegramSender.MAX_TEXT - label.length() - 4)
                    + "\n\n→ " + label;
            api.execute(p.chatId(), EditMessageText.builder().chatId(p.chatId()).messageId(question.getMessageId())
                    .text(text).build());
        } else if (question.getReplyMarkup() != null) {
            api.unpaced(p.chatId(), EditMessageReplyMarkup.builder().chatId(p.chatId())
                    .messageId(question.getMessageId()).build());
        }
    }

    /** Says once per group that the bot works only in private chats; stores nothing about the group. */
    private void tellGroup(Incoming.Group g) {
        boolean first;
        synchronized (groupsTold) {
            first = groupsTold.add(g.chatId());
        }
        if (first) {
            try {
                api.execute(g.chatId(), SendMessage.builder().chatId(g.chatId())
                        .text(catalogues.get(g.hint()).text("group.private_only")).build());
            } catch (Exception e) {
                LOG.warning("group notice failed: " + e.getClass().getSimpleName());
            }
        }
    }

    /** When the store failed, the parent still hears something and can try again. */
    private void sorry(Incoming.Private p) {
        try {
            api.execute(p.chatId(), SendMessage.builder().chatId(p.chatId())
                    .text(catalogues.get(p.hint()).text("error.try_again")).build());
        } catch (Exception e) {
            LOG.warning("apology failed: " + e.getClass().getSimpleName());
        }
    }
}
