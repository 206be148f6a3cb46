package miicbot.telegram;

import java.util.Set;
import java.util.function.Supplier;
import miicbot.metrics.Metrics;

/**
 * What production mode adds (README, "Running in production").
 *
 * @param metrics      where counts and timings go
 * @param adminChatIds chats whose "/stats" gets {@code stats} instead of going to the interview
 * @param stats        the /stats text, made when asked
 * @param webhook      the webhook Telegram is told to call; null to long-poll
 */
public record BotOperations(Metrics metrics, Set<Long> adminChatIds, Supplier<String> stats,
                            WebhookRegistration webhook) {
    public BotOperations {
        adminChatIds = Set.copyOf(adminChatIds);
    }

    /** Long polling, no metrics, no admins: the embedded default. */
    public static BotOperations polling() {
        return new BotOperations(Metrics.NONE, Set.of(), () -> "", null);
    }
}
