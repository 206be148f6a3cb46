package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import miicbot.telegram.fake.FakeBotApi;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/** BotApi over the real client and the fake Bot API: pacing without sleeping, 429s, refusals, retries. */
@Timeout(30)
class BotApiTest {
    private FakeBotApi fake;
    private OkHttpClient http;
    private TelegramUrl url;
    private OkHttpTelegramClient client;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeBotApi();
        http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();
        url = TelegramUrl.builder().schema("http").host("127.0.0.1").port(fake.port()).testServer(false).build();
        client = new OkHttpTelegramClient(http, FakeBotApi.TOKEN, url);
    }

    @AfterEach
    void stop() {
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
        fake.close();
    }

    /** The bot's two paths: every call through the library's client, or the frequent ones through JsonCalls. */
    private BotApi api(boolean lean, double perSecond) {
        return lean ? new BotApi(client, new JsonCalls(http, url, FakeBotApi.TOKEN), perSecond, 4)
                : new BotApi(client, perSecond, 4);
    }

    private static SendMessage text(long chat, String text) {
        return SendMessage.builder().chatId(chat).text(text).build();
    }

    @ParameterizedTest(name = "through JsonCalls: {0}")
    @ValueSource(booleans = {false, true})
    void aBurstGoesAtOnceThenTheChatMustWaitAndOtherChatsNeedNot(boolean lean) throws Exception {
        BotApi api = api(lean, 1);
        long started = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            assertEquals(0, api.pause(7));
            assertTrue(api.execute(7, text(7, "message " + i)));
        }
        assertTrue((System.nanoTime() - started) / 1_000_000 < 2_000, "nothing slept");
        long pause = api.pause(7);
        assertTrue(pause > 500 && pause <= 1_000, "about a second: " + pause);
        assertEquals(0, api.pause(8), "another chat is not held up");
    }

    @ParameterizedTest(name = "through JsonCalls: {0}")
    @ValueSource(booleans = {false, true})
    void a429BlocksTheChatForRetryAfterWithoutSleepingOrCallingAgain(boolean lean) throws Exception {
        BotApi api = api(lean, 1000);
        fake.rateLimitNext("sendmessage", 1, 1);
        BotApi.RetryLater first = assertThrows(BotApi.RetryLater.class, () -> api.execute(7, text(7, "hello")));
        assertTrue(first.millis >= 1_000, "retry_after honoured: " + first.millis);
        int calls = fake.botCalls();
        assertThrows(BotApi.RetryLater.class, () -> api.execute(7, text(7, "hello again")));
        assertEquals(calls, fake.botCalls(), "nothing sent while blocked");
        assertTrue(api.pause(7) > 0 && api.blockedFor(7) > 0);
        assertTrue(api.execute(8, text(8, "another chat")));
        Thread.sleep(api.blockedFor(7) + 10);
        assertTrue(api.execute(7, text(7, "after the wait")));
        assertEquals(List.of(), fake.violations());
    }

    @ParameterizedTest(name = "through JsonCalls: {0}")
    @ValueSource(booleans = {false, true})
    void aRefusalIsDroppedAndTheNextCallGoesThrough(boolean lean) throws Exception {
        BotApi api = api(lean, 1000);
        assertFalse(api.execute(7, text(7, "x".repeat(4097))), "a 400 is not retried");
        assertEquals(1, fake.calls("sendmessage").size());
        assertTrue(api.execute(7, text(7, "fits")));
    }

    @ParameterizedTest(name = "through JsonCalls: {0}")
    @ValueSource(booleans = {false, true})
    void serverErrorsAreRetriedWithBackoff(boolean lean) throws Exception {
        BotApi api = api(lean, 1000);
        fake.failNext("sendmessage", 2, 500);
        assertTrue(api.execute(7, text(7, "hello")));
        assertEquals(3, fake.calls("sendmessage").size());
    }
}
