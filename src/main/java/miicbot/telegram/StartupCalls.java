package miicbot.telegram;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import miicbot.engine.Event;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The Bot API calls of the start (getMe, the command menus, the webhook), each tried until the Bot API answers:
 * a bot started before its network is up starts when the Bot API can be reached. Only Telegram's own refusal (a
 * 4xx other than 429, or an answer the client cannot read) stops the start; an unreachable host, a 5xx from a proxy or a 429 is logged, naming the host,
 * and tried again after 0.5 s, then twice as long each time, at most 30 s apart, for as long as it takes.
 */
final class StartupCalls {
    private static final Logger LOG = Logger.getLogger(StartupCalls.class.getName());

    /** One call; idempotent, since it may run more than once. */
    @FunctionalInterface
    interface Call {
        void run() throws TelegramApiException;
    }

    /** The update kinds the bot asks for, by long poll or webhook. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query");

    private final OkHttpTelegramClient client;
    private final String host;

    StartupCalls(OkHttpTelegramClient client, String host) {
        this.client = client;
        this.host = host;
    }

    /** getMe: the first contact, which checks the token. */
    void checkToken() throws TelegramBot.BadToken, TelegramApiException {
        untilAnswered("getMe", true, () -> client.execute(new GetMe()));
    }

    /**
     * The command menus, and for polling the webhook's removal (a webhook left set would fail every getUpdates).
     * They go at once, not one after another: a faster start.
     */
    void publishMenus(Map<Language, Catalogue> catalogues, boolean polling)
            throws TelegramBot.BadToken, TelegramApiException {
        untilAnswered(polling ? "setMyCommands and deleteWebhook" : "setMyCommands", () -> {
            List<CompletableFuture<Boolean>> setUp = publishCommands(catalogues);
            if (polling) {
                setUp.add(client.executeAsync(new DeleteWebhook()));
            }
            awaitAll(setUp);
        });
    }

    /** Tells Telegram to call the webhook. */
    void setWebhook(WebhookRegistration webhook) throws TelegramBot.BadToken, TelegramApiException {
        untilAnswered("setWebhook (check WEBHOOK_URL)", () -> client.execute(SetWebhook.builder()
                .url(webhook.url().toString()).secretToken(webhook.secret()).allowedUpdates(ALLOWED_UPDATES)
                .maxConnections(webhook.maxConnections()).build()));
    }

    /** The command menu, in English by default and in each other catalogue's language for its users; sent, not awaited. */
    private List<CompletableFuture<Boolean>> publishCommands(Map<Language, Catalogue> catalogues)
            throws TelegramApiException {
        List<CompletableFuture<Boolean>> calls = new ArrayList<>();
        for (Language language : Language.values()) {
            if (language != Language.EN && language.code().length() != 2) {
                continue; // the Bot API takes only two-letter ISO 639-1 codes; Hmong ("hmn") users get English
            }
            List<BotCommand> commands = new ArrayList<>();
            for (Event.Commands command : Event.Commands.values()) {
                commands.add(new BotCommand(command.word(), catalogues.get(language).text("command." + command.word())));
            }
            var request = SetMyCommands.builder().commands(commands);
            if (language != Language.EN) {
                request.languageCode(language.code());
            }
            calls.add(client.executeAsync(request.build()));
        }
        return calls;
    }

    /** Waits for every call; the first that failed is thrown as itself (a failed start then closes the client). */
    private static void awaitAll(List<CompletableFuture<Boolean>> calls) throws TelegramApiException {
        for (CompletableFuture<Boolean> call : calls) {
            try {
                call.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof TelegramApiException failed) {
                    throw failed;
                }
                throw new TelegramApiException("a start-up call failed", e.getCause());
            }
        }
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
        long wait = BackOff.START_UP.firstMillis();
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
                    + seconds(wait) + ", then at most every " + seconds(BackOff.START_UP.maxMillis()) + " until it answers");
            try {
                wait = BackOff.START_UP.sleep(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new TelegramApiException("stopped while waiting for the Bot API", interrupted);
            }
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
