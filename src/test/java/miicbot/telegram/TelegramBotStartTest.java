package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import miicbot.chat.ChatService;
import miicbot.engine.Dialog;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.Submission;
import miicbot.pdf.RequestForm;
import miicbot.store.InMemoryConversationStore;
import miicbot.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Start-up against a Bot API that is down, refuses the token, or errs: only a refused token is a bad token. */
@Timeout(60)
class TelegramBotStartTest {
    @TempDir
    Path dir;

    private static final Map<Language, Catalogue> CATALOGUES = Catalogue.loadAll(null);

    private static TelegramBot start(String url, String token) throws Exception {
        ChatService chats = new ChatService(Dialog.newEngine(), new InMemoryConversationStore(Clock.systemUTC()),
                Clock.systemUTC());
        var settings = new BotSettings(token, URI.create(url), 1, 1000, 2, true, null);
        return TelegramBot.start(settings, chats, new RequestForm(CATALOGUES, Submission.load()), CATALOGUES);
    }

    @Test
    void anUnreachableApiIsRetriedUntilItComesUpNotCalledABadToken() throws Exception {
        int port = TcpRelay.freePort();
        CompletableFuture<TelegramBot> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return start("http://127.0.0.1:" + port, FakeBotApi.TOKEN);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Before: the first refused connection ended the start with "bad token" and exit 2.
        Thread.sleep(1_500);
        assertFalse(starting.isDone(), () -> "gave up while the API was down: " + starting.handle((b, e) -> e).join());
        try (FakeBotApi api = new FakeBotApi(); TcpRelay relay = new TcpRelay(port, api.port())) {
            TelegramBot bot = starting.get(30, TimeUnit.SECONDS);
            try {
                assertEquals(1, api.calls("getMe").size(), "one getMe once the API was up");
                api.pushText(5, 5, "hi", "en");
                api.awaitCall(c -> c.method().equals("sendmessage") && c.chatId() == 5, Duration.ofSeconds(10));
                assertTrue(api.lastMessage(5).text().startsWith("Hello!"), api.lastMessage(5).text());
            } finally {
                bot.close();
            }
        }
    }

    @Test
    void aServerErrorOnGetMeIsRetried() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            api.failNext("getMe", 2, 502);
            TelegramBot bot = start(api.url(), FakeBotApi.TOKEN);
            bot.close();
            assertEquals(3, api.calls("getMe").size(), "two 502s, then the token is checked");
        }
    }

    @Test
    void aRefusedTokenIsABadTokenAndTheConnectionIsClosed() throws Exception {
        try (FakeBotApi api = new FakeBotApi(); TcpRelay relay = new TcpRelay(TcpRelay.freePort(), api.port())) {
            var e = assertThrows(TelegramBot.BadToken.class,
                    () -> start("http://127.0.0.1:" + relay.port(), "42:not-the-token"));
            assertEquals("Telegram refused the bot token (401): check TELEGRAM_BOT_TOKEN", e.getMessage());
            // OkHttp keeps an idle connection for minutes unless the client is closed when the start fails.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (relay.openConnections() > 0) {
                assertTrue(System.nanoTime() < deadline, "the HTTP client kept its connection after a failed start");
                Thread.sleep(20);
            }
        }
    }

    @Test
    void aRefusedCommandMenuFailsTheStartAndClosesTheConnection() throws Exception {
        try (FakeBotApi api = new FakeBotApi(); TcpRelay relay = new TcpRelay(TcpRelay.freePort(), api.port())) {
            api.failNext("setMyCommands", 1, 400);
            ExecutionException e = assertThrows(ExecutionException.class, () -> CompletableFuture.supplyAsync(() -> {
                try {
                    return start("http://127.0.0.1:" + relay.port(), FakeBotApi.TOKEN);
                } catch (Exception failure) {
                    throw new IllegalStateException(failure);
                }
            }).get(20, TimeUnit.SECONDS));
            assertNotNull(e.getCause());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (relay.openConnections() > 0) {
                assertTrue(System.nanoTime() < deadline, "the HTTP client kept its connection after a failed start");
                Thread.sleep(20);
            }
        }
    }

    private static int relayPort(TcpRelay relay) {
        return relay.port();
    }
}
