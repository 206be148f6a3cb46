package miicbot.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Telegram's calls to the webhook. Answers 200 only once the update is durably applied (or known as a repeat), so
 * Telegram stops sending it, with the receiver's Bot API call in the body when it has one; a store failure answers
 * 500, so Telegram sends it again. A wrong or missing secret gets 401, a body over {@value #MAX_BODY_BYTES} bytes
 * 413, a body that is not an update 400, and nothing is applied; no answer carries a stack trace.
 */
final class WebhookEndpoint {
    /** Telegram's header with the secret_token given to setWebhook. */
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Far above any update the bot accepts (a text message is at most 4096 characters). */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Logger LOG = Logger.getLogger(WebhookEndpoint.class.getName());

    private final byte[] secretDigest;
    private final WebhookRoute.Receiver receiver;

    /** {@code receiver} applies an update and says whether it is durably applied. */
    WebhookEndpoint(String secret, WebhookRoute.Receiver receiver) {
        this.secretDigest = sha256(Objects.requireNonNull(secret).getBytes(StandardCharsets.UTF_8));
        this.receiver = Objects.requireNonNull(receiver);
    }

    /**
     * The answer due before the body is read, or null to read it: 405 for anything but POST, 401 for a wrong or
     * missing secret, 413 for a declared length over the limit.
     */
    Responses refuse(String method, String secret, long contentLength) {
        if (!method.equals("POST")) {
            return Responses.text(405, "POST only");
        }
        // Digests of equal length, compared in constant time: the answer's timing says nothing of the secret.
        if (secret == null || !MessageDigest.isEqual(secretDigest, sha256(secret.getBytes(StandardCharsets.UTF_8)))) {
            LOG.warning("webhook call refused: wrong or missing secret");
            return Responses.closing(401, "wrong or missing secret");
        }
        if (contentLength > MAX_BODY_BYTES) {
            return Responses.closing(413, "");
        }
        return null;
    }

    /** The answer to a body read in full (at most {@value #MAX_BODY_BYTES} bytes): the update applied, or why not. */
    Responses apply(byte[] body) {
        WebhookRoute.Receipt receipt;
        try {
            receipt = receiver.receive(body);
        } catch (IllegalArgumentException e) {
            // The receiver's message names the problem, never the body (which may hold a parent's text).
            LOG.warning("webhook call refused: " + e.getMessage());
            return Responses.text(400, "not a Telegram update");
        }
        if (!receipt.applied()) {
            return Responses.text(500, "not applied; send it again");
        }
        return receipt.call() == null ? Responses.text(200, "")
                : new Responses(200, Responses.JSON, receipt.call(), false);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
