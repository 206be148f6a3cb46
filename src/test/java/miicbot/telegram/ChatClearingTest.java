package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import miicbot.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Clear this chat" through the real client, SQLite and the fake Bot API: afterwards the chat holds nothing
 * personal but what Telegram refuses to delete (older than 48 hours), and the bot says how many; twice, after a
 * restart, or from an old button: no error, nothing deleted twice.
 */
@Timeout(180)
class ChatClearingTest {
    /** The parent's and child's names, phone, address and date of birth, as typed and as the bot shows them. */
    private static final List<String> PERSONAL = List.of("Zebulon", "Quixotefeather", "Xylandra", "651-555-0199",
            "651 555 0199", "Snapdragon", "Brambleton", "2/13/2017", "02/13/2017", "February 13, 2017");

    @TempDir
    Path dir;

    @Test
    void afterClearingNothingPersonalIsLeftInTheChat() throws Exception {
        long chat = 8001;
        try (BotHarness h = new BotHarness(dir)) {
            interview(h, chat);
            assertTrue(leftovers(h, chat).size() > 0, "the chat held the answers before");
            tap(h, chat, "clear");
            assertEquals(List.of(), leftovers(h, chat), "personal data left after clearing");
            assertTrue(h.lastText(chat).startsWith("I deleted the messages of this chat that I could."),
                    h.lastText(chat));
            assertEquals(List.of(h.lastText(chat)), h.api.textsInChat(chat), "only the bot's last word is left");
            assertDeletedOnce(h, chat);
            assertTrue(h.store.load(chat).isEmpty(), "the conversation is erased");
            h.assertNoViolations();
        }
    }

    @Test
    void messagesOlderThan48HoursStayAndTheBotSaysHowMany() throws Exception {
        long chat = 8002;
        try (BotHarness h = new BotHarness(dir)) {
            h.type(chat, "hi");
            tap(h, chat, "parent");
            h.type(chat, "Zebulon Quixotefeather");
            h.api.age(chat, Duration.ofHours(49)); // everything so far: "hi", the welcome, the name and its question
            h.type(chat, "651 555 0199").type(chat, "4242 Snapdragon Way, Brambleton, MN 55101")
                    .type(chat, "Xylandra").type(chat, "Quixotefeather").type(chat, "2/13/2017");
            toTheEnd(h, chat);
            tap(h, chat, "clear");
            List<String> left = h.api.textsInChat(chat);
            String last = h.lastText(chat);
            int old = left.size() - 1;
            assertTrue(old >= 3, "the old messages stay: " + left);
            assertTrue(last.contains("I could not delete " + old + " messages"), last);
            assertTrue(last.contains("48 hours"), last);
            for (String text : left) {
                for (String secret : List.of("0199", "Snapdragon", "Xylandra", "2/13/2017")) {
                    assertFalse(text.contains(secret), "a message from the last 48 hours is left: " + text);
                }
            }
            assertDeletedOnce(h, chat);
            h.assertNoViolations();
        }
    }

    @Test
    void anOldButtonTwiceOrARestartMidwayDoNoHarm() throws Exception {
        long chat = 8003;
        FakeBotApi api = new FakeBotApi();
        BotHarness first = new BotHarness(dir, api);
        try {
            interview(first, chat); // ends with an offer to clear, not taken
            FakeBotApi.BotMessage oldOffer = api.lastMessage(chat);
            first.type(chat, "/start");
            tap(first, chat, "parent");
            tapOn(first, chat, oldOffer); // during a new interview: a passed question, asked again
            assertTrue(first.lastText(chat).startsWith("That question has passed.")
                    && first.lastText(chat).endsWith("What is your full name?"), first.lastText(chat));
            assertTrue(first.store.load(chat).isPresent(), "the new interview is kept");
            first.type(chat, "/forget"); // erases it, and offers to clear the chat again
            FakeBotApi.BotMessage offer = api.lastMessage(chat);
            int sends = api.calls("sendMessage").size();
            int deletes = api.calls("deleteMessages").size();
            api.pushTap(chat, chat, oldOffer.messageId(), oldOffer.buttons().get(0).data()); // tapped before: ignored
            first.type(chat, "/status");
            assertEquals(sends + 1, api.calls("sendMessage").size(), "only /status is answered: "
                    + first.transcript(chat));
            assertEquals(deletes, api.calls("deleteMessages").size(), "nothing deleted");
            api.failNext("deleteMessages", 1_000, 500); // the bot stops before the clearing has gone through
            String data = offer.buttons().get(0).data();
            api.pushTap(chat, chat, offer.messageId(), data);
            api.pushTap(chat, chat, offer.messageId(), data); // a double tap
            api.awaitCall(c -> c.method().equals("deletemessages") && c.status() == 500, Duration.ofSeconds(20));
        } finally {
            first.stopBot();
        }
        api.failNext("deleteMessages", 0, 500);
        try (BotHarness again = new BotHarness(dir, api)) {
            api.awaitCall(c -> c.method().equals("sendmessage")
                    && c.params().path("text").asText().startsWith("I deleted"), Duration.ofSeconds(30));
            api.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(10));
            // The double tap may reach the new bot (its first poll may hold it): that clears again, which deletes
            // only the first summary. Either way nothing is deleted twice and one summary is left.
            assertEquals(List.of(), leftovers(again, chat));
            assertEquals(1, api.textsInChat(chat).size(), api.textsInChat(chat).toString());
            assertTrue(again.store.load(chat).isEmpty());
            assertDeletedOnce(again, chat);
            // A tap the stopped bot answered but did not confirm comes again, and is answered again: Telegram
            // refuses the second answer, which is harmless (the stopped bot could not know).
            assertEquals(List.of(), api.violations().stream()
                    .filter(v -> !v.startsWith("answercallbackquery: query is too old")).toList());
        }
    }

    private static void tapOn(BotHarness h, long chat, FakeBotApi.BotMessage message) throws InterruptedException {
        int before = h.api.botCalls();
        h.api.pushTap(chat, chat, message.messageId(), message.buttons().get(0).data());
        h.settle(before);
    }

    /** A whole interview for one child, to the end and its offer to clear the chat. */
    private static void interview(BotHarness h, long chat) throws InterruptedException {
        h.type(chat, "hi");
        tap(h, chat, "parent");
        h.type(chat, "Zebulon Quixotefeather").type(chat, "651 555 0199")
                .type(chat, "4242 Snapdragon Way, Brambleton, MN 55101").type(chat, "Xylandra")
                .type(chat, "Quixotefeather").type(chat, "2/13/2017");
        toTheEnd(h, chat);
        awaitButton(h, chat, "clear"); // the end offers to clear the chat
    }

    private static void toTheEnd(BotHarness h, long chat) throws InterruptedException {
        tap(h, chat, "skip");
        tap(h, chat, "opt_out");
        tap(h, chat, "confirm");
        tap(h, chat, "finish");
    }

    /** Taps once the bot's latest message has the button: on a loaded machine its reply can lag the last one. */
    private static void tap(BotHarness h, long chat, String code) throws InterruptedException {
        awaitButton(h, chat, code);
        h.tap(chat, code);
    }

    private static void awaitButton(BotHarness h, long chat, String code) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (h.api.lastMessage(chat) == null || h.api.lastMessage(chat).buttons().stream()
                .noneMatch(b -> b.data() != null && b.data().endsWith(":" + code))) {
            assertTrue(System.currentTimeMillis() < deadline, "no button " + code + ": " + h.api.lastMessage(chat));
            Thread.sleep(10);
        }
    }

    private static List<String> leftovers(BotHarness h, long chat) {
        return h.api.textsInChat(chat).stream().filter(t -> PERSONAL.stream().anyMatch(t::contains)).toList();
    }

    private static void assertDeletedOnce(BotHarness h, long chat) {
        h.api.deletions(chat).forEach((id, times) -> assertEquals(1, times, "message " + id + " deleted twice"));
    }
}
