package miicbot.telegram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import miicbot.chat.ChatService;
import miicbot.metrics.Metrics;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The bot's timed chores: the redelivery sweep, the webhook's keep-alive, and the heartbeat file. A chore that
 * throws (an {@code Error} too) is logged and runs again next time: a scheduled task that throws is never run again.
 */
final class Housekeeping {
    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    private final ScheduledExecutorService timers;
    private final Metrics metrics;

    Housekeeping(ScheduledExecutorService timers, Metrics metrics) {
        this.timers = timers;
        this.metrics = metrics;
    }

    /** Wakes the delivery of every chat with replies still pending (those left from before a restart, at start). */
    static void wakeAllPending(ChatService chats, ChatDelivery delivery) {
        for (long chat : chats.chatsWithPending()) {
            delivery.wake(chat);
        }
    }

    /** A reply given up on (Telegram down for a while) is retried every half minute, on its chat's queue. */
    void sweepEvery30Seconds(ChatService chats, ChatDelivery delivery) {
        timers.scheduleWithFixedDelay(() -> {
            try {
                wakeAllPending(chats, delivery);
            } catch (Throwable e) {
                metrics.failure(Metrics.Failure.WORKER);
                LOG.warning("redelivery sweep failed: " + e.getClass().getSimpleName());
            }
        }, 30, 30, TimeUnit.SECONDS);
    }

    /** No update may come for hours: ask Telegram about the webhook each minute, so /readyz knows it answers. */
    void askAboutWebhookEachMinute(TelegramClient client) {
        timers.scheduleWithFixedDelay(() -> {
            try {
                client.execute(new GetWebhookInfo());
            } catch (Throwable e) {
                LOG.warning("getWebhookInfo failed: " + e.getClass().getSimpleName());
            }
        }, 60, 60, TimeUnit.SECONDS);
    }

    /** Touches the heartbeat file (before each poll), for a container's health check; null for none. */
    static void touch(Path heartbeat) {
        if (heartbeat == null) {
            return;
        }
        try {
            if (!Files.exists(heartbeat)) {
                Files.createFile(heartbeat);
            }
            Files.setLastModifiedTime(heartbeat, FileTime.from(Instant.now()));
        } catch (Exception e) {
            LOG.warning("heartbeat file not updated: " + e.getClass().getSimpleName());
        }
    }
}
