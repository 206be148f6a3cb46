package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import miicbot.engine.Event;
import miicbot.engine.Reply;
import org.junit.jupiter.api.Test;

class TelegramSenderTest {

    @Test
    void shortTextIsOneMessage() {
        assertEquals(List.of("Hello\n\nWorld"), TelegramSender.split("Hello\n\nWorld"));
    }

    @Test
    void longTextSplitsAtParagraphsWithinTheLimit() {
        String paragraph = "word ".repeat(500).strip(); // 2,499 characters
        List<String> parts = TelegramSender.split(paragraph + "\n\n" + paragraph + "\n\n" + paragraph);
        assertEquals(3, parts.size());
        parts.forEach(p -> assertEquals(paragraph, p));
    }

    @Test
    void aParagraphLongerThanTheLimitSplitsAtLinesThenCharacters() {
        String line = "x".repeat(3000);
        List<String> parts = TelegramSender.split(line + "\n" + line + "\n" + "😀".repeat(5000));
        assertTrue(parts.stream().allMatch(p -> TelegramSender.length(p) <= 4096), parts.stream().map(String::length).toList().toString());
        assertEquals(line + line + "😀".repeat(5000), String.join("", parts).replace("\n", ""), "nothing lost");
    }

    @Test
    void captionsAreCutToTheLimit() {
        String cut = TelegramSender.cut("é".repeat(2000), TelegramSender.MAX_CAPTION);
        assertEquals(1024, TelegramSender.length(cut));
        assertTrue(cut.endsWith("…"));
    }

    @Test
    void callbackDataRoundTripsAndForgeriesBecomeStale() {
        Reply.Ask ask = new Reply.Ask("q", List.of(List.of(new Reply.Option("about:opt_out", "About"))), 42);
        String data = Keyboards.of(ask).getKeyboard().get(0).get(0).getCallbackData();
        assertEquals("42:about:opt_out", data);
        assertEquals(new Event.Tap(42, "about:opt_out"), Keyboards.tap(data));
        assertEquals(-1, Keyboards.tap("x:1").ask());
        assertEquals(-1, Keyboards.tap("99999999999:a").ask());
        assertEquals(-1, Keyboards.tap(null).ask());
        assertNull(Keyboards.of(new Reply.Ask("typed", List.of(), 1)));
    }

    @Test
    void overlongCallbackDataNeverReachesTelegram() {
        assertThrows(IllegalArgumentException.class, () -> Keyboards.callbackData(1, "c".repeat(63)));
    }
}
