package miicbot.web;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import miicbot.engine.ExpectedChat;
import miicbot.chat.ConversationStore;
import miicbot.store.DataKey;
import miicbot.store.PostgresConversationStore;
import miicbot.store.PostgresServer;
import miicbot.store.SqliteConversationStore;
import miicbot.telegram.fake.FakeBotApi;

/**
 * Load figures for production mode, run by hand (not a test): N parents at once, each the whole two-children
 * interview, sent through webhook replicas by {@link WebhookRelay}. Modes: {@code sqlite1} (one replica on SQLite),
 * {@code postgres1}, {@code postgres2} (two replicas on one PostgreSQL). Prints the wall time and the rates.
 *
 * <pre>mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) miicbot.web.ReplicaLoadBench sqlite1 50</pre>
 */
public final class ReplicaLoadBench {
    private ReplicaLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "postgres2";
        int chats = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int replicas = mode.endsWith("2") ? 2 : 1;
        DataKey key = DataKey.random();
        PostgresServer pg = mode.startsWith("postgres") ? PostgresServer.start() : null;
        Path dir = Files.createTempDirectory("replica-bench");
        String url = pg == null ? null : pg.newDatabase();
        List<ConversationStore> stores = new ArrayList<>();
        List<Replica> bots = new ArrayList<>();
        try (FakeBotApi api = new FakeBotApi()) {
            for (int i = 0; i < replicas; i++) {
                ConversationStore store;
                if (pg == null) {
                    store = SqliteConversationStore.open(dir, Map.of(DataKey.ENV,
                            "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="), Clock.systemUTC());
                } else {
                    store = PostgresConversationStore.open(url, null, null, key, Clock.systemUTC(), 10);
                }
                stores.add(store);
                bots.add(new Replica(api, store, Set.of()));
            }
            List<URI> targets = bots.stream().map(Replica::webhook).toList();
            List<String> expected = ExpectedChat.texts(Script.TWO_CHILDREN);
            String last = expected.get(expected.size() - 1);
            int sent = 0;
            long start = System.nanoTime();
            try (WebhookRelay relay = new WebhookRelay(api, () -> targets, Replica.SECRET, 0, 1)) {
                for (String line : Script.TWO_CHILDREN) {
                    for (long chat = 1; chat <= chats; chat++) {
                        api.pushText(chat, chat, line, "en");
                    }
                }
                for (long chat = 1; chat <= chats; chat++) {
                    api.awaitDocuments(chat, 2, Duration.ofSeconds(600));
                }
                // Done when every chat has its last message (a batch may leave out questions already answered).
                long deadline = System.currentTimeMillis() + 120_000;
                for (long chat = 1; chat <= chats; chat++) {
                    while (api.lastMessage(chat) == null || !last.equals(api.lastMessage(chat).text())) {
                        if (System.currentTimeMillis() > deadline) {
                            throw new IllegalStateException("chat " + chat + " did not finish within 120 s");
                        }
                        Thread.sleep(20);
                    }
                }
                for (long chat = 1; chat <= chats; chat++) {
                    sent += api.messages(chat).size();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int updates = chats * Script.TWO_CHILDREN.size();
            System.out.printf("%s: %d chats, %d updates, %d messages, %d forms in %.1f s = %.0f updates/s, %.1f forms/s;"
                            + " %d cores%n", mode, chats, updates, sent, 2 * chats, seconds,
                    updates / seconds, 2 * chats / seconds, Runtime.getRuntime().availableProcessors());
        } finally {
            bots.forEach(Replica::close);
            stores.forEach(ConversationStore::close);
            if (pg != null) {
                pg.close();
            }
        }
        System.exit(0);
    }
}
