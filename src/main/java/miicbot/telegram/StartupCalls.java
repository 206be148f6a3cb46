package miicbot.telegram;

import java.io.IOException;
import java.util.logging.Logger;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The Bot API calls of the start (getMe, the command menus, the webhook), each tried until the Bot API answers:
 * a bot started before its network is up starts when the Bot API can be reached. Only Telegram's own refusal (a
 * 4xx other than 429, or an answer the client cannot read) stops the start; an unreachable host, a 5xx from a proxy or a 429 is logged, naming the host,
 * and tried again after 0.5 s, then twice as long each time, at most 30 s apart, for as long as it takes.
 */
final class StartupCalls {
    static final long FIRST_WAIT_MS = 500;
    static final long MAX_WAIT_MS = 30_000;
    private static final Logger LOG = Logger.getLogger(StartupCalls.class.getName());

    /** One call; idempotent, since it may run more than once. */
    @FunctionalInterface
    interface Call {
        void run() throws TelegramApiException;
    }

    private final String host;

    StartupCalls(String host) {
        this.host = host;
    }

    /**
     * Runs {@code call} until the Bot API answers it; {@code what} names it in log lines. Throws
     * {@link TelegramBot.BadToken} when Telegram refuses it: 401 or 404 (the token), or another 4xx ({@code what}).
     */
    void untilAnswered(String what, Call call) throws TelegramBot.BadToken, TelegramApiException {
        untilAnswered(what, false, call);
    }

    /**
     * As {@link #untilAnswered(String, Call)}; with {@code firstContact}, an answer the client cannot read (a
     * proxy's 502 page before the Bot API is up) is tried again too. Later calls fail on it: the API answered getMe.
     */
    void untilAnswered(String what, boolean firstContact, Call call) throws TelegramBot.BadToken,
            TelegramApiException {
        long wait = FIRST_WAIT_MS;
        for (int attempt = 1; ; attempt++) {
            String failure;
            try {
                try {
                    call.run();
                } catch (TelegramApiException e) {
                    throw answerIn(e); // an async call's answer comes wrapped
                }
                if (attempt > 1) {
                    LOG.info("the Bot API at " + host + " answered " + what + " (try " + attempt + ")");
                }
                return;
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                if (code != null && (code == 401 || code == 404)) {
                    throw new TelegramBot.BadToken("Telegram refused the bot token (" + code
                            + "): check TELEGRAM_BOT_TOKEN");
                }
                if (code != null && code >= 400 && code < 500 && code != 429) {
                    throw new TelegramBot.BadToken("Telegram refused " + what + " (" + code + " "
                            + e.getApiResponse() + ")");
                }
                failure = "answered " + what + " with " + (code == null ? "an unreadable reply" : code);
            } catch (TelegramApiException e) {
                Throwable cause = rootCause(e);
                if (cause instanceof IOException) {
                    failure = "cannot be reached for " + what + " (" + cause.getClass().getSimpleName() + ")";
                } else if (firstContact) {
                    failure = "answered " + what + " with an unreadable reply";
                } else {
                    throw e;
                }
            }
            LOG.warning("the Bot API at " + host + " " + failure + ", try " + attempt + "; trying again in "
                    + seconds(wait) + ", then at most every " + seconds(MAX_WAIT_MS) + " until it answers");
            try {
                Thread.sleep(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new TelegramApiException("stopped while waiting for the Bot API", interrupted);
            }
            wait = Math.min(MAX_WAIT_MS, wait * 2);
        }
    }

    /** The Bot API's own answer within {@code e}'s causes, or {@code e} when it holds none. */
    private static TelegramApiException answerIn(TelegramApiException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TelegramApiRequestException answer) {
                return answer;
            }
        }
        return e;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }
}
