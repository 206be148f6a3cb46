package miicbot.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Telegram's calls to the webhook. Answers 200 only once the update is durably applied (or known as a repeat), so
 * Telegram stops sending it; a store failure answers 500, so Telegram sends it again. A wrong or missing secret
 * gets 401, a body over {@value #MAX_BODY_BYTES} bytes 413, a body that is not an update 400, and nothing is
 * applied; no answer carries a stack trace.
 */
final class WebhookEndpoint implements HttpHandler {
    /** Telegram's header with the secret_token given to setWebhook. */
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Far above any update the bot accepts (a text message is at most 4096 characters). */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Logger LOG = Logger.getLogger(WebhookEndpoint.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final byte[] secretDigest;
    private final Predicate<Update> receiver;

    /** {@code receiver} applies an update and says whether it is durably applied. */
    WebhookEndpoint(String secret, Predicate<Update> receiver) {
        this.secretDigest = sha256(Objects.requireNonNull(secret).getBytes(StandardCharsets.UTF_8));
        this.receiver = Objects.requireNonNull(receiver);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                Responses.text(exchange, 405, "POST only");
                return;
            }
            String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
            // Digests of equal length, compared in constant time: the answer's timing says nothing of the secret.
            if (given == null || !MessageDigest.isEqual(secretDigest, sha256(given.getBytes(StandardCharsets.UTF_8)))) {
                LOG.warning("webhook call refused: wrong or missing secret");
                Responses.text(exchange, 401, "wrong or missing secret");
                return;
            }
            byte[] body = readLimited(exchange);
            if (body == null) {
                // The connection closes after this answer: what was not read of the request must not be parsed.
                exchange.getResponseHeaders().set("Connection", "close");
                Responses.text(exchange, 413, "");
                return;
            }
            Update update;
            try {
                update = JSON.readValue(body, Update.class);
            } catch (JacksonException e) {
                // Jackson's message may quote the body, which may hold a parent's text: log the type only.
                LOG.warning("webhook call refused: not an update (" + e.getClass().getSimpleName() + ")");
                Responses.text(exchange, 400, "not a Telegram update");
                return;
            }
            if (update == null || update.getUpdateId() == null) {
                Responses.text(exchange, 400, "not a Telegram update");
                return;
            }
            if (receiver.test(update)) {
                Responses.text(exchange, 200, "");
            } else {
                Responses.text(exchange, 500, "not applied; send it again");
            }
        }
    }

    /**
     * The body, or null when it is larger than the limit. An oversized body of up to four times the limit is read
     * to its end and dropped, so the 413 reaches the sender; a larger one is not read at all.
     */
    private static byte[] readLimited(HttpExchange exchange) throws IOException {
        long drainable = 4L * MAX_BODY_BYTES;
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > drainable) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length <= MAX_BODY_BYTES) {
                return body;
            }
            long left = drainable - body.length;
            byte[] sink = new byte[8192];
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
            return null;
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
