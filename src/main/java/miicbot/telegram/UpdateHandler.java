package miicbot.telegram;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import miicbot.chat.ChatService;
import miicbot.chat.ChatTag;
import miicbot.chat.ClaimedElsewhere;
import miicbot.chat.ConversationStore;
import miicbot.engine.Event;
import miicbot.engine.Outcome;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.metrics.Metrics;
import miicbot.store.StoreException;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Takes the updates the poller receives. A whole poll is applied to the store right here, on the poller's thread,
 * in order and in one transaction, before the consumer returns: TelegramBots confirms updates to Telegram with its
 * next getUpdates, so an update is confirmed only once it is durably applied, and a crash loses nothing (a
 * redelivered update is recognised by its id). When the store fails, the consumer retries with back-off and does
 * not return, so nothing unapplied is ever confirmed. Delivery, which can be slow (forms, retries, pacing), runs on
 * each chat's own queue; a paced chat waits on a timer. Callback queries are answered at once on a small pool, so
 * the spinner stops at once. Nothing thrown here escapes: an exception out of the consumer would stop
 * TelegramBots' polling for good.
 */
final class UpdateHandler {
    private static final Logger LOG = Logger.getLogger(UpdateHandler.class.getName());
    private static final long FIRST_STORE_RETRY_MS = 250;
    private static final long LAST_STORE_RETRY_MS = 30_000;

    private final ChatService chats;
    private final TelegramSender sender;
    private final BotApi api;
    private final ChatQueues queues;
    private final ExecutorService answers;
    private final Map<Language, Catalogue> catalogues;
    private final boolean deleteTypedAnswers;
    private final Metrics metrics;
    private final EditedMessages edits = new EditedMessages();
    private final AtomicLong foreignTaps = new AtomicLong();
    private final Map<Long, ChatView> views = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ChatView> eldest) {
            return size() > 10_000;
        }
    };
    private final Set<Long> groupsTold = Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > 10_000;
        }
    });

    UpdateHandler(ChatService chats, TelegramSender sender, BotApi api, ChatQueues queues, ExecutorService answers,
                  Map<Language, Catalogue> catalogues, boolean deleteTypedAnswers, Metrics metrics) {
        this.metrics = metrics;
        this.chats = chats;
        this.sender = sender;
        this.api = api;
        this.queues = queues;
        this.answers = answers;
        this.catalogues = catalogues;
        this.deleteTypedAnswers = deleteTypedAnswers;
    }

    /** Callback queries ignored because they came from someone other than the private chat's user. */
    long foreignTaps() {
        return foreignTaps.get();
    }

    void consume(List<Update> updates) {
        apply(updates, true);
    }

    /**
     * The webhook's one update: applied once, or recognised as a repeat. False when the store failed: the webhook
     * answers 5xx and Telegram sends the update again (so no apology, and no retry here). Throws nothing.
     */
    boolean accept(Update update) {
        return apply(List.of(update), false);
    }

    /**
     * Applies updates in order, in one transaction. {@code untilStored} (polling): while the store fails, wait and
     * retry, so nothing unapplied is confirmed. Otherwise a store failure returns false at once.
     */
    private boolean apply(List<Update> updates, boolean untilStored) {
        List<Incoming.Private> toApply = new ArrayList<>(updates.size());
        for (Update update : updates) {
            try {
                Incoming.Private p = route(update);
                if (p != null) {
                    toApply.add(p);
                }
            } catch (Throwable t) {
                LOG.log(Level.SEVERE, "update " + update.getUpdateId() + " could not be routed: "
                        + t.getClass().getName());
            }
        }
        if (toApply.isEmpty()) {
            return true;
        }
        List<ChatService.Update> batch = new ArrayList<>(toApply.size());
        for (Incoming.Private p : toApply) {
            batch.add(new ChatService.Update(p.chatId(), p.updateId(), p.hint(), p.event(),
                    deleteTypedAnswers ? p.userMessageId() : 0));
        }
        List<ChatService.Applied> applied;
        if (untilStored) {
            applied = applyUntilStored(batch);
        } else {
            try {
                applied = chats.applyAll(batch);
            } catch (RuntimeException | Error e) {
                // The engine's own failures come back in the result, so this is the store's (or this replica is
                // going down): answer 5xx and Telegram sends the update again, to this replica or another. A
                // "sorry" here would tell the parent their answer was lost when another replica may apply it.
                LOG.warning("the store failed to apply " + batch.size() + " update(s) (" + e.getClass().getName()
                        + "); Telegram will send them again");
                return false;
            }
        }
        for (int i = 0; i < applied.size(); i++) {
            Incoming.Private p = toApply.get(i);
            try {
                if (applied.get(i).failed()) {
                    metrics.failure(Metrics.Failure.ENGINE);
                    queues.submit(p.chatId(), () -> sorry(p));
                } else {
                    remember(p);
                    applied.get(i).outcome().ifPresent(outcome -> oweTidyUps(p, outcome));
                    wake(p.chatId());
                }
            } catch (Throwable t) {
                LOG.log(Level.SEVERE, "chat " + ChatTag.of(p.chatId()) + ": delivery not queued: "
                        + t.getClass().getName());
            }
        }
        return true;
    }

    /** Notes the parent's message for "clear this chat", before the chat's delivery run (a clear must see it). */
    private void remember(Incoming.Private p) {
        if (p.userMessageId() <= 0) {
            return;
        }
        try {
            sender.received(p.chatId(), p.userMessageId());
        } catch (RuntimeException e) {
            // The answer is applied; only clearing the chat would miss this one message.
            LOG.warning("chat " + ChatTag.of(p.chatId()) + ": a message was not noted for clearing ("
                    + e.getClass().getName() + ")");
        }
    }

    /** Answers what needs no store, and returns the parent's event to apply, or null when there is none. */
    private Incoming.Private route(Update update) {
        Incoming incoming = Incoming.of(update, edits);
        if (incoming instanceof Incoming.Private p) {
            if (p.tap() == null) {
                return p;
            }
            answer(p.tap().queryId());
            if (p.tap().fromId() != p.chatId()) {
                // In a private chat only its user can tap; Telegram does not deliver anything else today.
                LOG.info("a tap from another user in a private chat was ignored (" + foreignTaps.incrementAndGet()
                        + " so far)");
                return null;
            }
            Message question = p.tap().question();
            if (question != null && !view(p.chatId()).firstTap(question.getMessageId(), p.tap().data())) {
                return null; // the same button again: already handled, nothing more to say
            }
            return p;
        } else if (incoming instanceof Incoming.Group g) {
            queues.submit(g.chatId(), () -> tellGroup(g));
        } else if (incoming instanceof Incoming.AnswerOnly a) {
            answer(a.queryId());
        }
        return null;
    }

    /**
     * Applies the poll; while the store fails for a reason that may pass (busy, I/O, a full disk), waits and tries
     * again, so the poll is not confirmed unapplied. Any other failure is not retried as a whole: see
     * {@link #oneByOne}.
     */
    private List<ChatService.Applied> applyUntilStored(List<ChatService.Update> batch) {
        long wait = FIRST_STORE_RETRY_MS;
        while (true) {
            try {
                return chats.applyAll(batch);
            } catch (RuntimeException | Error e) {
                if (!isTransient(e)) {
                    return oneByOne(batch);
                }
                LOG.warning("the store failed to apply " + batch.size() + " update(s) (" + e.getClass().getName()
                        + "); retrying in " + wait + " ms, nothing is confirmed to Telegram meanwhile");
            }
            wait = pause(wait);
        }
    }

    /**
     * After a failure that retrying the whole poll would only repeat (a bug, a record that cannot be written): each
     * update alone, so one cannot hold back the rest. An update that still fails that way is given up: its parent
     * is told the answer was not saved (and can send it again), and the poll goes on. A transient failure
     * meanwhile is waited out as in {@link #applyUntilStored}.
     */
    private List<ChatService.Applied> oneByOne(List<ChatService.Update> batch) {
        List<ChatService.Applied> applied = new ArrayList<>(batch.size());
        for (ChatService.Update update : batch) {
            long wait = FIRST_STORE_RETRY_MS;
            while (true) {
                try {
                    applied.add(chats.applyAll(List.of(update)).get(0));
                    break;
                } catch (RuntimeException | Error e) {
                    if (isTransient(e)) {
                        wait = pause(wait);
                        continue;
                    }
                    LOG.log(Level.SEVERE, "chat " + ChatTag.of(update.chatId()) + ": an update could not be applied ("
                            + e.getClass().getName() + "); it is given up and the parent is asked to send it again");
                    applied.add(new ChatService.Applied(update, java.util.Optional.empty(), true));
                    break;
                }
            }
        }
        return applied;
    }

    private static boolean isTransient(Throwable e) {
        return e instanceof StoreException store && store.isTransient();
    }

    /** Sleeps {@code wait} ms and returns the next, longer wait. */
    private static long pause(long wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Shutting down: throwing ends polling without confirming these updates; the next start gets them.
            throw new IllegalStateException("stopped while the store was failing", e);
        }
        return Math.min(LAST_STORE_RETRY_MS, wait * 2);
    }

    /** Asks for the chat's pending replies and tidy-ups to be delivered, unless a run is queued already. */
    void wake(long chatId) {
        if (view(chatId).queueDrain()) {
            queues.submit(chatId, () -> drain(chatId));
        }
    }

    private ChatView view(long chatId) {
        synchronized (views) {
            return views.computeIfAbsent(chatId, id -> new ChatView());
        }
    }

    /**
     * The question the parent tapped changes once the next question is out: it shows the chosen answer when the tap
     * moved the interview on, otherwise it only loses its buttons; never twice, never when Telegram says it has no
     * buttons left. (Typed personal answers are kept in the conversation and deleted with the review: see
     * {@link TelegramSender}.)
     */
    private void oweTidyUps(Incoming.Private p, Outcome outcome) {
        if (outcome.forget()) {
            return; // the chat is erased, or cleared: the tapped message may be gone
        }
        ChatView view = view(p.chatId());
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
     * One delivery run for a chat: its pending replies worth sending (the next question first), then the tidy-ups.
     * When the chat must wait (pacing, a 429) the run ends and a timer queues the next; nothing sleeps.
     */
    private void drain(long chatId) {
        ChatView view = view(chatId);
        view.drainStarted();
        try {
            for (ConversationStore.Pending pending : chats.pendingToSend(chatId)) {
                long wait = api.pause(chatId);
                if (wait > 0) {
                    later(chatId, wait);
                    return;
                }
                sender.deliver(chatId, pending.reply());
                chats.delivered(chatId, pending.seq());
            }
            for (ChatView.TidyUp tidyUp : view.owed()) {
                long wait = api.blockedFor(chatId);
                if (wait > 0) {
                    later(chatId, wait);
                    return;
                }
                tidy(chatId, tidyUp);
                view.done(tidyUp);
            }
        } catch (BotApi.RetryLater e) {
            later(chatId, e.millis);
        } catch (ClaimedElsewhere e) {
            later(chatId, e.retryAfterMillis()); // another replica is sending this chat's replies: look again soon
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The type only: a message could quote the reply. The reply stays queued for the redelivery sweep.
            LOG.warning("chat " + ChatTag.of(chatId) + ": delivery failed (" + e.getClass().getName()
                    + "); the reply stays queued");
        }
    }

    private void later(long chatId, long millis) {
        view(chatId).queueDrain();
        queues.submitAfter(chatId, millis, () -> drain(chatId));
    }

    /** One tidy-up; a refusal or a give-up drops it (it is cosmetic). */
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

    private void answer(String queryId) {
        answers.execute(() -> {
            try {
                api.unpaced(0, AnswerCallbackQuery.builder().callbackQueryId(queryId).build());
            } catch (Exception e) {
                LOG.warning("callback answer failed: " + e.getClass().getSimpleName());
            }
        });
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

    /** When the engine failed on an update, the parent still hears something and can try again. */
    private void sorry(Incoming.Private p) {
        try {
            api.execute(p.chatId(), SendMessage.builder().chatId(p.chatId())
                    .text(catalogues.get(p.hint()).text("error.try_again")).build());
        } catch (Exception e) {
            LOG.warning("apology failed: " + e.getClass().getSimpleName());
        }
    }
}
