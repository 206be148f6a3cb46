package miicbot.web;

/**
 * Where the webhook listens ({@code path}, the exact path of WEBHOOK_URL), the secret Telegram sends back in
 * {@value WebhookEndpoint#SECRET_HEADER} (hidden in {@link #toString}), and who takes each call's body. The body is
 * handed over as bytes, so this package knows nothing of Telegram's types: the Telegram adapter reads them.
 */
public record WebhookRoute(String path, String secret, Receiver receiver) {
    /** Takes one call's body. */
    @FunctionalInterface
    public interface Receiver {
        /**
         * Applies the update in {@code body}: true once it is durably applied (or known as a repeat), false when it
         * was not (the store failed: Telegram is to send it again). Throws {@link IllegalArgumentException} when
         * the body is not an update; its message must not quote the body.
         */
        boolean receive(byte[] body);
    }

    @Override
    public String toString() {
        return "WebhookRoute[path=" + path + ", secret=(hidden)]";
    }
}
