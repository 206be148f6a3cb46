package miicbot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import miicbot.chat.ChatService;
import miicbot.chat.ChatTag;
import miicbot.metrics.Metrics;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Takes the updates the poller receives (or the webhook's one). A whole poll is applied to the store right here,
 * on the poller's thread, in order and in one transaction, before the consumer returns: the poller confirms
 * updates to Telegram with its next getUpdates, so an update is confirmed only once it is durably applied, and a
 * crash loses nothing (a redelivered update is recognised by its id). Then each chat's delivery is queued. One
 * update's way: {@link UpdateRouter} (what needs no store) → {@link StoreRetry} (the store) → {@link TidyUps} owed
 * and {@link ChatDelivery} woken (or an apology from {@link Notices}). Nothing thrown here escapes: an exception
 * out of the consumer would stop polling.
 */
final class UpdateHandler {
    private static final Logger LOG = Logger.getLogger(UpdateHandler.class.getName());

    private final ChatService chats;
    private final UpdateRouter router;
    private final StoreRetry storeRetry;
    private final ChatViews views;
    private final TidyUps tidyUps;
    private final ChatDelivery delivery;
    private final Notices notices;
    private final ChatQueues queues;
    private final Metrics metrics;
    private final MessageLedger ledger;
    private final boolean deleteTypedAnswers;

    UpdateHandler(ChatService chats, UpdateRouter router, ChatViews views, TidyUps tidyUps, ChatDelivery delivery,
                  Notices notices, ChatQueues queues, Metrics metrics, MessageLedger ledger,
                  boolean deleteTypedAnswers) {
        this.chats = chats;
        this.router = router;
        this.storeRetry = new StoreRetry(chats);
        this.views = views;
        this.tidyUps = tidyUps;
        this.delivery = delivery;
        this.notices = notices;
        this.queues = queues;
        this.metrics = metrics;
        this.ledger = ledger;
        this.deleteTypedAnswers = deleteTypedAnswers;
    }

    /** A poll: returns once every update is applied (waiting out a store that fails for a while). */
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
     * Applies updates in order, in one transaction. {@code polled}: while the store fails, wait and retry, so nothing
     * unapplied is confirmed, and answer taps here. Otherwise (the webhook) a store failure returns false at once, and
     * a tap is answered in the webhook's answer.
     */
    private boolean apply(List<Update> updates, boolean polled) {
        List<Incoming.Private> toApply = new ArrayList<>(updates.size());
        for (Update update : updates) {
            try {
                Incoming.Private p = router.route(update, polled);
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
        List<ChatService.Received> batch = new ArrayList<>(toApply.size());
        for (Incoming.Private p : toApply) {
            batch.add(new ChatService.Received(p.chatId(), p.updateId(), p.hint(), p.event(),
                    deleteTypedAnswers ? p.userMessageId() : 0));
        }
        List<ChatService.Applied> applied;
        if (polled) {
            applied = storeRetry.apply(batch);
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
                    queues.submit(p.chatId(), () -> notices.sorry(p.chatId(), p.hint()));
                } else {
                    remember(p);
                    applied.get(i).outcome().ifPresent(outcome -> tidyUps.owe(views.of(p.chatId()), p, outcome));
                    delivery.wake(p.chatId());
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
            ledger.add(p.chatId(), List.of(p.userMessageId()));
        } catch (RuntimeException e) {
            // The answer is applied; only clearing the chat would miss this one message.
            LOG.warning("chat " + ChatTag.of(p.chatId()) + ": a message was not noted for clearing ("
                    + e.getClass().getName() + ")");
        }
    }
}
