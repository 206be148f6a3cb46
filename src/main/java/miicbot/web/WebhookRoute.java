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
         * Applies the update in {@code body}: applied once it is durably applied (or known as a repeat), not when it
         * was not (the store failed: Telegram is to send it again). Throws {@link IllegalArgumentException} when
         * the body is not an update; its message must not quote the body.
         */
        Receipt receive(byte[] body);
    }

    /**
     * What became of one update: {@code applied} or not, and a Bot API call to make in the 200 answer's body (JSON
     * with a "method" field, which Telegram carries out; its result is never known), or null. Why: a tap's
     * answerCallbackQuery then costs no request of its own.
     */
    public record Receipt(boolean applied, String call) {
        public static final Receipt APPLIED = new Receipt(true, null);
        public static final Receipt NOT_APPLIED = new Receipt(false, null);
    }

    @Override
    public String toString() {
        return "WebhookRoute[path=" + path + ", secret=(hidden)]";
    }
}
