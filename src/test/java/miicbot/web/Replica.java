package miicbot.web;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;
import miicbot.chat.ChatService;
import miicbot.chat.ConversationStore;
import miicbot.engine.Dialog;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.Submission;
import miicbot.metrics.MeteredConversationStore;
import miicbot.metrics.PrometheusMetrics;
import miicbot.metrics.StatsReport;
import miicbot.pdf.RequestForm;
import miicbot.telegram.BotOperations;
import miicbot.telegram.BotSettings;
import miicbot.telegram.TelegramBot;
import miicbot.telegram.WebhookRegistration;
import miicbot.telegram.fake.FakeBotApi;

/**
 * One bot replica in webhook mode, as Main wires it: the real engine, the given store (metered), the real
 * TelegramBots client against the fake Bot API, and the HTTP server with the webhook, health and metrics.
 */
final class Replica implements AutoCloseable {
    static final String SECRET = "test-secret_0123456789abcdef";
    static final String PATH = "/telegram/webhook";

    final ConversationStore store;
    final PrometheusMetrics metrics = new PrometheusMetrics();
    final TelegramBot bot;
    final WebServer web;

    Replica(FakeBotApi api, ConversationStore rawStore, Set<Long> admins) throws Exception {
        this(api, rawStore, admins, () -> 1);
    }

    Replica(FakeBotApi api, ConversationStore rawStore, Set<Long> admins, DoubleSupplier storeSize) throws Exception {
        Map<Language, Catalogue> catalogues = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            catalogues.put(language, Catalogue.load(language, null));
        }
        store = new MeteredConversationStore(rawStore, metrics, storeSize);
        ChatService chats = new ChatService(Dialog.newEngine(), store, Clock.systemUTC());
        var settings = new BotSettings(FakeBotApi.TOKEN, URI.create(api.url()), 1, 1000, 8, true, null);
        var operations = new BotOperations(metrics, admins,
                () -> StatsReport.of(store.dailyCounts(), LocalDate.now(Clock.systemUTC())),
                new WebhookRegistration(URI.create("https://bot.example.org" + PATH), SECRET, WebServer.THREADS));
        bot = TelegramBot.start(settings, chats, new RequestForm(catalogues, Submission.load()), catalogues,
                operations);
        web = WebServer.start(new InetSocketAddress("127.0.0.1", 0), () -> {
            store.load(0);
            return true;
        }, bot::lastBotApiAnswer, metrics::scrape, new WebhookRoute(PATH, SECRET, body -> {
            TelegramBot.Receipt receipt = bot.receive(body);
            return new WebhookRoute.Receipt(receipt.applied(), receipt.call());
        }));
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + web.port() + path);
    }

    URI webhook() {
        return url(PATH);
    }

    /** Stops taking calls and sending; the store is the caller's to close (or to keep, for another replica). */
    @Override
    public void close() {
        web.close();
        bot.close();
    }
}
