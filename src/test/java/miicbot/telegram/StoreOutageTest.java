package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import miicbot.chat.ChatService;
import miicbot.engine.Dialog;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.Submission;
import miicbot.pdf.RequestForm;
import miicbot.store.SqliteConversationStore;
import miicbot.store.SwitchableStore;
import miicbot.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: while the store fails, updates are retried, never confirmed to Telegram unapplied; polling goes on. */
@Timeout(60)
class StoreOutageTest {
    @TempDir
    Path dir;

    @Test
    void aPollIsConfirmedOnlyOnceTheStoreHasTakenIt() throws Exception {
        Map<Language, Catalogue> catalogues = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            catalogues.put(language, Catalogue.load(language, null));
        }
        int firstUpdate = 500;
        try (FakeBotApi api = new FakeBotApi(firstUpdate);
             SwitchableStore store = new SwitchableStore(SqliteConversationStore.open(dir, Map.of("BOT_DATA_KEY",
                     "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="), Clock.systemUTC()))) {
            var settings = new BotSettings(FakeBotApi.TOKEN, URI.create(api.url()), 1, 1000, 4, true, null);
            try (TelegramBot bot = TelegramBot.start(settings, new ChatService(Dialog.newEngine(), store,
                    Clock.systemUTC()), new RequestForm(catalogues, Submission.load()), catalogues)) {
                store.failing.set(true);
                api.pushText(1, 1, "hi", "en");
                store.awaitFailures(3);
                assertTrue(api.calls("getupdates").stream().allMatch(c -> c.params().path("offset").asLong()
                        <= firstUpdate), "the failed update was confirmed to Telegram");
                assertEquals(0, api.messages(1).size());

                store.failing.set(false);
                api.awaitCall(c -> c.method().equals("sendmessage") && c.chatId() == 1, Duration.ofSeconds(20));
                api.pushText(2, 2, "hi", "en"); // polling went on
                api.awaitCall(c -> c.method().equals("sendmessage") && c.chatId() == 2, Duration.ofSeconds(20));
                assertTrue(api.calls("getupdates").stream().anyMatch(c -> c.params().path("offset").asLong()
                        > firstUpdate), "confirmed once applied");
                assertEquals(1, api.messages(1).size(), "applied once: " + api.messages(1));
                assertEquals(List.of(), api.violations());
            }
        }
    }
}
