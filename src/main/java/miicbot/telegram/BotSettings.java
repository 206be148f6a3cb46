package miicbot.telegram;

import java.net.URI;
import java.nio.file.Path;

/**
 * How the bot talks to Telegram.
 *
 * @param token              the bot token (hidden in {@link #toString})
 * @param apiUrl             another Bot API server, or null for Telegram's
 * @param pollTimeoutSeconds getUpdates long-poll timeout (50 in production, 1 in tests so shutdown is quick)
 * @param messagesPerSecond  pace per chat (Telegram: about one a second, short bursts tolerated)
 * @param workers            threads for chats' work; a chat's updates run one at a time, in order
 * @param deleteTypedAnswers delete a parent's typed personal answers when the review shows them
 * @param heartbeat          a file touched before every poll, for a container health check; null for none
 */
public record BotSettings(String token, URI apiUrl, int pollTimeoutSeconds, double messagesPerSecond, int workers,
                          boolean deleteTypedAnswers, Path heartbeat) {
    public static BotSettings production(String token, URI apiUrl, double pace, boolean deleteTypedAnswers,
                                         Path heartbeat) {
        return new BotSettings(token, apiUrl, 50, pace, 16, deleteTypedAnswers, heartbeat);
    }

    @Override
    public String toString() {
        return "BotSettings[token=(hidden), apiUrl=" + apiUrl + ", pollTimeoutSeconds=" + pollTimeoutSeconds
                + ", messagesPerSecond=" + messagesPerSecond + ", workers=" + workers + ", deleteTypedAnswers="
                + deleteTypedAnswers + ", heartbeat=" + heartbeat + "]";
    }
}
