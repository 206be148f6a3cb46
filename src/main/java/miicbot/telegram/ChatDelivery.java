package miicbot.telegram;

import java.util.logging.Logger;
import miicbot.chat.ChatService;
import miicbot.chat.ChatTag;
import miicbot.chat.ClaimedElsewhere;
import miicbot.chat.ConversationStore;

/**
 * Delivery runs, one per chat at a time on the chat's queue: its pending replies worth sending (the next question
 * first), then the tidy-ups. When the chat must wait (pacing, a 429, another replica's claim) the run ends and a
 * timer queues the next; no worker sleeps.
 */
final class ChatDelivery {
    private static final Logger LOG = Logger.getLogger(ChatDelivery.class.getName());

    private final ChatService chats;
    private final TelegramSender sender;
    private final BotApi api;
    private final ChatQueues queues;
    private final ChatViews views;
    private final TidyUps tidyUps;

    ChatDelivery(ChatService chats, TelegramSender sender, BotApi api, ChatQueues queues, ChatViews views,
                 TidyUps tidyUps) {
        this.chats = chats;
        this.sender = sender;
        this.api = api;
        this.queues = queues;
        this.views = views;
        this.tidyUps = tidyUps;
    }

    /** Asks for the chat's pending replies and tidy-ups to be delivered, unless a run is queued already. */
    void wake(long chatId) {
        if (views.of(chatId).queueDrain()) {
            queues.submit(chatId, () -> run(chatId));
        }
    }

    private void run(long chatId) {
        ChatView view = views.of(chatId);
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
            long wait = tidyUps.make(chatId, view);
            if (wait > 0) {
                later(chatId, wait);
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
        views.of(chatId).queueDrain();
        queues.submitAfter(chatId, millis, () -> run(chatId));
    }
}
