package miicbot.telegram;

import java.net.URI;

/**
 * What the bot tells Telegram with setWebhook: {@code url} is the public HTTPS address Telegram calls, {@code secret}
 * comes back in the X-Telegram-Bot-Api-Secret-Token header (hidden in {@link #toString}), {@code maxConnections}
 * caps Telegram's parallel requests.
 */
public record WebhookRegistration(URI url, String secret, int maxConnections) {
    @Override
    public String toString() {
        return "WebhookRegistration[url=" + url + ", secret=(hidden), maxConnections=" + maxConnections + "]";
    }
}
