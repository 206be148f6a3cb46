package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import miicbot.chat.ChatService;
import miicbot.chat.ConversationStore;
import miicbot.engine.Dialog;
import miicbot.engine.Engine;
import miicbot.engine.Reply;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.Submission;
import miicbot.pdf.RequestForm;
import miicbot.store.SqliteConversationStore;
import miicbot.telegram.fake.FakeBotApi;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The real bot (engine, SQLite store, PDF renderer, TelegramBots client and poller) against the fake Bot API, with
 * helpers to act as a parent: type, tap a button by its code, wait for the bot to finish answering.
 */
final class BotHarness implements AutoCloseable {
    final FakeBotApi api;
    final SqliteConversationStore store;
    final TelegramBot bot;
    private boolean stopped;

    BotHarness(Path dataDir) throws Exception {
        this(dataDir, new FakeBotApi());
    }

    BotHarness(Path dataDir, FakeBotApi api) throws Exception {
        this(dataDir, api, 1000);
    }

    /** A harness whose bot paces each chat to {@code pace} messages a second (1 in production). */
    BotHarness(Path dataDir, FakeBotApi api, double pace) throws Exception {
        this(dataDir, api, pace, step -> step);
    }

    /** A harness whose engine step is wrapped by {@code wrap} (a test's own faults), the store and bot real. */
    BotHarness(Path dataDir, FakeBotApi api, double pace, UnaryOperator<ChatService.Step> wrap) throws Exception {
        this(dataDir, api, pace, wrap, store -> store);
    }

    /** As above, the bot seeing the real store through {@code storeWrap} (a test's own store faults). */
    BotHarness(Path dataDir, FakeBotApi api, double pace, UnaryOperator<ChatService.Step> wrap,
               UnaryOperator<ConversationStore> storeWrap) throws Exception {
        this.api = api;
        Map<Language, Catalogue> catalogues = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            catalogues.put(language, Catalogue.load(language, null));
        }
        store = SqliteConversationStore.open(dataDir, Map.of("BOT_DATA_KEY",
                "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="), Clock.systemUTC());
        Engine engine = Dialog.newEngine();
        ChatService chats = new ChatService(wrap.apply(engine::next), language -> List.of(new Reply.Say(
                engine.catalogue(language).text(ChatService.STARTED_OVER))), storeWrap.apply(store), Clock.systemUTC());
        var settings = new BotSettings(FakeBotApi.TOKEN, URI.create(api.url()), 1, pace, 4, true, null);
        bot = TelegramBot.start(settings, chats, new RequestForm(catalogues, Submission.load()), catalogues);
    }

    /** Types a line and waits until the bot has answered. */
    BotHarness type(long chat, String text) throws InterruptedException {
        return type(chat, text, "en");
    }

    BotHarness type(long chat, String text, String languageCode) throws InterruptedException {
        int before = api.botCalls();
        api.pushText(chat, chat, text, languageCode);
        settle(before);
        return this;
    }

    /** Taps the button with this code on the bot's latest question that has one, and waits. */
    BotHarness tap(long chat, String code) throws InterruptedException {
        List<FakeBotApi.BotMessage> sent = api.messages(chat);
        for (int i = sent.size() - 1; i >= 0; i--) {
            for (FakeBotApi.Button button : sent.get(i).buttons()) {
                if (button.data() != null && button.data().endsWith(":" + code)) {
                    int before = api.botCalls();
                    api.pushTap(chat, chat, sent.get(i).messageId(), button.data());
                    settle(before);
                    return this;
                }
            }
        }
        fail("no button '" + code + "' in chat " + chat + "; last: " + api.lastMessage(chat));
        return this;
    }

    /** Waits until the bot has made new calls and then stayed quiet for a moment. */
    void settle(int callsBefore) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (api.botCalls() <= callsBefore) {
            if (System.currentTimeMillis() > deadline) {
                fail("the bot made no call within 15 s");
            }
            Thread.sleep(5);
        }
        api.awaitQuiet(Duration.ofMillis(120), Duration.ofSeconds(15));
        while (!bot.idle()) { // a form being made, a paced chat waiting for its turn
            if (System.currentTimeMillis() > deadline + 15_000) {
                fail("the bot's chats were still busy after 30 s");
            }
            Thread.sleep(5);
        }
        api.awaitQuiet(Duration.ofMillis(50), Duration.ofSeconds(15));
    }

    /** The texts the bot sent to a chat, as they now stand. */
    String transcript(long chat) {
        return String.join("\n---\n", api.messages(chat).stream()
                .map(m -> m.text() == null ? "[document]" : m.text()).toList());
    }

    String lastText(long chat) {
        List<FakeBotApi.BotMessage> sent = api.messages(chat);
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).text() != null) {
                return sent.get(i).text();
            }
        }
        return "";
    }

    /** Answers the parent's questions with a mix of taps and typing. */
    BotHarness parent(long chat) throws InterruptedException {
        return tap(chat, "parent").type(chat, "Maria Garcia Lopez").type(chat, "651 555 0123")
                .type(chat, "123 Main St, St. Paul, MN 55101");
    }

    BotHarness child(long chat, String first, String last, String birthDate) throws InterruptedException {
        return type(chat, first).type(chat, last).type(chat, birthDate).tap(chat, "female");
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }

    void assertNoViolations() {
        assertTrue(api.violations().isEmpty(), "Bot API rules broken: " + api.violations());
    }

    /** Stops the bot and closes its store, leaving the fake Bot API running for the next bot (a restart). */
    void stopBot() {
        if (!stopped) {
            stopped = true;
            bot.close();
            store.close();
        }
    }

    @Override
    public void close() {
        stopBot();
        api.close();
    }
}
