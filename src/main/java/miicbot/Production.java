package miicbot;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import miicbot.chat.ConversationStore;
import miicbot.metrics.MeteredConversationStore;
import miicbot.metrics.Metrics;
import miicbot.metrics.PrometheusMetrics;
import miicbot.metrics.StatsReport;
import miicbot.store.DataKey;
import miicbot.store.PostgresConversationStore;
import miicbot.store.SqliteConversationStore;
import miicbot.telegram.BotOperations;
import miicbot.telegram.TelegramBot;
import miicbot.telegram.WebhookRegistration;
import miicbot.web.WebServer;
import miicbot.web.WebhookRoute;

/** Wires production mode for {@link Main}: the store, the HTTP server and the bot's operations. */
final class Production {
    /** Connections per replica: enough for its 16 HTTP threads and 16 chat workers to rarely wait. */
    private static final int POOL_SIZE = 10;

    private Production() {
    }

    /** SQLite in DATA_DIR, or PostgreSQL at DATABASE_URL; metered when metrics are on. */
    static ConversationStore openStore(Config config, ProductionConfig production, Map<String, String> env,
                                       Clock clock, PrometheusMetrics metrics) {
        ConversationStore store;
        DoubleSupplier size;
        ProductionConfig.Database database = production.database();
        if (database == null) {
            SqliteConversationStore sqlite = SqliteConversationStore.open(config.dataDir(), env, clock);
            Path file = config.dataDir().resolve(SqliteConversationStore.FILE_NAME);
            store = sqlite;
            size = () -> fileSize(file);
        } else {
            PostgresConversationStore postgres = PostgresConversationStore.open(database.jdbcUrl(), database.user(),
                    database.password(), DataKey.resolve(env, config.dataDir(), true), clock, POOL_SIZE);
            store = postgres;
            size = postgres::sizeBytes;
        }
        if (metrics == null) {
            return store;
        }
        return new MeteredConversationStore(store, metrics, size);
    }

    /** What the bot adds in production: metrics, /stats for the admins, and the webhook when set. */
    static BotOperations operations(ProductionConfig production, ConversationStore store,
                                             PrometheusMetrics metrics, Clock clock) {
        ProductionConfig.Webhook webhook = production.webhook();
        return new BotOperations(metrics == null ? Metrics.NONE : metrics, production.adminChatIds(),
                () -> StatsReport.of(store.dailyCounts(), LocalDate.now(clock)),
                webhook == null ? null : new WebhookRegistration(webhook.url(), webhook.secret(), WebServer.THREADS));
    }

    /**
     * The HTTP server: on PORT with the webhook in webhook mode, on METRICS_PORT in polling mode, or none (null).
     * Updates that come before {@code bot} is set are answered 500, so Telegram sends them again.
     */
    static WebServer startWebServer(ProductionConfig production, ConversationStore store,
                                    AtomicReference<TelegramBot> bot, PrometheusMetrics metrics) throws IOException {
        int port = production.webhookMode() ? production.port() : production.metricsPort();
        if (port == 0 || metrics == null) {
            return null;
        }
        WebhookRoute webhook = null;
        if (production.webhookMode()) {
            // The web package hands over the body's bytes; the Telegram adapter reads them (so neither knows the other).
            webhook = new WebhookRoute(production.webhook().path(), production.webhook().secret(), body -> {
                TelegramBot running = bot.get();
                if (running == null) {
                    return WebhookRoute.Receipt.NOT_APPLIED;
                }
                TelegramBot.Receipt receipt = running.receive(body);
                return new WebhookRoute.Receipt(receipt.applied(), receipt.call());
            });
        }
        return WebServer.start(new InetSocketAddress(port), () -> {
            store.load(0); // any query will do; chat 0 never exists
            return true;
        }, () -> {
            TelegramBot running = bot.get();
            return running == null ? Instant.EPOCH : running.lastBotApiAnswer();
        }, metrics::scrape, webhook);
    }

    private static double fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
