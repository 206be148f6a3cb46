package miicbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miicbot.engine.ExpectedChat;
import miicbot.engine.Dialog;
import miicbot.engine.Reply;
import miicbot.i18n.Language;
import miicbot.store.SqliteConversationStore;
import miicbot.store.SwitchableStore;
import miicbot.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot in webhook mode end to end: the fake Bot API's updates are POSTed to the bot's webhook by
 * {@link WebhookRelay}, which retries on anything but 2xx, as Telegram does. Also: the secret, bad bodies, a store
 * failure, /metrics, /healthz, /readyz and the admins' /stats.
 */
@Timeout(120)
class WebhookEndToEndTest {
    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final long ADMIN = 777;
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private SwitchableStore store() {
        return new SwitchableStore(SqliteConversationStore.open(dir, Map.of("BOT_DATA_KEY", KEY), Clock.systemUTC()));
    }

    private HttpResponse<String> post(URI to, String body, String secret) throws Exception {
        // A body over the limit is refused before it is read, and the connection closed: a client still sending
        // it may see the close before the answer. Asking first (100-continue) lets the 413 arrive without a race.
        HttpRequest.Builder request = HttpRequest.newBuilder(to).POST(HttpRequest.BodyPublishers.ofString(body))
                .expectContinue(body.length() > WebhookEndpoint.MAX_BODY_BYTES)
                .header("Content-Type", "application/json");
        if (secret != null) {
            request.header(WebhookEndpoint.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI to) throws Exception {
        return http.send(HttpRequest.newBuilder(to).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String textUpdate(long updateId, long chat, String text) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":5,\"date\":1764500000,\"chat\":{\"id\":"
                + chat + ",\"type\":\"private\"},\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"P\","
                + "\"language_code\":\"en\"},\"text\":\"" + text + "\"}}";
    }

    /** Waits until the chat's latest message is {@code text}; 30 s, then fails. */
    private static void awaitLastText(FakeBotApi api, long chat, String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (api.lastMessage(chat) == null || !text.equals(api.lastMessage(chat).text())) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("chat " + chat + " did not end with \"" + text + "\" after 30 s: "
                        + api.messages(chat).stream().map(FakeBotApi.BotMessage::text).toList());
            }
            Thread.sleep(10);
        }
    }

    private static void awaitMessages(FakeBotApi api, long chat, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (api.messages(chat).size() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("chat " + chat + ": " + api.messages(chat).size() + " of " + count
                        + " messages after 30 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aParentGetsBothFormsThroughTheWebhookAndMetricsHoldNoChatData() throws Exception {
        long chat = 4242;
        List<String> expected = ExpectedChat.texts(Script.TWO_CHILDREN);
        try (FakeBotApi api = new FakeBotApi(); SwitchableStore store = store();
             Replica bot = new Replica(api, store, Set.of(ADMIN));
             WebhookRelay relay = new WebhookRelay(api, () -> List.of(bot.webhook()), Replica.SECRET, 0.2, seed())) {
            var setWebhook = api.calls("setwebhook");
            assertEquals(1, setWebhook.size());
            assertEquals(Replica.SECRET, setWebhook.get(0).params().path("secret_token").asText());
            assertEquals("https://bot.example.org/telegram/webhook", setWebhook.get(0).params().path("url").asText());
            var allowed = setWebhook.get(0).params().path("allowed_updates"); // the client sends the list as text
            assertEquals("[\"message\",\"edited_message\",\"callback_query\"]",
                    allowed.isTextual() ? allowed.asText() : allowed.toString());
            assertEquals(WebServer.THREADS, setWebhook.get(0).params().path("max_connections").asInt());

            api.rateLimitNext("sendmessage", 1, 1);
            for (String line : Script.TWO_CHILDREN) {
                api.pushText(chat, chat, line, "en");
            }
            api.awaitDocuments(chat, 2, Duration.ofSeconds(60));
            awaitLastText(api, chat, expected.get(expected.size() - 1));
            api.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(20));
            List<String> got = api.messages(chat).stream().map(FakeBotApi.BotMessage::text).toList();
            // All lines arrive at once, so questions a later line already answered may be left out.
            assertTrue(ExpectedChat.inOrderWithin(got, expected), "every answer once, in order, though "
                    + relay.redelivered.get() + " updates came twice: " + got);
            assertEquals(expected.get(expected.size() - 1), got.get(got.size() - 1), "ends as the script does");
            assertEquals(Set.of(), ExpectedChat.missingNotes(got, Script.TWO_CHILDREN), "no note left out");
            assertEquals(List.of("MIIC-request-Ana-Garcia.pdf", "MIIC-request-Luis-Garcia.pdf"),
                    api.documents(chat).stream().map(FakeBotApi.Document::fileName).toList());
            assertTrue(relay.redelivered.get() > 0, "the relay redelivered nothing; seed " + seed());

            assertEquals(200, get(bot.url("/healthz")).statusCode());
            assertEquals(200, get(bot.url("/readyz")).statusCode());
            HttpResponse<String> scrape = get(bot.url("/metrics"));
            assertEquals(200, scrape.statusCode());
            String metrics = scrape.body();
            for (String name : List.of("miicbot_updates_total{kind=\"message\"}",
                    "miicbot_forms_total{language=\"en\",option=\"opt_out\"} 1.0",
                    "miicbot_forms_total{language=\"en\",option=\"lock\"} 1.0",
                    "miicbot_update_apply_seconds_bucket{result=\"applied\"", "miicbot_update_apply_seconds_count{result=\"repeat\"}",
                    "miicbot_pdf_render_seconds_count 2\n", "miicbot_replies_sent_total{method=\"senddocument\"} 2.0",
                    "miicbot_bot_api_calls_total{method=\"sendmessage\",status=\"200\"}", "miicbot_store_size_bytes",
                    "miicbot_chat_queues_busy", "miicbot_bot_api_retries_total{reason=\"rate_limited\"} 1.0",
                    "miicbot_bot_api_calls_total{method=\"sendmessage\",status=\"429\"} 1.0")) {
                assertTrue(metrics.contains(name), name + " missing from:\n" + metrics);
            }
            assertNoChatDataInLabels(metrics, chat, List.of("Maria", "Lopez", "Garcia", "Ana", "Luis", "Westside",
                    "Bloomington", "651", "55101", "Main St"));
        }
    }

    /** Every label value in the scrape is checked: no chat id, and none of the parent's words. */
    static void assertNoChatDataInLabels(String metrics, long chat, List<String> words) {
        Matcher labels = Pattern.compile("\\{([^}]*)}").matcher(metrics);
        int seen = 0;
        while (labels.find()) {
            String value = labels.group(1);
            seen++;
            assertFalse(value.contains(String.valueOf(chat)), "a chat id in a label: " + value);
            for (String word : words) {
                assertFalse(value.toLowerCase().contains(word.toLowerCase()), "'" + word + "' in a label: " + value);
            }
        }
        assertTrue(seen > 20, "too few labels were checked: " + seen);
    }

    @Test
    void aTapIsAnsweredInTheWebhooksAnswerNotByARequestOfItsOwn() throws Exception {
        long chat = 808;
        try (FakeBotApi api = new FakeBotApi(); SwitchableStore store = store();
             Replica bot = new Replica(api, store, Set.of());
             WebhookRelay relay = new WebhookRelay(api, () -> List.of(bot.webhook()), Replica.SECRET, 0, seed())) {
            api.pushText(chat, chat, "hi", "en");
            awaitMessages(api, chat, 1);
            assertTrue(api.tapLabel(chat, chat, "I am the parent"));
            awaitMessages(api, chat, 2);
            api.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(20));
            assertEquals(1, relay.answerCalls.get(), "the tap's answer rode in the webhook's answer");
            assertEquals(1, api.calls("answerCallbackQuery").size(), "and the bot made no answerCallbackQuery call");
            assertEquals(List.of(), api.violations(), "the spinner stopped within a second");

            // The answer itself, as Telegram reads it: JSON naming the method and the query.
            int welcome = api.messages(chat).get(0).messageId();
            String tap = "{\"update_id\":900,\"callback_query\":{\"id\":\"q-900\",\"from\":{\"id\":" + chat
                    + ",\"is_bot\":false,\"first_name\":\"P\"},\"chat_instance\":\"1\",\"data\":\"x\","
                    + "\"message\":{\"message_id\":" + welcome + ",\"date\":1764500000,\"chat\":{\"id\":" + chat
                    + ",\"type\":\"private\"}}}}";
            HttpResponse<String> answer = post(bot.webhook(), tap, Replica.SECRET);
            assertEquals(200, answer.statusCode());
            assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
            assertEquals("{\"method\":\"answerCallbackQuery\",\"callback_query_id\":\"q-900\"}", answer.body());
            assertEquals("", post(bot.webhook(), textUpdate(901, chat, "Maria Lopez"), Replica.SECRET).body(),
                    "a message's answer carries no call");
        }
    }

    @Test
    void aWrongOrMissingSecretIs401AndNothingIsApplied() throws Exception {
        long chat = 99;
        try (FakeBotApi api = new FakeBotApi(); SwitchableStore store = store();
             Replica bot = new Replica(api, store, Set.of())) {
            assertEquals(401, post(bot.webhook(), textUpdate(1, chat, "hi"), "wrong-secret_0123456789").statusCode());
            assertEquals(401, post(bot.webhook(), textUpdate(2, chat, "hi"), null).statusCode());
            assertEquals(401, post(bot.webhook(), textUpdate(3, chat, "hi"), Replica.SECRET + "x").statusCode());
            Thread.sleep(300);
            assertTrue(store.load(chat).isEmpty(), "nothing stored");
            assertEquals(List.of(), api.messages(chat), "nothing sent");

            assertEquals(200, post(bot.webhook(), textUpdate(4, chat, "hi"), Replica.SECRET).statusCode());
            assertTrue(store.load(chat).isPresent(), "applied before the 200");
        }
    }

    @Test
    void bodiesTooLargeOrNotUpdatesAre4xxWithoutStackTraces() throws Exception {
        try (FakeBotApi api = new FakeBotApi(); SwitchableStore store = store();
             Replica bot = new Replica(api, store, Set.of())) {
            String huge = textUpdate(1, 5, "x".repeat(WebhookEndpoint.MAX_BODY_BYTES));
            List<HttpResponse<String>> answers = List.of(post(bot.webhook(), huge, Replica.SECRET),
                    post(bot.webhook(), "this is not json", Replica.SECRET),
                    post(bot.webhook(), "{\"message\": [1, 2", Replica.SECRET),
                    post(bot.webhook(), "{\"no_update_id\": true}", Replica.SECRET),
                    post(bot.webhook(), "", Replica.SECRET));
            assertEquals(List.of(413, 400, 400, 400, 400), answers.stream().map(HttpResponse::statusCode).toList());
            for (HttpResponse<String> answer : answers) {
                assertFalse(answer.body().contains("Exception") || answer.body().contains("\tat "), answer.body());
            }
            assertEquals(405, http.send(HttpRequest.newBuilder(bot.webhook()).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertTrue(store.load(5).isEmpty());
        }
    }

    @Test
    void aStoreFailureIs5xxAndTelegramsResendIsAppliedOnce() throws Exception {
        long chat = 31;
        try (FakeBotApi api = new FakeBotApi(); SwitchableStore store = store();
             Replica bot = new Replica(api, store, Set.of())) {
            store.failing.set(true);
            assertEquals(500, post(bot.webhook(), textUpdate(10, chat, "hi"), Replica.SECRET).statusCode());
            HttpResponse<String> ready = get(bot.url("/readyz"));
            assertEquals(503, ready.statusCode());
            assertEquals("store not reachable", ready.body());

            store.failing.set(false);
            assertTrue(store.load(chat).isEmpty(), "the failed update left nothing behind");
            assertEquals(200, get(bot.url("/readyz")).statusCode());
            assertEquals(200, post(bot.webhook(), textUpdate(10, chat, "hi"), Replica.SECRET).statusCode());
            assertEquals(200, post(bot.webhook(), textUpdate(10, chat, "hi"), Replica.SECRET).statusCode());
            List<String> welcome = ExpectedChat.texts(List.of("hi"));
            awaitMessages(api, chat, welcome.size());
            api.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(20));
            // Telegram resends a failed update, so the parent is not asked to: the resend, twice, is answered once.
            assertEquals(welcome, api.messages(chat).stream().map(FakeBotApi.BotMessage::text).toList());
        }
    }

    @Test
    void statsAnswerAdminsOnlyEveryoneElseGetsTheInterviewsReply() throws Exception {
        try (FakeBotApi api = new FakeBotApi(); SwitchableStore store = store();
             Replica bot = new Replica(api, store, Set.of(ADMIN));
             WebhookRelay relay = new WebhookRelay(api, () -> List.of(bot.webhook()), Replica.SECRET, 0, seed())) {
            long parent = 5150;
            for (String line : Script.TWO_CHILDREN) {
                api.pushText(parent, parent, line, "en");
            }
            api.awaitDocuments(parent, 2, Duration.ofSeconds(60));

            api.pushText(ADMIN, ADMIN, "/stats", "en");
            awaitMessages(api, ADMIN, 1);
            String stats = api.messages(ADMIN).get(0).text();
            assertTrue(stats.startsWith("Forms, "), stats);
            assertTrue(stats.contains("opt_out: 1") && stats.contains("lock: 1") && stats.contains("en: 2"), stats);
            assertTrue(store.load(ADMIN).isEmpty(), "an admin's /stats is not part of any interview");

            long other = 6160;
            api.pushText(other, other, "/stats", "en");
            Dialog engine = new Dialog(Language.EN).type("/stats");
            int replies = engine.last().replies().size();
            awaitMessages(api, other, replies);
            api.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(20));
            List<String> texts = api.messages(other).stream().map(FakeBotApi.BotMessage::text).toList();
            assertEquals(engine.last().replies().stream().map(r -> r instanceof Reply.Say s ? s.text()
                    : ((Reply.Ask) r).text()).toList(), texts);
            assertFalse(texts.stream().anyMatch(t -> t.contains("Forms, ")), texts.toString());
        }
    }

    private static long seed() {
        return Long.getLong("seed", 20261130L);
    }
}
