package miicbot.telegram;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import miicbot.chat.ChatTag;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Bot API calls with Telegram's rules applied: a 429 blocks the chat for the {@code retry_after} Telegram asks for
 * (the library does not) and throws {@link RetryLater}, server errors and timeouts are retried with backoff, and
 * each chat is paced to about one message a second with short bursts (Bots FAQ). Pacing never sleeps: the caller
 * asks {@link #pause} before a message and, when the chat must wait, comes back on a timer. A call that still
 * fails throws {@link GaveUp}; a permanent refusal (a 4xx other than 429, e.g. the parent blocked the bot) returns
 * false, so one bad message cannot wedge a chat's queue.
 */
final class BotApi {
    private static final Logger LOG = Logger.getLogger(BotApi.class.getName());
    private static final int ATTEMPTS = 6;

    /** A call given up on after retries; the reply stays pending and goes out with the chat's next update. */
    static final class GaveUp extends Exception {
        GaveUp(String method, Throwable cause) {
            super(method + " failed after " + ATTEMPTS + " attempts: " + cause.getClass().getSimpleName(), cause);
        }
    }

    /** Telegram asked this chat to wait (429): nothing more goes to it for {@code millis}; the caller retries then. */
    static final class RetryLater extends Exception {
        final long millis;

        RetryLater(String method, long millis) {
            super(method + ": retry after " + millis + " ms");
            this.millis = millis;
        }
    }

    /** A call to make; it returns normally when Telegram said ok, with the sent message's number or 0. */
    @FunctionalInterface
    private interface Call {
        int run() throws TelegramApiException;
    }

    /** What {@link #call} returns when Telegram refused the call for good. */
    static final int REFUSED = -1;

    private final TelegramClient client;
    private final JsonCalls json;
    private final double messagesPerSecond;
    private final int burst;
    private final Map<Long, Bucket> buckets = new HashMap<>();
    private final Map<Long, Long> blockedUntil = new HashMap<>();

    /** Every call through the library's client. */
    BotApi(TelegramClient client, double messagesPerSecond, int burst) {
        this(client, null, messagesPerSecond, burst);
    }

    /** Uploads through the library's client, the other calls through {@code json} (the bot's own). */
    BotApi(TelegramClient client, JsonCalls json, double messagesPerSecond, int burst) {
        this.client = client;
        this.json = json;
        this.messagesPerSecond = messagesPerSecond;
        this.burst = burst;
    }

    /** A message to the chat; true when Telegram took it, false when it refused it for good. */
    boolean execute(long chatId, BotApiMethod<?> method) throws GaveUp, RetryLater, InterruptedException {
        return message(chatId, method) != REFUSED;
    }

    /** A message to the chat; the number Telegram gave it (0 when its answer had none), or REFUSED. */
    int message(long chatId, BotApiMethod<?> method) throws GaveUp, RetryLater, InterruptedException {
        return call(chatId, method.getMethod(), () -> run(method), true);
    }

    /** A document to the chat; true when Telegram took it, false when it refused it for good. */
    boolean send(long chatId, SendDocument document) throws GaveUp, RetryLater, InterruptedException {
        return document(chatId, document) != REFUSED;
    }

    /** A document to the chat; the number Telegram gave its message, or REFUSED. */
    int document(long chatId, SendDocument document) throws GaveUp, RetryLater, InterruptedException {
        return call(chatId, "sendDocument", () -> {
            Message sent = client.execute(document);
            return sent == null || sent.getMessageId() == null ? 0 : sent.getMessageId();
        }, true);
    }

    /** A call that is not a message to the chat (answerCallbackQuery, deleteMessage): not paced. */
    boolean unpaced(long chatId, BotApiMethod<?> method) throws GaveUp, RetryLater, InterruptedException {
        return call(chatId, method.getMethod(), () -> run(method), false) != REFUSED;
    }

    private int run(BotApiMethod<?> method) throws TelegramApiException {
        if (json != null) {
            return json.call(method);
        }
        return client.execute(method) instanceof Message sent && sent.getMessageId() != null ? sent.getMessageId() : 0;
    }

    /**
     * How long the chat must wait before its next message may go: a 429's retry_after, or its pace. 0 when it may
     * go now. Asking takes nothing; the send itself takes the chat's token.
     */
    long pause(long chatId) {
        long blocked = blockedFor(chatId);
        synchronized (buckets) {
            Bucket bucket = buckets.get(chatId);
            return Math.max(blocked, bucket == null ? 0 : bucket.waitMillis(messagesPerSecond, burst));
        }
    }

    /** How long a 429 still blocks every call to the chat; 0 when none does. */
    long blockedFor(long chatId) {
        synchronized (blockedUntil) {
            long left = blockedUntil.getOrDefault(chatId, 0L) - System.currentTimeMillis();
            if (left <= 0) {
                blockedUntil.remove(chatId);
            }
            return Math.max(0, left);
        }
    }

    private int call(long chatId, String method, Call call, boolean paced)
            throws GaveUp, RetryLater, InterruptedException {
        TelegramApiException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long blocked = chatId == 0 ? 0 : blockedFor(chatId);
            if (blocked > 0) {
                throw new RetryLater(method, blocked);
            }
            if (paced) {
                take(chatId);
            }
            try {
                return call.run();
            } catch (TelegramApiRequestException e) {
                last = e;
                Integer code = e.getErrorCode();
                if (code != null && code == 429) {
                    int seconds = e.getParameters() != null && e.getParameters().getRetryAfter() != null
                            ? e.getParameters().getRetryAfter() : 1;
                    blockChat(chatId, seconds * 1000L + 50);
                    throw new RetryLater(method, seconds * 1000L + 50);
                }
                if (code != null && code >= 400 && code < 500) {
                    if (isNotModified(e)) {
                        return REFUSED;
                    }
                    LOG.warning(method + " refused for chat " + ChatTag.of(chatId) + ": " + code);
                    return REFUSED;
                }
                backoff(attempt);
            } catch (TelegramApiException e) {
                last = e; // a timeout, a dropped connection, an unreadable answer
                backoff(attempt);
            }
        }
        throw new GaveUp(method, last);
    }

    private static boolean isNotModified(TelegramApiRequestException e) {
        String response = e.getApiResponse();
        return response != null && response.contains("message is not modified");
    }

    private static void backoff(int attempt) throws InterruptedException {
        Thread.sleep(BackOff.BOT_API_CALL.beforeRetry(attempt));
    }

    private void blockChat(long chatId, long millis) {
        synchronized (blockedUntil) {
            blockedUntil.merge(chatId, System.currentTimeMillis() + millis, Math::max);
        }
    }

    private void take(long chatId) {
        synchronized (buckets) {
            buckets.computeIfAbsent(chatId, id -> new Bucket(burst)).take(messagesPerSecond, burst);
            if (buckets.size() > 10_000) {
                buckets.values().removeIf(b -> b.full(messagesPerSecond, burst));
            }
        }
    }

    /** A token bucket: {@code burst} messages at once, then {@code rate} a second. */
    private static final class Bucket {
        private double tokens;
        private long updated = System.nanoTime();

        Bucket(int burst) {
            tokens = burst;
        }

        /** Takes a token (a message split in parts may take it below zero: the next one waits longer). */
        void take(double rate, int burst) {
            refill(rate, burst);
            tokens -= 1;
        }

        /** Milliseconds until a whole token is there; 0 when one is. */
        long waitMillis(double rate, int burst) {
            refill(rate, burst);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / rate * 1000);
        }

        /** Full again: the chat has been quiet long enough that forgetting the bucket changes nothing. */
        boolean full(double rate, int burst) {
            refill(rate, burst);
            return tokens >= burst;
        }

        private void refill(double rate, int burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * rate);
            updated = now;
        }
    }
}
